/**
 * Chapter 8's "predict first" answers, from the engine: the replication race's
 * four modes with the widget's defaults, and the async-replica lab.
 */
import {getPreset, replicationRace, simulate} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {eventAt} from '@site/src/content/measure';

const modes = (['sync', 'semi-sync', 'async', 'quorum'] as const).map((mode) => replicationRace({mode, writeRate: 50}));
const losing = modes.filter((race) => race.writesLostOnPrimaryLoss > 0);
const slower = modes.filter((race) => race.writeLatencyAddedMs > 0);
const list = (races: typeof modes) => races.map((race) => race.mode).join(', ');

export const fourModes: Prediction = {
  asks: [
    {id: 'losing', kind: 'number', label: 'How many of the four modes lose acknowledged writes', unit: 'modes', answer: losing.length},
    {id: 'slower', kind: 'number', label: 'How many make every commit slower', unit: 'modes', answer: slower.length},
  ],
  because: `only ${list(losing)} acknowledges a write before a standby has it, so it loses lag × write rate. ${list(slower)} wait for a standby's answer, one round trip between zones on every commit.`,
};

const labRun = simulate(getPreset('async-replica').model);
const lab = labRun.summary;

export const asyncPromotion: Prediction = {
  asks: [
    {id: 'writes-lost', kind: 'number', label: 'Acknowledged writes lost', unit: 'writes', answer: Math.round(lab.writesLost)},
    {id: 'without-writes', kind: 'number', label: 'Time without writes', unit: 'min', answer: Math.round(lab.databaseDowntimeSeconds / 6) / 10},
  ],
  because: `the replica had reached ${lab.recoveryPointSeconds} s before the failure, so ${formatCount(Math.round(lab.writesLost))} writes never got there. Writes fail for ${formatDuration(lab.databaseDowntimeSeconds)}: the wait for the operator, then the promotion itself.`,
};

const promotionRequested = eventAt(labRun, 'db/promotionRequested');
const promoted = eventAt(labRun, 'db/replicaPromoted');
const asyncModel = getPreset('async-replica').model;
const asyncDatabase = asyncModel.database;
if (asyncDatabase?.kind !== 'async-replica') throw new Error('the async-replica preset no longer has an async replica');
const labLagged = simulate({...asyncModel, database: {...asyncDatabase, lagSeconds: 20}}).summary;

/** The async-replica lab's figures the prose after it quotes, and the same lab with 20 s of lag. */
export const asyncFigures = {
  writesLost: formatCount(Math.round(lab.writesLost)),
  withoutWrites: formatDuration(lab.databaseDowntimeSeconds),
  promotion: formatDuration(promotionRequested !== null && promoted !== null ? promoted - promotionRequested : 0),
  lagged20WritesLost: formatCount(Math.round(labLagged.writesLost)),
  lagged20WithoutWrites: formatDuration(labLagged.databaseDowntimeSeconds),
};
