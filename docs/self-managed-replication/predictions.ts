/** Chapter 10's "predict first" answers, from the engine with the live blocks' models. */
import {primaryFailure, simulate, zoneOutage, type Fault, type Model} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';

/** The replication modes a self-managed database can be given. */
type SelfManagedReplication = Extract<NonNullable<Model['database']>, {kind: 'self-managed'}>['replication'];

function run(replication: SelfManagedReplication, replicaZones: string[], faults: Fault[]) {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3},
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
const runFallback = (replicaZones: string[]) =>
  simulate({
    zones: ['a', 'b', 'c'],
    service: {tasksPerZone: {a: 1, c: 1}},
    database: {kind: 'self-managed', primaryZone: 'a', replicaZones, replication: 'semi-sync'},
    traffic: {requestsPerSecond: 100, writeShare: 0.1},
    faults: standbyZoneFirst,
  });
const oneStandbyRun = runFallback(['b']);
const oneStandby = oneStandbyRun.summary;
const twoStandbys = runFallback(['b', 'c']).summary;
const promoted = oneStandbyRun.events.some((event) => event.type === 'db/replicaPromoted');

export const semiSyncFallback: Prediction = {
  asks: [
    {
      id: 'promoted',
      kind: 'choice',
      label: 'When zone b returns, the failover manager',
      choices: [
        {id: 'yes', text: 'promotes the standby'},
        {id: 'no', text: 'promotes nobody'},
      ],
      answer: promoted ? 'yes' : 'no',
    },
    {id: 'one-standby', kind: 'number', label: 'Seconds of acknowledged writes lost with one standby', unit: 's', answer: oneStandby.recoveryPointSeconds},
    {id: 'no-writes', kind: 'number', label: 'Time without writes with one standby', unit: 's', answer: oneStandby.databaseDowntimeSeconds},
    {id: 'two-standbys', kind: 'number', label: 'Seconds of acknowledged writes lost with a second standby in zone c', unit: 's', answer: twoStandbys.recoveryPointSeconds},
  ],
  because: `when its only standby's zone fails, semi-sync stops waiting and carries on with no second copy, so the standby falls behind. ${
    promoted
      ? 'When zone b returns, the failover manager promotes it anyway'
      : 'When zone b returns it is further behind than `maximum_lag_on_failover` allows, so the failover manager promotes nobody (the lab applies Patroni’s rule to MySQL too)'
  }: ${formatCount(Math.round(oneStandby.writesLost))} acknowledged writes lost and ${formatDuration(oneStandby.databaseDowntimeSeconds)} without writes. A second standby in zone c keeps every write and is promoted at once: ${formatDuration(twoStandbys.databaseDowntimeSeconds)} without writes.`,
};
