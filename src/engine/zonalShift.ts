/**
 * Zonal shifts: traffic moved away from one zone's load balancer node and targets. Three
 * things start one, and the model keeps them apart because they see different failures:
 *
 * - an operator, by hand (`zonalShift`), until the shift expires;
 * - AWS's zonal autoshift (`zonalAutoshift`), which AWS starts from its own telemetry when a
 *   zone is impaired (in the model: a zone outage, or a zone cut off by a partition) and ends
 *   when the zone recovers. It never starts for a failure only your application has;
 * - your alarm-driven zonal shift (`alarmZonalShift`): a per-zone alarm on the zone's error
 *   rate whose automation starts a shift with an expiry. It sees gray failures too.
 *
 * A load balancer has one zonal shift at a time; a second one is ignored and logged.
 */
import {DEFAULT_ALARM_SHIFT, DEFAULT_AUTOSHIFT_DELAY_SECONDS} from './defaults';
import type {FlowResult} from './flows';
import {loseTaskSessions} from './sessions';
import {activePartition, fmt, log, schedule, zoneName, type Item, type Sim} from './state';
import type {AlarmZonalShiftAction, ZonalAutoshiftAction} from './types';

/** Who started the shift in effect. */
export type ShiftSource = 'operator' | 'autoshift' | 'alarm';

const WHO: Record<ShiftSource, string> = {
  operator: 'operator',
  autoshift: 'AWS zonal autoshift',
  alarm: 'your alarm’s automation',
};

/** Starts a shift away from zone `z`, expiring at `until` (`null`: until the source ends it). */
export function startShift(sim: Sim, z: number, source: ShiftSource, until: number | null): void {
  if (sim.shiftedZone !== null) {
    log(sim, 'shift/ignored', `zonal shift away from zone ${zoneName(sim, z)} ignored: zone ${zoneName(sim, sim.shiftedZone)} is already shifted`, {
      zone: z,
    });
    return;
  }
  const leaving = sim.tasks.filter((t) => !t.removed && t.zone === z && t.lb === 'healthy').map((task) => ({task, share: 1}));
  loseTaskSessions(sim, leaving, `zonal shift moved users off zone ${zoneName(sim, z)}`);
  sim.shiftedZone = z;
  sim.shiftSource = source;
  sim.shiftGen++;
  sim.dirty = true;
  if (until !== null) schedule(sim, until, 'shift/ended', {gen: sim.shiftGen, zone: z});
  log(
    sim,
    'shift/started',
    `${WHO[source]} shifted traffic away from zone ${zoneName(sim, z)}${until === null ? '' : ` until t=${fmt(until)} s`}`,
    {zone: z},
  );
}

function endShift(sim: Sim, why: string): void {
  const z = sim.shiftedZone;
  if (z === null) return;
  sim.shiftedZone = null;
  sim.shiftSource = null;
  sim.shiftGen++;
  sim.dirty = true;
  log(sim, 'shift/ended', `zonal shift away from zone ${zoneName(sim, z)} ended (${why})`, {zone: z});
}

/** `shift/ended`: the shift in effect reached its expiry. */
export function ruleShiftEnded(sim: Sim, item: Item): void {
  if (item.gen === sim.shiftGen) endShift(sim, 'it expired');
}

/** A zone impairment AWS's own telemetry would see: the zone is down or cut off. A gray failure or a task crash is not one. */
function awsSeesImpairment(sim: Sim, z: number): boolean {
  return sim.zoneDown[z]! > 0 || activePartition(sim)?.zone === z;
}

function autoshiftConfig(sim: Sim): Required<Omit<ZonalAutoshiftAction, 'kind'>> | null {
  const a = sim.model.actions.find((x): x is ZonalAutoshiftAction => x.kind === 'zonalAutoshift');
  return a === undefined ? null : {delaySeconds: a.delaySeconds ?? DEFAULT_AUTOSHIFT_DELAY_SECONDS};
}

/** Zone `z` was just lost or cut off: with autoshift on, AWS shifts away from it after its delay. */
export function zoneImpairmentStarted(sim: Sim, z: number): void {
  const cfg = autoshiftConfig(sim);
  if (cfg === null) return;
  schedule(sim, sim.t + cfg.delaySeconds, 'autoshift/started', {zone: z});
}

/** `autoshift/started`: AWS starts an autoshift if the zone is still impaired. */
export function ruleAutoshiftStarted(sim: Sim, item: Item): void {
  const z = item.zone!;
  if (!awsSeesImpairment(sim, z)) return;
  log(sim, 'autoshift/started', `AWS’s telemetry shows zone ${zoneName(sim, z)} impaired: zonal autoshift moves traffic away from it`, {zone: z});
  startShift(sim, z, 'autoshift', null);
}

/** Zone `z` recovered or its partition healed: AWS ends its autoshift once the zone has recovered. */
export function zoneImpairmentEnded(sim: Sim, z: number): void {
  if (sim.shiftSource === 'autoshift' && sim.shiftedZone === z && !awsSeesImpairment(sim, z)) endShift(sim, 'AWS saw the zone recover');
}

/** The alarm-driven shift's settings, or null without one (read after every rebuilt segment: a plain loop). */
function alarmConfig(sim: Sim): Required<Omit<AlarmZonalShiftAction, 'kind'>> | null {
  let a: AlarmZonalShiftAction | undefined;
  for (const x of sim.model.actions) if (x.kind === 'alarmZonalShift') a ??= x;
  if (a === undefined) return null;
  return {
    errorRateThreshold: a.errorRateThreshold ?? DEFAULT_ALARM_SHIFT.errorRateThreshold,
    evaluationPeriodSeconds: a.evaluationPeriodSeconds ?? DEFAULT_ALARM_SHIFT.evaluationPeriodSeconds,
    evaluationPeriods: a.evaluationPeriods ?? DEFAULT_ALARM_SHIFT.evaluationPeriods,
    expiresAfterSeconds: a.expiresAfterSeconds ?? DEFAULT_ALARM_SHIFT.expiresAfterSeconds,
  };
}

/**
 * After routing changes: each zone's alarm compares the zone's error rate with its threshold.
 * A breach that starts now fires the alarm after `evaluationPeriods` × `evaluationPeriodSeconds`
 * unless it ends before; a zone with no traffic (shifted away) does not breach.
 */
export function checkAlarms(sim: Sim, flows: FlowResult): void {
  const cfg = alarmConfig(sim);
  if (cfg === null) return;
  for (let z = 0; z < sim.model.zones.length; z++) {
    const a = flows.zoneAttempts[z]!;
    const rate = a > 0 ? flows.zoneFailed[z]! / a : 0;
    const breaching = a > 0 && rate >= cfg.errorRateThreshold && sim.shiftedZone !== z;
    if (!breaching) {
      if (sim.alarmBreachSince[z] !== null) {
        sim.alarmBreachSince[z] = null;
        sim.alarmGen[z]!++;
      }
      continue;
    }
    if (sim.alarmBreachSince[z] !== null) continue;
    sim.alarmBreachSince[z] = sim.t;
    const wait = cfg.evaluationPeriods * cfg.evaluationPeriodSeconds;
    schedule(sim, sim.t + wait, 'alarm/fired', {zone: z, gen: sim.alarmGen[z]!});
    log(
      sim,
      'alarm/breaching',
      `zone ${zoneName(sim, z)} error rate ${fmt(rate * 100)}% is at or above your alarm’s ${fmt(cfg.errorRateThreshold * 100)}%; it fires if that lasts ${cfg.evaluationPeriods} × ${fmt(cfg.evaluationPeriodSeconds)} s`,
      {zone: z},
    );
  }
}

/** `alarm/fired`: the zone breached for every evaluation period; automation starts a zonal shift with its expiry. */
export function ruleAlarmFired(sim: Sim, item: Item): void {
  const z = item.zone!;
  if (item.gen !== sim.alarmGen[z] || sim.alarmBreachSince[z] === null) return;
  const cfg = alarmConfig(sim)!;
  sim.alarmBreachSince[z] = null;
  sim.alarmGen[z]!++;
  log(sim, 'alarm/fired', `your alarm on zone ${zoneName(sim, z)}’s error rate fired; automation starts a zonal shift that expires after ${fmt(cfg.expiresAfterSeconds)} s`, {
    zone: z,
  });
  startShift(sim, z, 'alarm', sim.t + cfg.expiresAfterSeconds);
}
