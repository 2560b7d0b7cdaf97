import React from 'react';
import StepChain from '@site/src/components/StepChain';

/**
 * The loop of an alarm-driven evacuation: per-zone metrics, an outlier alarm,
 * guard checks, a zonal shift with an expiry, and people who decide how it
 * ends. A picture of the chapter's design, not of a result: it shows no numbers.
 */
const STEPS = [
  {title: 'Per-zone metrics', line: 'errors and latency, zone by zone'},
  {title: 'Outlier alarm', line: 'one zone stands out from the others', stroke: 'var(--fl-dead)'},
  {title: 'Guard checks', line: 'only one zone sick? capacity to spare?'},
  {title: 'Zonal shift', line: 'StartZonalShift, with an expiry', stroke: 'var(--ifm-color-primary)'},
  {title: 'People decide', line: 'investigate, then cancel or let expire'},
] as const;

export default function EvacuationLoop(): React.JSX.Element {
  return (
    <StepChain
      id="evacuation-loop"
      title="An alarm-driven evacuation of a sick zone, step by step"
      description="Five steps from top to bottom. Per-zone metrics record error rate and latency zone by zone. An outlier alarm fires when one zone stands out from the others. Guard checks confirm that only one zone looks sick and that the other zones have capacity to spare. Automation then starts a zonal shift away from that zone, with an expiry. Finally people investigate and either cancel the shift or let it expire; an arrow returns to the metrics, which keep watching."
      caption="An evacuation you build yourself: the alarm only starts a shift that expires on its own, people decide how it ends, and the metrics keep watching throughout."
      steps={STEPS}
      loopBack
    />
  );
}
