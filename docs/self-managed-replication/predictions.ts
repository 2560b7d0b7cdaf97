/** Chapter 8's "predict first" answers, from the engine with the live blocks' models. */
import {primaryFailure, simulate, zoneOutage, type Fault, type ReplicationMode} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';

function run(replication: ReplicationMode, replicaZones: string[], faults: Fault[], tasksPerZone?: Record<string, number>) {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: tasksPerZone ? {tasksPerZone} : {desiredCount: 3},
    database: {kind: 'self-managed', primaryZone: 'a', replicaZones, replication},
    traffic: {requestsPerSecond: 100, writeShare: 0.1},
    faults,
  }).summary;
}

const modes = (['sync', 'quorum', 'semi-sync', 'async'] as const).map((mode) => ({mode, summary: run(mode, ['b'], [primaryFailure({at: 600})])}));
const losing = modes.filter(({summary}) => summary.writesLost > 0);
const slowest = modes.reduce((a, b) => (b.summary.databaseDowntimeSeconds > a.summary.databaseDowntimeSeconds ? b : a));

export const primaryDies: Prediction = {
  asks: [
    {id: 'losing', kind: 'number', label: 'How many of the four modes lose acknowledged writes', unit: 'modes', answer: losing.length},
    {id: 'longest', kind: 'number', label: 'The longest time without writes, in any mode', unit: 's', answer: slowest.summary.databaseDowntimeSeconds},
  ],
  because: `${modes.map(({mode, summary}) => `\`${mode}\` goes ${formatDuration(summary.databaseDowntimeSeconds)} without writes and loses ${formatCount(Math.round(summary.writesLost))}`).join('; ')}. Only a mode that acknowledges a write before the standby has it can lose any.`,
};

const standbyZoneFirst: Fault[] = [zoneOutage('b', {at: 600, duration: 600}), primaryFailure({at: 900})];
const oneStandby = run('semi-sync', ['b'], standbyZoneFirst, {a: 1, c: 1});
const twoStandbys = run('semi-sync', ['b', 'c'], standbyZoneFirst, {a: 1, c: 1});

export const semiSyncFallback: Prediction = {
  asks: [
    {id: 'one-standby', kind: 'number', label: 'Seconds of acknowledged writes lost with one standby', unit: 's', answer: oneStandby.recoveryPointSeconds},
    {id: 'two-standbys', kind: 'number', label: "With a second standby in zone c", unit: 's', answer: twoStandbys.recoveryPointSeconds},
  ],
  because: `when its only standby's zone fails, semi-sync stops waiting and carries on with no second copy; the standby it later promotes stopped at that moment. A second standby in zone c keeps every write.`,
};
