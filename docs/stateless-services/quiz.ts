/**
 * Chapter 7 quiz: stateless services. Every figure about simulated behaviour
 * is computed here from the engine; the AWS facts (sticky-session cookies,
 * storage scopes, deregistration delay) come from
 * /work/shared/reference/facts.md and are linked on the chapter page.
 */
import {getPreset, simulate, toTimeline, zoneOutage} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';

// Three zones, two tasks per zone, 1,200 users with sticky sessions kept in task memory; zone a is lost.
const threeZoneSessions = simulate({
  zones: ['a', 'b', 'c'],
  service: {tasksPerZone: {a: 2, b: 2, c: 2}, capacityPerTask: 100, sessionStore: 'task-memory', sticky: true},
  traffic: {requestsPerSecond: 300, activeSessions: 1200},
  faults: [zoneOutage('a', {at: 300, duration: 3300})],
  durationSeconds: 3600,
});
const sessionsLostThreeZones = threeZoneSessions.summary.sessionsLost;

// The in-memory-sessions preset with its sessions moved to a store in zone a only.
const preset = getPreset('in-memory-sessions').model;
const singleZoneStore = simulate({...preset, service: {...preset.service, sessionStore: 'single-zone', sessionStoreZone: 'a'}});
const singleZoneSessionsLost = singleZoneStore.summary.sessionsLost;
const singleZoneOutageMinutes = Math.round(singleZoneStore.summary.longestOutageSeconds / 60);

// A NAT gateway in zone a that 20 % of requests need; zone a fails; clients retry once.
const OUTAGE_AT = 300;
const natRun = simulate({
  zones: ['a', 'b'],
  service: {desiredCount: 2, capacityPerTask: 200, zonalDependency: {zone: 'a', name: 'NAT gateway', share: 0.2}},
  traffic: {requestsPerSecond: 100},
  clients: {retries: 1},
  faults: [zoneOutage('a', {at: OUTAGE_AT, duration: 1800})],
  durationSeconds: 3600,
});
// Ten minutes into the outage, long after the dead task was detected.
const natPoint = toTimeline(natRun)[OUTAGE_AT + 600]!;
const natFailedPercent = Math.round((natPoint.failed / natPoint.offered) * 1000) / 10;

const questions: QuizQuestion[] = [
  {
    id: 'sessions-lost-three-zones',
    kind: 'numeric',
    prompt:
      'A service runs six tasks, two in each of zones a, b and c, behind an ALB with sticky sessions. Each user’s session lives in the memory of the task they stick to, and 1,200 users are signed in, spread evenly. Zone a fails for the rest of the hour. How many users lose their session?',
    answer: sessionsLostThreeZones,
    tolerance: 0,
    unit: 'sessions',
    hints: [{value: 600, text: 'Half would be right with two zones; here the sessions are spread over three.'}],
    explanation: `Stickiness spreads the 1,200 sessions evenly, 200 on each task. Zone a held two of the six tasks, so their ${sessionsLostThreeZones} sessions go with them: when those users come back, the load balancer sticks them to a task in zone b or c that has never seen them. The model gives the same figure. More zones make the loss a smaller share, never zero.`,
  },
  {
    id: 'sticky-target-dies',
    kind: 'single',
    prompt:
      'Your ALB target group uses duration-based stickiness with the `AWSALB` cookie set to 7 days, and sessions are kept in task memory. The task a user sticks to dies with its zone. What happens to that user once the load balancer has marked the task unhealthy?',
    choices: [
      {
        id: 'errors-until-expiry',
        text: 'They get errors until the cookie expires, up to 7 days later.',
        correct: false,
        explanation:
          'The cookie does not override health checks. Once the target is marked unhealthy, the ALB routes the client elsewhere at once; the cookie’s duration only says how long a healthy binding lasts.',
      },
      {
        id: 'restick-lose-session',
        text: 'The load balancer sends them to a healthy task and sticks them to it; the session that was in the dead task’s memory is gone.',
        correct: true,
        explanation:
          'Right: stickiness is a routing preference, not a copy of anything. When the sticky target is unhealthy the ALB chooses a new target and re-sticks the client to it, and the new task has none of the old session.',
      },
      {
        id: 'session-copied',
        text: 'Nothing: the load balancer keeps a copy of the session in the cookie and hands it to the new task.',
        correct: false,
        explanation:
          'The `AWSALB` cookie only encodes which target the client is bound to. The load balancer never sees or stores your application’s session data.',
      },
      {
        id: 'waits-for-zone',
        text: 'The load balancer holds their requests until the zone comes back, so the session survives.',
        correct: false,
        explanation:
          'A load balancer does not queue requests for a dead target. And a task that died with its zone does not come back with its memory: a replacement starts empty.',
      },
    ],
  },
  {
    id: 'sticky-failure-order',
    kind: 'ordering',
    prompt:
      'Sessions are in task memory and stickiness is on. Put in order what a signed-in user experiences when the zone of their task fails.',
    steps: [
      {id: 'in-flight-fails', text: 'The request their task was handling when the zone failed gets no answer.'},
      {id: 'cookie-to-dead', text: 'Their next requests still follow the cookie to the dead task, and fail.'},
      {id: 'marked-unhealthy', text: 'Health checks fail twice in a row and the load balancer marks the task unhealthy.'},
      {id: 'restick', text: 'The load balancer picks a healthy task in another zone and sticks the user to it.'},
      {id: 'signed-out', text: 'The new task has no session for them: they are signed out and their cart is empty.'},
    ],
    explanation:
      'The in-flight request dies with the task. Until detection (about 35 to 65 s with the ALB defaults) the cookie keeps routing the user to the dead target, so their requests fail. After the target is marked unhealthy, the ALB re-sticks the user to a healthy task, which has none of their session.',
  },
  {
    id: 'survives-zone-loss',
    kind: 'multiple',
    prompt:
      'A recipe site runs its tasks in zones a and b. Last week an engineer added six features, each keeping its data in a different place, all of it written from zone a. This morning zone a fails for an hour and every request goes to the tasks in zone b. Which features still work for users during the hour? Select all that apply.',
    choices: [
      {
        id: 's3-standard',
        text: 'Recipe photos, uploaded to an S3 Standard bucket.',
        correct: true,
        explanation: 'Right: S3 Standard stores every object across at least three zones, so losing one leaves the photos readable from zone b.',
      },
      {
        id: 'ebs-volume',
        text: 'Printable PDFs, rendered to an EBS volume attached to the render instance in zone a.',
        correct: false,
        explanation:
          'An EBS volume lives in one zone and can only attach to an instance in that zone, so zone b’s tasks cannot reach it. In AWS’s zone-power-loss drill it becomes unresponsive. Only a snapshot restored in zone b would bring the PDFs back.',
      },
      {
        id: 'dynamodb-item',
        text: 'Users’ saved recipes, kept in a DynamoDB table.',
        correct: true,
        explanation: 'Right: DynamoDB replicates a table across several zones of the Region by itself; the tasks in zone b read and write it as before.',
      },
      {
        id: 'one-zone-ia',
        text: 'Old recipe archives, moved to S3 One Zone-IA in zone a to save money.',
        correct: false,
        explanation: 'One Zone-IA keeps its data in a single zone, which is what makes it cheaper. While that zone is down, so are the archives: the saving was paid for with this hour.',
      },
      {
        id: 'efs-regional',
        text: 'Shared templates, on an EFS Regional file system with a mount target in each zone.',
        correct: true,
        explanation: 'Right: a Regional EFS file system keeps its data in several zones, and zone b’s tasks mount it through zone b’s mount target.',
      },
      {
        id: 'task-local-disk',
        text: 'Profile pictures, saved to the local disk of whichever task took the upload.',
        correct: false,
        explanation:
          'A task’s local disk is part of the task: even before the outage, a user served by another task saw no picture. The pictures uploaded through zone a’s tasks are gone with them.',
      },
    ],
    hints: [
      {choiceIds: ['one-zone-ia'], text: 'Read the storage class’s name again: where does it keep the archives?'},
      {choiceIds: ['ebs-volume'], text: 'Which instances can an EBS volume be attached to?'},
    ],
  },
  {
    id: 'single-zone-session-store',
    kind: 'single',
    prompt:
      'To stop losing sessions, a team moves them out of task memory into a Redis server on one EC2 instance in zone a. Both tasks (one in zone a, one in zone b) read the session on every request. Zone a then fails. Compared with keeping sessions in task memory, what happens?',
    choices: [
      {
        id: 'better',
        text: 'Better: no session is lost, because sessions are no longer in a task.',
        correct: false,
        explanation:
          'Moving state out of the task only helps if the place it moves to survives the zone. This store lives in zone a and dies with it.',
      },
      {
        id: 'same',
        text: 'The same: the users of zone a lose their sessions, the others keep theirs.',
        correct: false,
        explanation:
          'The task in zone b also reads every session from the store in zone a, so its users are hit too. A shared dependency in one zone spreads the failure to every zone.',
      },
      {
        id: 'worse',
        text: 'Worse: every session is lost and every request fails until zone a comes back, because both tasks depend on the store.',
        correct: true,
        explanation: `Right: the store is a zonal dependency that every request needs. In the model every one of the ${singleZoneSessionsLost.toLocaleString('en-US')} sessions is lost and the service is down for about ${singleZoneOutageMinutes} minutes, the whole outage. Sessions in task memory only lost the zone a task’s share. A session store must span zones itself: DynamoDB, or ElastiCache with Multi-AZ.`,
      },
      {
        id: 'failover',
        text: 'No impact: the load balancer fails the store over to zone b.',
        correct: false,
        explanation:
          'A load balancer routes requests to your tasks; it knows nothing about a Redis server your tasks call. Nothing fails the store over unless you run it with replicas and automatic failover, as ElastiCache Multi-AZ does.',
      },
    ],
  },
  {
    id: 'nat-gateway-retries',
    kind: 'numeric',
    prompt:
      'Two tasks, one in each of zones a and b, each able to serve all the traffic. 20 % of requests call a partner API through the VPC’s only NAT gateway, which is in zone a. Clients retry every failed request once. Zone a fails. Ten minutes later, long after the dead task was detected, what percentage of requests fail?',
    answer: natFailedPercent,
    tolerance: 2,
    unit: '%',
    explanation: `The dead task has long been removed, but the ${natFailedPercent} % of requests that need the NAT gateway fail whichever task serves them, and a retry fails in the same way because the gateway is still down. Retries only help against failures that a second attempt can avoid. The fix is a NAT gateway in each zone, each zone routing to its own.`,
  },
  {
    id: 'idempotent-retry',
    kind: 'single',
    prompt:
      'A client sends `POST /payments`. The task handling it dies with its zone; the client gets no answer and cannot tell whether the payment was made. Which design lets the client retry safely?',
    choices: [
      {
        id: 'key-in-memory',
        text: 'The client sends one idempotency key per payment on every attempt, and each task remembers in its memory the keys it has seen.',
        correct: false,
        explanation:
          'The retry reaches a different task (the first one is dead), which has never seen the key, so it charges again. The record of what was done is state: it must live outside the task.',
      },
      {
        id: 'new-key-per-attempt',
        text: 'The client creates a new idempotency key for each attempt, so every request is unique.',
        correct: false,
        explanation:
          'Then every retry looks like a new payment, which is exactly the duplicate the key was meant to prevent. The key belongs to the operation, not to the attempt.',
      },
      {
        id: 'sticky-retry',
        text: 'Turn on sticky sessions so the retry reaches the same task, which knows whether it charged.',
        correct: false,
        explanation:
          'The task that knows is dead. Stickiness re-sticks the client to another task, which knows nothing about the first attempt.',
      },
      {
        id: 'key-in-shared-store',
        text: 'The client creates one idempotency key per payment and sends it on every attempt; the service records each key with its result in DynamoDB and, when a key repeats, returns the recorded result instead of charging again.',
        correct: true,
        explanation:
          'Right: the key makes the retry the same operation as the first attempt, and because the record lives in a store that spans zones, whichever task gets the retry can find it. Pass the key on to the payment provider as its idempotency key too, so a retry after the provider’s answer was lost does not charge twice.',
      },
    ],
  },
  {
    id: 'uploads-in-flight',
    kind: 'multiple',
    prompt:
      'A photo service streams each upload to a task and answers only when the whole file is in S3; a large upload takes up to two minutes. Its target group keeps the default deregistration delay of 300 s. At 14:00 four large uploads are one minute in, each on a different task, when that task leaves service. Which of the four uploads still succeed? Select all that apply.',
    choices: [
      {
        id: 'deployment',
        text: 'The first task is being replaced by a rolling deployment.',
        correct: true,
        explanation:
          'Right: ECS deregisters the task first, and for up to 300 s the load balancer sends it no new requests while the open ones finish. The upload needs one more minute, well within the delay, and the task is stopped only after it.',
      },
      {
        id: 'scale-in',
        text: 'The second task is stopped because the service scales in at the end of the day.',
        correct: true,
        explanation: 'Right: scale-in is also a planned stop, so the task drains through the deregistration delay like a deployment and the upload completes.',
      },
      {
        id: 'zone-power',
        text: 'The third task runs in zone b, which loses power at 14:00.',
        correct: false,
        explanation:
          'The task dies mid-upload, with the half-received file in its memory. Draining needs a target that is still running: a load balancer cannot finish work a dead task was doing, however long the delay. The client has to upload again.',
      },
      {
        id: 'out-of-memory',
        text: 'The fourth task’s container is killed for running out of memory.',
        correct: false,
        explanation:
          'Like a power loss, a crash gives no warning and no drain: the upload fails at once, and by the time the target is deregistered there is nothing left to drain. The deregistration delay protects only stops that ECS starts on purpose.',
      },
    ],
    hints: [
      {choiceIds: ['zone-power'], text: 'While the target drains, which process is still receiving the rest of the file?'},
      {choiceIds: ['out-of-memory'], text: 'Who decides that this task stops, and does anyone deregister it first?'},
    ],
  },
];

export default questions;
