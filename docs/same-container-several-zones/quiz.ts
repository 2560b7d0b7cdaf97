/**
 * Chapter 2 quiz: one task against one task per zone, the lone task's downtime,
 * ECS spread, constraints and AZ rebalancing, and EKS topology spread.
 * Figures are from /work/shared/reference/facts.md; every answer about
 * simulated behaviour is computed from the engine below, never typed by hand.
 */
import {getPreset, selectSegmentAt, simulate, zoneOutage, type Model, type SimulationResult} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';
import {formatCount, formatPercent} from '@site/src/utils/format';

function eventTime(result: SimulationResult, type: string): number {
  const event = result.events.find((e) => e.type === type);
  if (event === undefined) throw new Error(`the run has no ${type} event`);
  return event.t;
}

/** The steps of a lone task's recovery, read from a run's event log. */
function steps(result: SimulationResult) {
  const failed = eventTime(result, 'zone/failed');
  const detected = eventTime(result, 'lb/targetMarkedUnhealthy');
  const ready = eventTime(result, 'lb/targetRegistered');
  const serving = eventTime(result, 'lb/targetHealthy');
  return {detection: detected - failed, start: ready - detected, firstCheck: serving - ready, total: serving - failed};
}

// The chapter's lab: one task, subnets in zones a and b, every setting at its default.
const lonePreset = getPreset('one-task-two-zones');
const loneRun = simulate(lonePreset.model);
const lone = steps(loneRun);
const loneOutage = loneRun.summary.longestOutageSeconds;

// The same with a 10 s health-check interval (the live block's second experiment).
const fastRun = simulate({...lonePreset.model, loadBalancer: {healthCheck: {intervalSeconds: 10}}});
const fast = steps(fastRun);
const fastOutage = fastRun.summary.longestOutageSeconds;

// The two outages over twenty seeds: when the health checks fall moves them within a range.
const SEEDS = Array.from({length: 20}, (_, i) => i + 1);
function outageRange(model: typeof lonePreset.model): {low: number; high: number} {
  const outages = SEEDS.map((seed) => simulate({...model, seed}).summary.longestOutageSeconds);
  return {low: Math.min(...outages), high: Math.max(...outages)};
}
const loneRange = outageRange(lonePreset.model);
const fastRange = outageRange({...lonePreset.model, loadBalancer: {healthCheck: {intervalSeconds: 10}}});

// The lone task's failures, split at the moment it is marked unhealthy (when the lab stops and deregisters it; ECS waits for the replacement).
const noTargetFailed = formatCount(loneRun.summary.failedByCause.noHealthyTarget);
const deadTargetFailed = formatCount(loneRun.summary.failedByCause.deadTarget);
if (!(loneRun.summary.failedByCause.noHealthyTarget > 0) || !(loneRun.summary.failedByCause.deadTarget > 0)) {
  throw new Error('same-container quiz: the fail-open question assumes the lone task fails requests first as a dead target, then with no target');
}

// The same with two tasks: no total outage.
const twoRun = simulate({...lonePreset.model, service: {desiredCount: 2}});

/**
 * Two teams, the same fleet (2 tasks of 50 requests a second in each of three zones, 250 at peak,
 * tasks that shed what they cannot serve), zone c lost at peak for 30 minutes. One team runs one
 * service with the default spread strategy; the other runs three services, each pinned to its zone
 * by a constraint, whose zone c tasks then wait until zone c returns. The engine's fixed fleet
 * (nothing replaced until the zone returns) stands in for the pinned services.
 */
const PINNED = (() => {
  const lostAt = 300;
  const minutesIn = 10;
  const perZone = 2;
  const capacityPerTask = 50;
  const peak = 250;
  const run = (scheduler: 'ecs' | 'none') => {
    const model: Model = {
      zones: ['a', 'b', 'c'],
      service: {tasksPerZone: {a: perZone, b: perZone, c: perZone}, capacityPerTask, loadShedding: true},
      scheduler: {kind: scheduler},
      traffic: {requestsPerSecond: peak},
      faults: [zoneOutage('c', {at: lostAt, duration: 1800})],
      durationSeconds: 3600,
    };
    const result = simulate(model);
    const then = selectSegmentAt(result, lostAt + minutesIn * 60);
    return {result, failingShare: then.failed / then.offered, failed: result.summary.failed};
  };
  const spread = run('ecs');
  const pinned = run('none');
  const replacementsServing = eventTime(spread.result, 'lb/targetHealthy') - lostAt;
  // The story the question tells: spread has replaced zone c's tasks by then, the pinned services are a third short.
  const survivingCapacity = 2 * perZone * capacityPerTask;
  if (spread.failingShare !== 0 || Math.abs(pinned.failingShare - (peak - survivingCapacity) / peak) > 1e-9) {
    throw new Error('same-container quiz: ten minutes in, spread should fail nothing and the pinned services a fifth of the requests');
  }
  return {minutesIn, perZone, capacityPerTask, peak, survivingCapacity, replacementsServing, spread, pinned};
})();

const questions: QuizQuestion[] = [
  {
    id: 'lone-task-total-failure',
    kind: 'numeric',
    prompt:
      'A service runs one task, with subnets in zones a and b, behind an ALB with the default health check (every 30 s, 5 s timeout, 2 failures mark a target unhealthy). Placing, pulling and starting a replacement takes 60 s (the lab’s estimate). Zone a, where the task runs, fails. For about how many seconds does (nearly) every request fail?',
    answer: loneOutage,
    tolerance: 30,
    unit: 's',
    hints: [{value: lone.start, tolerance: 10, text: 'That is the start alone. Before it, the load balancer has to notice the task is dead; after it, the new task must pass a health check.'}],
    explanation: `Add the steps in series. Detection: the dead task is marked unhealthy after two failed checks, 35 to 65 s (${lone.detection} s in the lab’s run). Placement and start: ${lone.start} s. The new target then needs one passing check, at most one interval later (${lone.firstCheck} s in the run). The lab’s run totals ${lone.total} s, and its longest outage is ${loneOutage} s; depending on when the checks fall it ranges from ${loneRange.low} to ${loneRange.high} s over twenty seeds, so any answer near that range counts.`,
  },
  {
    id: 'faster-checks-total-failure',
    kind: 'numeric',
    prompt:
      'Same service, same failure, but the health-check interval is lowered from 30 s to 10 s (timeout 5 s, 2 failures still mark a target unhealthy). The replacement still takes 60 s to place and start. About how long is the total outage now?',
    answer: fastOutage,
    tolerance: 15,
    unit: 's',
    explanation: `A shorter interval shortens detection (${fast.detection} s in the lab’s run) and the wait for the first passing check (${fast.firstCheck} s), but not the ${fast.start} s start, which stays in series. The lab’s run gives ${fastOutage} s; with different check timing it is between ${fastRange.low} and ${fastRange.high} s over twenty seeds. To go further you need a faster start, or better, a task already running in the other zone.`,
  },
  {
    id: 'one-task-two-subnets',
    kind: 'single',
    prompt: 'A colleague says: “Our service is multi-AZ: its one task has subnets in two zones.” What is the accurate reply?',
    choices: [
      {
        id: 'yes-multi-az',
        text: 'Right: ECS runs the task in both zones and the load balancer picks the healthy one.',
        correct: false,
        explanation: 'A task is a process on one machine in one zone. ECS does not run a second copy just because a second subnet exists.',
      },
      {
        id: 'runs-in-one',
        text: 'The task runs in one zone; the second subnet only lets ECS start a replacement there after the first zone fails, with minutes of total outage.',
        correct: true,
        explanation: `Right: the subnets say where a task may be placed. When the task’s zone fails, nothing serves until a replacement is placed, started and passes a health check: ${loneOutage} s in the lab.`,
      },
      {
        id: 'half-traffic',
        text: 'It is half multi-AZ: when a zone fails, half the requests fail until the zone returns.',
        correct: false,
        explanation: 'Half the requests fail when there are two tasks and one dies. With one task, every request fails until a replacement serves.',
      },
      {
        id: 'needs-three',
        text: 'It would be multi-AZ if it had subnets in three zones instead of two.',
        correct: false,
        explanation: 'More subnets give the replacement more places to go, but there is still only one running copy. Multi-AZ needs a running task in each zone.',
      },
    ],
  },
  {
    id: 'no-replacement-yet',
    kind: 'multiple',
    prompt:
      'It is 03:00. Zone a failed twenty minutes ago, and your service’s only task ran there. Nothing has served a request since. Which of these could explain why no replacement is serving yet? Select all that apply.',
    choices: [
      {
        id: 'subnet',
        text: 'The service has no subnet in zone b, the zone that survived.',
        correct: true,
        explanation: 'Right: without a subnet there, the scheduler has nowhere to place the replacement and the service waits for the failed zone to return.',
      },
      {
        id: 'capacity',
        text: 'The tasks run on EC2 instances you manage, none in zone b has room for the task, and no more can be launched there right now.',
        correct: true,
        explanation: 'Right: a replacement needs somewhere to run. Launching capacity for it in the middle of an incident is exactly what static stability avoids relying on.',
      },
      {
        id: 'control-plane',
        text: 'The ECS control plane is impaired by the same event and is slow to place and start tasks.',
        correct: true,
        explanation: 'Right: rescheduling is a control plane action, needed at the worst moment. A task already running in the other zone needs no action at all.',
      },
      {
        id: 'five-checks',
        text: 'A replacement started in zone b ten minutes ago and is still waiting for five health checks in a row.',
        correct: false,
        explanation: 'A new target needs only one passing check, within about one interval of being ready. Five in a row is for a target that was marked unhealthy and is coming back.',
      },
      {
        id: 'sticky',
        text: 'Sticky sessions are enabled on the target group, so the load balancer waits for the old task.',
        correct: false,
        explanation: 'Stickiness decides which target a user’s requests go to; it has nothing to do with whether a replacement can be placed.',
      },
    ],
  },
  {
    id: 'fail-open-lone-task',
    kind: 'single',
    prompt: `Run the chapter’s lab: one task in zone a behind an ALB, every setting at its default. Its log shows zone a failing, the task marked unhealthy ${lone.detection} s later, and the replacement passing its first check ${lone.start + lone.firstCheck} s after that. A colleague reads the ALB documentation and says: "when every target is unhealthy the ALB fails open, so in between, users are still served". What happens to the requests sent in those ${lone.start + lone.firstCheck} s?`,
    choices: [
      {
        id: 'all-fail',
        text: 'Every one fails: fail-open can only send them to registered targets, and the only one is the dead task (or, once it is deregistered, none at all).',
        correct: true,
        explanation: `Right: fail-open sends requests to unhealthy targets, which helps only when they are alive and failing a bad check. On AWS, ECS starts the replacement first and stops the unhealthy task only once the replacement is healthy (its default \`maximumPercent\` of 200 % allows that), so the ALB keeps sending requests to the dead task until then. The lab simplifies: it stops and deregisters the task as soon as it is marked unhealthy, so its log counts ${noTargetFailed} of these failures as having no healthy target, after ${deadTargetFailed} sent to the dead task before. Either way nothing is served until the replacement is in service.`,
      },
      {
        id: 'served-by-fail-open',
        text: 'They are served: with every target unhealthy, the ALB fails open.',
        correct: false,
        explanation: 'Fail-open chooses among the registered targets, unhealthy ones included; it cannot make a dead task answer. Here the only one is the task in the lost zone, so every request sent to it fails. Fail-open matters for a fleet whose live tasks all fail a bad check, as chapter 3 shows.',
      },
      {
        id: 'queues',
        text: 'The ALB holds them until a healthy target appears, then delivers them.',
        correct: false,
        explanation: `A load balancer does not queue requests for a minute and more. Requests sent during those ${lone.start + lone.firstCheck} s fail.`,
      },
      {
        id: 'other-zone-node',
        text: 'The ALB’s node in zone b serves them from the empty subnet until the replacement starts.',
        correct: false,
        explanation: 'A load balancer node does not serve requests itself; it forwards them to targets, and zone b has none until the replacement is in service.',
      },
    ],
    hints: [{choiceIds: ['served-by-fail-open'], text: 'Fail-open chooses among the registered targets. Is any of them still alive?'}],
  },
  {
    id: 'pinned-or-spread-at-peak',
    kind: 'single',
    prompt: `Two teams run the same API on ECS on EC2, each with ${PINNED.perZone} tasks in each of zones a, b and c, every task good for ${PINNED.capacityPerTask} requests a second, at a peak of ${PINNED.peak}; the tasks reject at once what they cannot serve, and every zone has spare EC2 room. The orders team runs one service with the default spread strategy on \`attribute:ecs.availability-zone\`. The payments team runs three services, \`payments-a\`, \`payments-b\` and \`payments-c\`, each held in its zone by a \`memberOf\` placement constraint (\`attribute:ecs.availability-zone == us-east-1c\` for the last). Zone c fails at peak for 30 minutes. What share of each team’s requests is failing ${PINNED.minutesIn} minutes into the outage?`,
    choices: [
      {
        id: 'orders-none-payments-fifth',
        text: `Orders: none. Payments: ${formatPercent(PINNED.pinned.failingShare)}.`,
        correct: true,
        explanation: `Right. The spread strategy is a preference: ECS replaced zone c’s two tasks in zones a and b, serving ${PINNED.replacementsServing} s after the loss in the lab, so six tasks carry the ${PINNED.peak} again. The constraint is binding: \`payments-c\`’s replacements stay \`PENDING\` with no instance in zone c to run on, so four tasks serve ${PINNED.survivingCapacity} of the ${PINNED.peak} requests a second and the rest, ${formatPercent(PINNED.pinned.failingShare)}, fails until zone c is back. Over the outage the engine counts ${formatCount(PINNED.spread.failed)} failed requests for the orders team and ${formatCount(PINNED.pinned.failed)} for the payments team. Pinning services to zones is sound only when the zones left can carry the peak without the lost zone’s tasks, the sizing of chapter 4.`,
      },
      {
        id: 'both-none',
        text: 'Neither: both teams’ lost tasks have been replaced in zones a and b by now.',
        correct: false,
        explanation: `Only the orders team’s. A constraint is never relaxed: \`payments-c\` may place tasks only in zone c, so its replacements wait, \`PENDING\`, for the zone to return, and the payments team is ${formatPercent(PINNED.pinned.failingShare)} short all that time.`,
      },
      {
        id: 'both-fifth',
        text: `Both: ${formatPercent(PINNED.pinned.failingShare)}, because no task can be placed in zone c until it returns.`,
        correct: false,
        explanation: `The spread strategy only prefers an even spread. When zone c cannot take tasks, ECS places them in zones a and b anyway, lopsided; in the lab the orders team is back to six tasks ${PINNED.replacementsServing} s after the loss, and fails nothing ${PINNED.minutesIn} minutes in.`,
      },
      {
        id: 'orders-none-payments-third',
        text: 'Orders: none. Payments: a third, the share that zone c’s tasks used to serve.',
        correct: false,
        explanation: `The load balancer stopped sending requests to zone c’s dead tasks about a minute after the loss. What the payments team lacks ${PINNED.minutesIn} minutes in is capacity: four tasks of ${PINNED.capacityPerTask} for ${PINNED.peak} requests a second, so ${formatPercent(PINNED.pinned.failingShare)} fails, not a third.`,
      },
    ],
    hints: [
      {choiceIds: ['both-none'], text: 'Can `payments-c` place a task anywhere but zone c?'},
      {choiceIds: ['both-fifth'], text: 'Is the spread strategy a rule ECS must keep, or a preference?'},
      {choiceIds: ['orders-none-payments-third'], text: 'Ten minutes in, does the load balancer still send requests to zone c? What does the payments team lack instead?'},
    ],
  },
  {
    id: 'who-rebalances',
    kind: 'multiple',
    prompt: `Zone c failed on Monday and came back on Tuesday. On Wednesday you look at four services; each had its zone c tasks or pods replaced in zones a and b during the outage, and nobody has touched them since. Which of them run in zone c again? Select all that apply.`,
    choices: [
      {
        id: 'new-ecs',
        text: 'An ECS service created after 30 June 2025 with default settings and the spread strategy.',
        correct: true,
        explanation: `Right: AZ rebalancing is on by default for new compatible services. In the lab’s two-task run, the zone returns at t = ${eventTime(twoRun, 'zone/recovered')} s and the scheduler starts a task there before draining one from the crowded zone.`,
      },
      {
        id: 'old-ecs',
        text: 'An ECS service created in 2023 that never set `availabilityZoneRebalancing`.',
        correct: false,
        explanation: 'A service that never set it is treated as DISABLED. Update the service to turn it on.',
      },
      {
        id: 'binpack-ecs',
        text: 'A new ECS service that uses the binpack placement strategy.',
        correct: false,
        explanation: 'Services using binpack default to rebalancing off.',
      },
      {
        id: 'eks-spread',
        text: 'An EKS Deployment with a zone topology spread constraint, `maxSkew: 1`.',
        correct: false,
        explanation: 'Topology spread is applied only when a pod is scheduled. Nothing moves running pods back unless you run the descheduler.',
      },
    ],
  },
  {
    id: 'spread-unreachable-zone',
    kind: 'single',
    prompt:
      'A Deployment runs 3 replicas, one per zone, with a zone `topologySpreadConstraints` entry (`maxSkew: 1`) that leaves out `whenUnsatisfiable`. Zone c’s nodes stop answering; they stay registered, marked unreachable. When the pod in zone c is evicted and its replacement is created, what happens to the replacement?',
    choices: [
      {
        id: 'do-not-schedule',
        text: 'It stays `Pending`: the default is `DoNotSchedule`, and placing it in zone a or b would put that zone two pods ahead of zone c.',
        correct: true,
        explanation:
          'Right: zone c’s nodes are still registered, so zone c still counts as a zone with no matching pod, and a binding rule refuses any placement that breaks the skew. Like an ECS constraint, it keeps the replacement from running during exactly the event it was meant for. Choose `ScheduleAnyway` if you prefer a best-effort spread.',
      },
      {
        id: 'schedule-anyway',
        text: 'It is placed in zone a or b at once: the default is `ScheduleAnyway`.',
        correct: false,
        explanation: 'ScheduleAnyway is what the cluster’s built-in default constraints use (maxSkew 5 per zone), not the default of a constraint you write.',
      },
      {
        id: 'evicts',
        text: 'The scheduler evicts the pod in zone a to keep the zones even, and places both in zone b.',
        correct: false,
        explanation: 'The scheduler does not evict running pods to satisfy spread; only the descheduler moves pods after they are placed.',
      },
      {
        id: 'waits-300',
        text: 'It waits 300 s and is then placed anywhere.',
        correct: false,
        explanation: '300 s is the default toleration before pods on an unreachable node are evicted: it runs before the replacement exists, not after. The replacement then meets the spread rule.',
      },
    ],
  },
];

export default questions;
