// The capacity bars' numbers (_CapacityBars.tsx), computed by the engine's capacityPlan when the site is
// built (docs/**/*.ts modules are evaluated at build time: src/plugins/buildTimeData.ts).
import {capacityPlan} from '@site/src/engine';

export const PEAK = 1200;

/** For 2, 3 and 4 zones, the plan that survives the loss of one zone at the peak. */
export const capacityRows = [2, 3, 4].map((zones) => ({zones, plan: capacityPlan({zones, peakRequestsPerSecond: PEAK, capacityPerTask: 1})}));
