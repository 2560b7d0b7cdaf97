/**
 * Chapter 1 quiz: Regions and zones, AZ names and IDs, the shapes of a
 * zone failure, the price of crossing zones and what multi-AZ promises.
 * Figures are from /work/shared/reference/facts.md; every answer about
 * simulated behaviour is computed from the engine below, never typed by hand.
 */
import {CROSS_AZ_USD_PER_GB_EACH_WAY, getPreset, grayFailure, selectSegmentAt, simulate, taskCrash, zoneOutage, zonePartition, type Model, type ZoneName} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';

// The chapter's live block: six tasks in three zones, three kinds of trouble in zone b.
const base: Model = {
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 6, capacityPerTask: 50},
  traffic: {requestsPerSecond: 200},
  durationSeconds: 3600,
};
const failedBy = {
  total: simulate({...base, faults: [zoneOutage('b', {at: 300, duration: 1800})]}).summary.failed,
  partial: simulate({...base, faults: [taskCrash('b-1', {at: 300})]}).summary.failed,
  gray: simulate({...base, faults: [grayFailure('b', {at: 300, duration: 1800, errorShare: 0.5})]}).summary.failed,
};
const most = (Object.keys(failedBy) as (keyof typeof failedBy)[]).reduce((a, b) => (failedBy[a] >= failedBy[b] ? a : b));
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

// The gray-failure preset: half the requests served in b fail from t = 300 s until the operator's shift.
const grayPreset = getPreset('gray-failure-zonal-shift');
const grayRun = simulate(grayPreset.model);
const grayStart = grayRun.events.find((e) => e.type === 'zone/grayFailureStarted')?.t ?? 0;
const shiftStart = grayRun.events.find((e) => e.type === 'shift/started')?.t ?? 0;
const grayFailed = Math.round(grayRun.summary.failed);

// Zone a cut off from b and c, one task in each zone, cross-zone on: the share that fails right after the cut.
const cutRun = simulate({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 3, capacityPerTask: 1000},
  traffic: {requestsPerSecond: 300},
  faults: [zonePartition('a', {at: 300, duration: 900})],
});
const cutSegment = cutRun.segments.find((s) => s.from === 300)!;
const cutPercent = Math.round((cutSegment.failed / cutSegment.offered) * 1000) / 10;

// A month of traffic between zones, at the engine's list price ($0.01 per GB in each direction,
// at the time of writing): what is billed, and the two usual slips (the ALB's share, one direction only).
const BILL = (() => {
  const albCrossZoneGb = 900;
  const cacheGbPerZone = 300;
  const replicationGb = 200;
  const billedGb = 2 * cacheGbPerZone + replicationGb;
  const usd = (gb: number, directions: number) => Math.round(gb * CROSS_AZ_USD_PER_GB_EACH_WAY * directions * 100) / 100;
  return {
    albCrossZoneGb, cacheGbPerZone, replicationGb, billedGb,
    answer: usd(billedGb, 2),
    withAlb: usd(billedGb + albCrossZoneGb, 2),
    oneWay: usd(billedGb, 1),
    perGb: usd(1, 2),
  };
})();

/**
 * A ticket shop that looks multi-AZ from the console: tasks and the load balancer in three zones, an
 * RDS Multi-AZ DB instance (primary a, standby b), but its one NAT gateway in zone b (a quarter of
 * requests call the payment provider through it) and its sessions in a Redis on one instance in zone
 * c. Each zone lost in turn: the share of requests still failing ten minutes later.
 */
const SHOP = (() => {
  const lostAt = 300;
  const minutesLater = 10;
  const paymentShare = 0.25;
  const failingLater = (zone: ZoneName): number => {
    const run = simulate({
      zones: ['a', 'b', 'c'],
      service: {
        desiredCount: 6,
        capacityPerTask: 100,
        sessionStore: 'single-zone',
        sessionStoreZone: 'c',
        zonalDependency: {zone: 'b', name: 'NAT gateway', share: paymentShare},
      },
      database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'},
      traffic: {requestsPerSecond: 300},
      faults: [zoneOutage(zone, {at: lostAt, duration: 1800})],
      durationSeconds: 3600,
    });
    const later = selectSegmentAt(run, lostAt + minutesLater * 60);
    return later.failed / later.offered;
  };
  const failing = {a: failingLater('a'), b: failingLater('b'), c: failingLater('c')};
  // The story the question tells: only the zone with the database's primary is survived.
  if (failing.a !== 0 || Math.abs(failing.b - paymentShare) > 1e-9 || failing.c !== 1) {
    throw new Error('chapter 1 quiz: the shop should recover from losing zone a, lose its payments with zone b and everything with zone c');
  }
  return {minutesLater, paymentShare, failing};
})();
const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

const questions: QuizQuestion[] = [
  {
    id: 'az-names-and-ids',
    kind: 'single',
    prompt:
      'Your service runs in `us-east-1a` in account A. A partner team says their service in account B, also in `us-east-1a`, is timing out. Is their trouble in the same physical zone as your service?',
    choices: [
      {
        id: 'yes-same-name',
        text: 'Yes: the same name means the same zone.',
        correct: false,
        explanation:
          'In us-east-1, one of AWS’s oldest Regions, zone names are mapped to physical zones per account for every account created before November 2025, so `us-east-1a` in account B may be a different zone from `us-east-1a` in account A.',
      },
      {
        id: 'compare-ids',
        text: 'Not necessarily: compare the AZ IDs (such as `use1-az1`), which are the same in every account.',
        correct: true,
        explanation:
          'Right: names can differ between accounts while IDs do not. `aws ec2 describe-availability-zones` shows both, and runbooks that span accounts should use IDs.',
      },
      {
        id: 'never-same',
        text: 'No: two accounts never share a physical zone.',
        correct: false,
        explanation: 'Accounts share the same physical zones of a Region; only the names they see for them can be shuffled.',
      },
      {
        id: 'ask-by-region',
        text: 'It does not matter: an outage always affects the whole Region.',
        correct: false,
        explanation:
          'The point of zones is that they fail independently: separate power, networking and staggered AWS deployments. Most zone events stay in one zone.',
      },
    ],
  },
  {
    id: 'region-move-decisions',
    kind: 'multiple',
    prompt:
      'A team moving its orders service to us-east-1 writes down five decisions, each with its reason. Which decisions rest on a sound reading of what an Availability Zone is? Select all that apply.',
    choices: [
      {
        id: 'sync-standby-other-zone',
        text: 'Put the synchronous standby in another zone than the primary: each commit then waits a round trip of a few milliseconds, which checkout can afford.',
        correct: true,
        explanation:
          'Right: zones of a Region are single-digit milliseconds apart, close enough for synchronous replication, and the standby then survives the loss of the primary’s zone.',
      },
      {
        id: 'three-zone-majority',
        text: 'Run the failover manager’s vote (an etcd cluster) with one member in each of three zones, so losing any zone leaves two of three.',
        correct: true,
        explanation: 'Right: every public Region has at least three zones, so a majority that survives any one zone is always possible.',
      },
      {
        id: 'two-hosts-one-zone',
        text: 'Keep primary and standby in the same zone on different hosts: that saves the cross-zone round trip and is just as safe.',
        correct: false,
        explanation:
          'The zone is the unit AWS isolates: its own power and networking, apart from the other zones, and a zone failure can take everything in it at once. Two hosts in one zone can go down together; two zones are built not to.',
      },
      {
        id: 'deploys-hit-all-zones',
        text: 'Run the cache in one zone only: AWS deploys its changes to every zone of a Region at the same moment, so a second zone would not protect it from a bad deployment anyway.',
        correct: false,
        explanation:
          'AWS rolls out changes to different zones at different times, precisely so that a bad change hurts one zone before it can reach the others. A second zone does protect against it.',
      },
      {
        id: 'too-far-for-sync',
        text: 'Replicate asynchronously between zones: zones can be up to about 100 km apart, too far for a synchronous commit.',
        correct: false,
        explanation:
          'The distance keeps zones out of each other’s disasters, yet AWS keeps them within single-digit milliseconds, close enough for synchronous replication. Asynchronous replication would lose the last acknowledged writes with the primary’s zone for no good reason.',
      },
    ],
    hints: [
      {choiceIds: ['too-far-for-sync'], text: 'What round trip does AWS quote between zones of a Region, and what would it add to a commit?'},
      {choiceIds: ['two-hosts-one-zone'], text: 'What do the hosts of one zone share that a zone failure takes away?'},
    ],
  },
  {
    id: 'gray-failure-health-checks',
    kind: 'single',
    prompt:
      'One zone starts failing 20 % of its requests with timeouts from a sick network path, but every target still answers the load balancer’s health check on `/`. What does the load balancer do?',
    choices: [
      {
        id: 'keeps-sending',
        text: 'It keeps sending that zone its full share of traffic for as long as the impairment lasts.',
        correct: true,
        explanation:
          'Right: this is a gray failure. The health checks pass, so the load balancer has no reason to route around the zone. Per-zone error and latency metrics, and a zonal shift, are what end it.',
      },
      {
        id: 'marks-unhealthy',
        text: 'It marks the zone’s targets unhealthy within about a minute and stops routing there.',
        correct: false,
        explanation: 'That happens to targets that fail their health checks. Here every check passes, so nothing is ever marked unhealthy.',
      },
      {
        id: 'shifts-by-itself',
        text: 'It notices the zone’s higher error rate and shifts traffic away by itself.',
        correct: false,
        explanation:
          'With the default routing algorithm, a load balancer routes on health checks, not on your error rate. An ALB target group set to `weighted_random` with anomaly mitigation on (off by default) sends less traffic to single targets whose errors stand out from their peers, but it weighs targets, not zones. Moving traffic away from a sick zone takes a zonal shift you start, by hand or from automation on your own per-zone alarm; AWS’s zonal autoshift acts only on zone impairments its own telemetry sees, not on your error rate.',
      },
      {
        id: 'fails-open',
        text: 'It fails open and sends traffic to every target in every zone equally.',
        correct: false,
        explanation: 'Failing open is what an ALB does when every target is unhealthy. Here every target is healthy as far as it can tell.',
      },
    ],
  },
  {
    id: 'which-fails-most',
    kind: 'single',
    prompt:
      'A service runs six tasks, two in each of three zones, at 200 requests a second. Which of these, starting at the same moment and lasting 30 minutes, fails the most requests?',
    choices: [
      {
        id: 'total',
        text: 'Zone b loses power: both of its tasks die.',
        correct: most === 'total',
        explanation: `The lab counts about ${count(failedBy.total)} failed requests, all in about a minute: the load balancer’s nodes in zones a and c send a third of their requests to the dead tasks until their health checks fail, every client with a connection kept alive to zone b’s node loses its next request on it, and clients that still hold that node’s address from DNS fail until their answers run out (60 s TTL); then the load balancer routes around the zone.`,
      },
      {
        id: 'partial',
        text: 'One of zone b’s tasks crashes.',
        correct: most === 'partial',
        explanation: `The lab counts about ${count(failedBy.partial)}: one sixth of the traffic fails until the crashed task is marked unhealthy, and ECS replaces it.`,
      },
      {
        id: 'gray',
        text: 'Half the requests served in zone b fail, but health checks keep passing.',
        correct: most === 'gray',
        explanation: `The lab counts about ${count(failedBy.gray)}, far more than the other two: the health checks never fail, so the load balancer keeps sending zone b a third of the traffic for the whole 30 minutes.`,
      },
    ],
  },
  {
    id: 'gray-failure-cost',
    kind: 'numeric',
    prompt: `In the chapter’s zonal-shift lab, 200 requests a second are spread evenly over three zones. From t = ${grayStart} s, half of the requests served in zone b fail, while its health checks pass. At t = ${shiftStart} s an operator shifts traffic away from b. How many requests fail in all?`,
    answer: grayFailed,
    tolerance: Math.round(grayFailed * 0.1),
    unit: 'requests',
    explanation: `Zone b gets a third of 200 requests a second, and half of those fail: about 33 failures a second. Nothing routes around the zone until the shift, ${shiftStart - grayStart} s later, so the lab counts ${count(grayFailed)} failed requests. After the shift the other two zones carry everything and nothing fails.`,
  },
  {
    id: 'partition-share',
    kind: 'numeric',
    prompt:
      'Three zones, one task in each, behind an ALB with cross-zone load balancing. The network between zone a and the other two zones fails; nothing stops, and clients still reach the load balancer node in every zone. Until the load balancer nodes mark the targets across the cut unhealthy, what percentage of requests fail?',
    answer: cutPercent,
    tolerance: 2,
    unit: '%',
    explanation: `Each node gets a third of the requests and spreads them over the three targets it still believes healthy (how real ALB nodes behave across a cut is not documented by AWS; this is the model’s assumption). Node a sends 2 of its 3 shares across the cut; nodes b and c send 1 of 3 each, to a-1. That is 1/3 × 2/3 + 2/3 × 1/3 = 4/9, about ${cutPercent} % (the lab computes the same). In the model a zone outage costs a third instead, since a dead zone's load balancer node is treated as leaving DNS at once, while a cut-off zone's node keeps taking clients.`,
  },
  {
    id: 'monthly-cross-zone-bill',
    kind: 'numeric',
    prompt: `A catalogue service runs tasks in zones a, b and c behind an Application Load Balancer. In one month its load balancer nodes send ${BILL.albCrossZoneGb} GB of requests and responses to tasks in other zones than their own; the tasks in zones b and c each read ${BILL.cacheGbPerZone} GB from a cache node in zone a; and the database ships ${BILL.replicationGb} GB of changes to its standby in zone b. At the list price at the time of writing, $${CROSS_AZ_USD_PER_GB_EACH_WAY} per GB in each direction, what is the month’s bill for data between zones, in dollars?`,
    answer: BILL.answer,
    tolerance: 0.5,
    unit: 'USD',
    hints: [
      {value: BILL.withAlb, text: 'Check which of the three flows AWS bills as data between zones: are the load balancer’s requests to its targets among them?'},
      {value: BILL.oneWay, text: 'A gigabyte that crosses is charged twice: once as it leaves one zone and once as it enters the other.'},
    ],
    explanation: `Two of the three flows are billed: the cache reads (2 × ${BILL.cacheGbPerZone} GB) and the replication (${BILL.replicationGb} GB), ${BILL.billedGb} GB in all, each charged leaving one zone and entering the other, $${BILL.perGb} a gigabyte: $${BILL.answer}. The ALB’s ${BILL.albCrossZoneGb} GB to targets in other zones is not billed as data between zones (behind an NLB with cross-zone load balancing on it would be). Prices change: check the live pricing page.`,
  },
  {
    id: 'ticket-shop-zone-loss',
    kind: 'single',
    prompt: `A ticket shop in us-east-1 runs six tasks, two in each of zones a, b and c, behind an ALB enabled in all three, at 300 requests a second; each task serves 100. Its orders live in an RDS Multi-AZ DB instance, primary in zone a and standby in zone b. Every request reads the user’s session from Redis on one EC2 instance in zone c, and the quarter of requests that take a payment call the payment provider through the VPC’s one NAT gateway, in zone b. The console shows every service “in three zones”. Which zones can the shop lose, one at a time, and be serving every request again ${SHOP.minutesLater} minutes later?`,
    choices: [
      {
        id: 'only-a',
        text: 'Only zone a.',
        correct: true,
        explanation: `Right: follow a request through every layer. Losing zone a costs the database’s primary, but RDS fails over to the standby in zone b, and the tasks in zones b and c carry the load, so ${SHOP.minutesLater} minutes later nothing fails in the lab. Losing zone b takes the only NAT gateway, so every payment fails (${percent(SHOP.failing.b)} of requests) until it returns; losing zone c takes the only session store, and every request fails (${percent(SHOP.failing.c)}). A NAT gateway in each zone and a multi-zone session store would close both gaps.`,
      },
      {
        id: 'b-and-c',
        text: 'Zones b and c, but not zone a, where the database’s primary runs.',
        correct: false,
        explanation: `The database is the one layer with a copy in another zone: losing zone a costs a failover of a minute or two, after which nothing fails in the lab. Zones b and c each hold something that exists only once: the NAT gateway (every payment fails, ${percent(SHOP.failing.b)} of requests) and the session store (every request fails, ${percent(SHOP.failing.c)}).`,
      },
      {
        id: 'all-three',
        text: 'Any of the three: tasks, load balancer and database all have a copy in another zone.',
        correct: false,
        explanation: `Those three do, but the shop’s requests also need a NAT gateway that runs only in zone b and a session store that runs only in zone c. In the lab, ${SHOP.minutesLater} minutes after losing zone b, ${percent(SHOP.failing.b)} of requests still fail, and after losing zone c, ${percent(SHOP.failing.c)}.`,
      },
      {
        id: 'a-and-b',
        text: 'Zones a and b: only the session store matters to every request.',
        correct: false,
        explanation: `Losing zone b takes the VPC’s one NAT gateway, so the quarter of requests that call the payment provider fail for as long as zone b is down: ${percent(SHOP.failing.b)} in the lab ${SHOP.minutesLater} minutes later. A dependency only some requests use still fails those requests.`,
      },
    ],
    hints: [
      {choiceIds: ['b-and-c'], text: 'The database has a standby in another zone. What in zones b and c has no copy anywhere else?'},
      {choiceIds: ['all-three'], text: 'Follow one paying request from the load balancer to the payment provider: which pieces does it pass through, and where do they run?'},
      {choiceIds: ['a-and-b'], text: 'Not every request pays, but what happens to those that do when zone b is gone?'},
    ],
  },
  {
    id: 'drill-runbook-plans',
    kind: 'multiple',
    prompt:
      'At 10:00 your team starts AWS FIS’s “AZ Availability: Power Interruption” scenario on zone b, for its full length. Zone b holds two of the service’s six ECS tasks (each zone’s two can carry half the peak), the RDS Multi-AZ primary (standby in zone a), and a self-managed Redis on one EC2 instance with its EBS volume. The runbook lists what the team will do or expect. Which entries will hold during the drill? Select all that apply.',
    choices: [
      {
        id: 'tasks-a-c-carry',
        text: 'The four tasks in zones a and c carry all the traffic once zone b’s tasks are detected as gone.',
        correct: true,
        explanation: 'Right: the scenario stops zone b’s compute, and four tasks that can each carry a quarter of the peak need no new capacity. That is static stability.',
      },
      {
        id: 'rds-fails-over',
        text: 'Writes come back on the standby in zone a after an RDS failover of one to two minutes.',
        correct: true,
        explanation: 'Right: the scenario fails over RDS primaries in the zone, and a Multi-AZ instance typically takes 60 to 120 s; the application must reconnect.',
      },
      {
        id: 'scale-up-in-b',
        text: 'At 10:05 the on-call engineer raises the Auto Scaling group’s capacity to relaunch zone b’s instances there.',
        correct: false,
        explanation:
          'The scenario prevents new capacity from being launched into zone b, as a dead zone would. A recovery that depends on launching into the failed zone does not work; capacity must already run elsewhere.',
      },
      {
        id: 'move-redis-volume',
        text: 'If Redis stops, the engineer attaches its EBS volume to a new instance in zone a.',
        correct: false,
        explanation:
          'The scenario makes zone b’s EBS volumes unresponsive, and an EBS volume attaches only in its own zone anyway. A cache that must survive needs a copy in another zone before the event (ElastiCache Multi-AZ, for example).',
      },
      {
        id: 'back-by-1015',
        text: 'Zone b is back by 10:15, so the team books the review for 10:20.',
        correct: false,
        explanation: 'The scenario holds the impairment for 30 minutes and then takes 30 minutes to recover: zone b is not fully back before about 11:00.',
      },
    ],
    hints: [
      {choiceIds: ['scale-up-in-b'], text: 'Where would the relaunched instances run, and can anything be launched there during the drill?'},
      {choiceIds: ['move-redis-volume'], text: 'Where can an EBS volume be attached, and is zone b’s volume answering at all?'},
    ],
  },
];

export default questions;
