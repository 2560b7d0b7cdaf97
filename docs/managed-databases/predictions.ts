/** Chapter 9's "predict first" answers, from the engine's runs of the two labs' presets. */
import {getPreset, simulate} from '@site/src/engine';
import type {Prediction} from '@site/src/components/Predict/types';

const rds = simulate(getPreset('rds-multi-az').model).summary;
const aurora = simulate(getPreset('aurora').model).summary;

export const twoLabs: Prediction = {
  asks: [
    {id: 'rds-down', kind: 'number', label: 'Seconds without writes, Multi-AZ DB instance', unit: 's', answer: rds.databaseDowntimeSeconds},
    {id: 'aurora-down', kind: 'number', label: 'Seconds without writes, Aurora with a replica', unit: 's', answer: aurora.databaseDowntimeSeconds},
    {id: 'lost', kind: 'number', label: 'Acknowledged writes lost, both labs together', unit: 'writes', answer: Math.round(rds.writesLost + aurora.writesLost)},
  ],
  because:
    'the Multi-AZ instance waits for its synchronous standby to take over, Aurora promotes a replica that reads the same storage. Both had every acknowledged write in another zone, so they pay in time, not in data.',
};
