import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {getPreset, simulate, type Model} from '@site/src/engine';
import {checkGoal} from '@site/src/lab/goal';
import {referenceDesign, startDesign} from '../../docs/capstone/challenge';
import {dnsLabModel} from '../../docs/clients-during-a-zone-loss/models';
import {stormLabModel} from '../../docs/overload/models';
import {setClients, setService} from '@site/src/lab/edit';
import {LAB_GOALS} from './labGoals';

type GoalId = keyof typeof LAB_GOALS;

/** Each goal's lab: the model it starts from, and one design a reader can build in the lab's controls that meets the goal. */
const LABS: Record<GoalId, {start: Model; solution: (start: Model) => Model}> = {
  loneTask: {start: getPreset('one-task-two-zones').model, solution: (m) => ({...m, service: {...m.service, desiredCount: 2}})},
  sessionsInMemory: {
    start: getPreset('in-memory-sessions').model,
    solution: (m) => ({...m, service: {...m.service, sessionStore: 'multi-zone'}}),
  },
  shiftSooner: {
    start: getPreset('gray-failure-zonal-shift').model,
    solution: (m) => ({...m, actions: [{kind: 'zonalShift', zone: 'b', at: 600, duration: 3000}]}),
  },
  asyncPromotion: {
    start: getPreset('async-replica').model,
    solution: (m) => ({...m, database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'}}),
  },
  twoStatelessTasks: {start: getPreset('two-stateless-tasks').model, solution: (m) => ({...m, clients: {retries: 2}})},
  alarmShift: {start: getPreset('gray-failure-zonal-shift').model, solution: (m) => ({...m, actions: [{kind: 'alarmZonalShift'}]})},
  multiAzInstance: {
    start: getPreset('rds-multi-az').model,
    solution: (m) => ({...m, database: {kind: 'aurora', writerZone: 'a', replicaZones: ['b']}}),
  },
  aurora: {
    start: getPreset('aurora').model,
    solution: (m) => ({...m, database: {kind: 'multi-az-cluster', writerZone: 'a', readerZones: ['b', 'c']}}),
  },
  staleDns: {start: dnsLabModel, solution: (m) => setClients(m, {retries: 2})},
  retryStorm: {start: stormLabModel, solution: (m) => setService(m, {loadShedding: true})},
  capstone: {start: startDesign, solution: () => referenceDesign},
};

describe('chapter lab goals', () => {
  it.each(Object.keys(LAB_GOALS) as GoalId[])('%s: the starting model misses it and a design meets it', (id) => {
    const goal = LAB_GOALS[id];
    const {start, solution} = LABS[id];
    const before = checkGoal(goal, start, start, simulate(start));
    expect(before.faultsKept).toBe(true);
    expect(before.met, before.lines.map((l) => l.text).join('; ')).toBe(false);
    const design = solution(start);
    const after = checkGoal(goal, start, design, simulate(design));
    expect(after.met, after.lines.map((l) => l.text).join('; ')).toBe(true);
  });

  it('does not count a goal met when the lab’s starting fault is removed', () => {
    const start = getPreset('one-task-two-zones').model;
    const noFault = {...start, faults: []};
    const status = checkGoal(LAB_GOALS.loneTask, start, noFault, simulate(noFault));
    expect(status.lines.every((line) => line.met)).toBe(true);
    expect(status).toMatchObject({faultsKept: false, met: false});
  });

  it('says the value and the limit in the reader’s words', () => {
    const start = getPreset('two-stateless-tasks').model;
    const status = checkGoal(LAB_GOALS.twoStatelessTasks, start, start, simulate(start));
    expect(status.lines[0]!.text).toMatch(/^failed requests: [\d,]+ \(goal: at most 999\)$/);
    expect(status.lines[1]!.text).toBe('tasks: 2 (goal: at most 2)');
  });

  it('is used by a lab in the chapters, each goal once', () => {
    const docs = path.join(__dirname, '..', '..', 'docs');
    const text = fs
      .readdirSync(docs, {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.mdx'))
      .map((file) => fs.readFileSync(path.join(docs, file), 'utf8'))
      .join('\n');
    for (const id of Object.keys(LAB_GOALS)) expect(text.split(`goalId="${id}"`).length - 1, id).toBe(1);
  });
});
