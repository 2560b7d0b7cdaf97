/**
 * The rule table: each queued item names the rule that handles it. Most rules live with their
 * mechanism (scheduler, database, partition, zonal shift, clients); the zone and traffic rules,
 * which touch several mechanisms at once, are here.
 */
import {nodeBack, nodeLost, ruleClientsStep} from './clients/step';
import {
  reconcileDb,
  ruleFailoverCompleted,
  ruleInstanceRepaired,
  ruleLagSpike,
  rulePrimaryFailed,
  rulePromotionRequested,
  ruleSemiSyncFellBack,
  ruleWriterCreated,
  partitionHealed,
  partitionStarted,
  ruleLeaderLockLost,
  ruleProcessRestarted,
  ruleRestartGaveUp,
} from './database';
import {rulePartitionHealed, rulePartitionMarked, rulePartitionRestored, rulePartitionStarted} from './partition';
import {ruleDrainFinished, ruleTaskStopNoticed} from './scheduler';
import {ruleTargetHealthy, ruleTargetMarkedUnhealthy} from './targetHealth';
import {killZoneTasks, ruleTaskCrashed, ruleTaskReady, zoneReturned} from './taskLifecycle';
import {ruleAlarmFired, ruleAutoshiftStarted, ruleShiftEnded, startShift, zoneImpairmentEnded, zoneImpairmentStarted} from './zonalShift';
import {fmt, log, loseSessions, schedule, zoneName, type Item, type Sim} from './state';
import {DAILY_STEP_SECONDS, rateAt} from './traffic';

/** Every rule, by the name items carry. */
export const RULES: Record<Item['rule'], (sim: Sim, item: Item) => void> = {
  'zone/failed': (sim, item) => {
    const z = item.zone!;
    sim.zoneDown[z]!++;
    if (sim.zoneDown[z]! > 1) return;
    sim.dirty = true;
    log(sim, 'zone/failed', `zone ${zoneName(sim, z)} failed`, {zone: z});
    nodeLost(sim, z);
    killZoneTasks(sim, z);
    zoneImpairmentStarted(sim, z);
    const {service} = sim.model;
    if (service.sessionStore === 'single-zone' && service.sessionStoreZone === sim.model.zones[z]) {
      loseSessions(sim, sim.model.traffic.activeSessions, `the session store in zone ${zoneName(sim, z)} failed`);
    }
    if (service.zonalDependency !== null && service.zonalDependency.zone === sim.model.zones[z]) {
      log(sim, 'dependency/failed', `${service.zonalDependency.name} in zone ${zoneName(sim, z)} is down for every task`, {zone: z});
    }
    reconcileDb(sim);
  },
  'zone/recovered': (sim, item) => {
    const z = item.zone!;
    sim.zoneDown[z]!--;
    if (sim.zoneDown[z]! > 0) return;
    sim.dirty = true;
    log(sim, 'zone/recovered', `zone ${zoneName(sim, z)} is back`, {zone: z});
    nodeBack(sim, z);
    zoneReturned(sim, z);
    reconcileDb(sim);
    zoneImpairmentEnded(sim, z);
  },
  'task/crashed': ruleTaskCrashed,
  'task/ready': ruleTaskReady,
  'lb/targetMarkedUnhealthy': ruleTargetMarkedUnhealthy,
  'lb/targetHealthy': ruleTargetHealthy,
  'scheduler/taskStopNoticed': ruleTaskStopNoticed,
  'scheduler/drainFinished': ruleDrainFinished,
  'zone/grayFailureStarted': (sim, item) => {
    const z = item.zone!;
    sim.gray[z]!.push(item.value!);
    sim.dirty = true;
    log(
      sim,
      'zone/grayFailureStarted',
      `gray failure in zone ${zoneName(sim, z)}: ${fmt(item.value! * 100)}% of requests served there fail, health checks still pass`,
      {zone: z},
    );
  },
  'zone/grayFailureEnded': (sim, item) => {
    const z = item.zone!;
    const list = sim.gray[z]!;
    const i = list.indexOf(item.value!);
    if (i >= 0) list.splice(i, 1);
    sim.dirty = true;
    log(sim, 'zone/grayFailureEnded', `gray failure in zone ${zoneName(sim, z)} ended`, {zone: z});
  },
  'shift/started': (sim, item) => startShift(sim, item.zone!, 'operator', item.value!),
  'shift/ended': ruleShiftEnded,
  'autoshift/started': ruleAutoshiftStarted,
  'alarm/fired': ruleAlarmFired,
  'db/primaryFailed': rulePrimaryFailed,
  'db/instanceRepaired': ruleInstanceRepaired,
  'db/failoverCompleted': ruleFailoverCompleted,
  'db/semiSyncFellBack': ruleSemiSyncFellBack,
  'db/lagSpikeStarted': (sim, item) => ruleLagSpike(sim, item, true),
  'db/lagSpikeEnded': (sim, item) => ruleLagSpike(sim, item, false),
  'db/promotionRequested': rulePromotionRequested,
  'db/writerCreated': ruleWriterCreated,
  'partition/started': (sim, item) => {
    rulePartitionStarted(sim, item);
    partitionStarted(sim);
    zoneImpairmentStarted(sim, item.zone!);
  },
  'partition/marked': rulePartitionMarked,
  'partition/healed': (sim, item) => {
    const z = sim.partition?.zone;
    rulePartitionHealed(sim, item);
    partitionHealed(sim);
    if (z !== undefined) zoneImpairmentEnded(sim, z);
  },
  'partition/restored': rulePartitionRestored,
  'db/leaderLockLost': ruleLeaderLockLost,
  'db/processRestarted': ruleProcessRestarted,
  'db/restartGaveUp': ruleRestartGaveUp,
  'traffic/rateChanged': (sim) => {
    sim.rate = rateAt(sim.model.traffic, sim.t);
    sim.dirty = true;
    if (sim.t + DAILY_STEP_SECONDS < sim.model.durationSeconds) schedule(sim, sim.t + DAILY_STEP_SECONDS, 'traffic/rateChanged');
  },
  'clients/step': ruleClientsStep,
};

