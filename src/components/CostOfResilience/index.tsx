import React from 'react';
import {costOfResilience, type Model} from '@site/src/engine';
import {formatCount, formatUsd} from '@site/src/utils/format';
import styles from './styles.module.css';

interface Props {
  model: Model;
  /** Request plus response size for the cross-zone estimate. Default: the engine's 10 kB. */
  bytesPerRequest?: number;
}

/**
 * What the design costs beside what it survives: capacity provisioned against
 * what the load needs, and each flow of traffic between zones, billed or not
 * (the engine's `costOfResilience` decides which).
 */
export default function CostOfResilience({model, bytesPerRequest}: Props): React.JSX.Element | null {
  let cost;
  try {
    cost = costOfResilience(model, bytesPerRequest === undefined ? {} : {bytesPerRequest});
  } catch {
    // An invalid model is reported by the lab itself; there is no cost to show.
    return null;
  }
  const zones = model.zones.length;
  return (
    <div className={styles.cost}>
      <h5 className={styles.title}>Cost of resilience</h5>
      <p>
        <strong>{formatCount(cost.provisionedTasks)}</strong> tasks provisioned for a peak that needs{' '}
        <strong>{formatCount(cost.neededTasks)}</strong>: {formatCount(cost.overheadRatio * 100)} % of the capacity the
        load needs.
        {zones > 1 ? (
          <>
            {' '}
            Surviving the loss of one of {zones} zones with no scaling needs {formatCount((zones / (zones - 1)) * 100)} % (N/(N−1)).
          </>
        ) : null}
      </p>
      <p>
        Traffic between zones billed as inter-AZ transfer: <strong>{formatUsd(cost.crossZoneUsdPerMonth)}</strong> a month (
        {formatCount(cost.crossZoneGBPerMonth)} GB) at the list price of $0.01/GB in each direction (
        <a href="https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region">check the live price</a>;
        sizes are estimates):
      </p>
      <ul className={styles.flows}>
        {cost.crossZoneFlows.map((flow) => (
          <li key={flow.id}>
            {flow.label[0]!.toUpperCase() + flow.label.slice(1)}: {formatCount(flow.gbPerMonth)} GB a month,{' '}
            {flow.charged ? <strong>{formatUsd(flow.usdPerMonth)}</strong> : 'not billed'} ({flow.why}).
          </li>
        ))}
      </ul>
    </div>
  );
}
