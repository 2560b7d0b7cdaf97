import type {SimulationResult} from '@site/src/engine';

/** "Nice" tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function chartTicks(max: number, count: number): number[] {
  const safeMax = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = safeMax / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = 0; v < safeMax + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A shaded stretch of the chart. */
export interface Band {
  key: string;
  kind: 'fault' | 'action';
  from: number;
  to: number;
}

/** Stretches where a fault or a zonal shift was active, clipped to the run. */
export function faultBands(result: SimulationResult): Band[] {
  const end = result.model.durationSeconds;
  const bands: Band[] = [];
  result.model.faults.forEach((fault, index) => {
    const duration = 'duration' in fault && typeof fault.duration === 'number' ? fault.duration : end - fault.at;
    bands.push({key: `f${index}`, kind: 'fault', from: fault.at, to: Math.min(end, fault.at + Math.max(1, duration))});
  });
  result.model.actions.forEach((action, index) => {
    if (action.kind === 'zonalShift') {
      bands.push({key: `a${index}`, kind: 'action', from: action.at, to: Math.min(end, action.at + action.duration)});
    }
  });
  return bands;
}

const TIME_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800];

/** Time ticks at round clock values (30 s, 5 min, 1 h, 1 d…), about `count` of them from 0 to `duration`. */
export function timeTicks(duration: number, count: number): number[] {
  const safe = Number.isFinite(duration) && duration > 0 ? duration : 1;
  const step = TIME_STEPS.find((s) => safe / s <= count) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const ticks: number[] = [];
  for (let t = 0; t <= safe; t += step) ticks.push(t);
  return ticks;
}
