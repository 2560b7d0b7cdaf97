/**
 * The introduction's warm-up quiz: four popular summaries of multi-AZ
 * behaviour, and the ALB health-check defaults. Every figure is from
 * /work/shared/reference/facts.md ("Common oversimplifications" and
 * "Elastic Load Balancing"), where each one has its AWS source.
 */
import {healthCheckDetection} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';

/** The ALB's default health check, worked out by the engine's helper. */
const detection = healthCheckDetection();

const questions: QuizQuestion[] = [
  {
    id: 'two-tasks-two-zones',
    kind: 'single',
    prompt:
      'A stateless service runs two tasks, one in each of two zones, behind an Application Load Balancer. One zone fails. What do its users see?',
    choices: [
      {
        id: 'nothing',
        text: 'Nothing at all: the task in the other zone takes over at once.',
        correct: false,
        explanation:
          'Requests in flight on the dead task fail, and the load balancer keeps sending some new requests to it until its health checks mark it unhealthy, 35 to 65 s with the default settings. Clients that still hold the dead zone’s load balancer address (its DNS TTL is 60 s) fail for longer.',
      },
      {
        id: 'no-total-outage',
        text: 'No total outage, but failed requests for a minute or more, and half the capacity unless each task can carry the whole peak.',
        correct: true,
        explanation:
          'Right: "no downtime" is really "no total outage". Until the dead target is marked unhealthy some requests still reach it, and the surviving task now carries all the load, so each task must be sized for 100 % of peak to keep up.',
      },
      {
        id: 'total-outage',
        text: 'A total outage until the scheduler starts a replacement task.',
        correct: false,
        explanation:
          'The task in the healthy zone keeps serving the whole time; only the requests that reach the dead task fail. A total outage is what a single task gives you.',
      },
      {
        id: 'sessions-in-database',
        text: 'Errors only if the service keeps its sessions in a database.',
        correct: false,
        explanation:
          'It is the other way round: sessions kept in task memory, or tied to a task by sticky sessions, are lost with the task. Sessions in a shared store such as DynamoDB or ElastiCache survive it.',
      },
    ],
  },
  {
    id: 'lone-task',
    kind: 'multiple',
    prompt:
      'A service runs a single ECS task, with subnets in two zones. The task’s zone fails. Which of these are true? Select all that apply.',
    choices: [
      {
        id: 'down-until-replacement',
        text: 'The service is down until a replacement task starts in the other zone and passes a health check.',
        correct: true,
        explanation:
          'Right: with one task there is nothing left to serve. The downtime adds up the load balancer’s detection, placing the replacement, pulling its image, starting the app and one passing health check.',
      },
      {
        id: 'needs-spare-capacity',
        text: 'If the tasks run on EC2 instances, the replacement needs spare capacity in the surviving zone, found through the control plane during the event.',
        correct: true,
        explanation:
          'Right: the rescheduling story assumes there is room in the other zone. Getting that capacity during the failure depends on the control plane, which is exactly what static stability avoids relying on.',
      },
      {
        id: 'fails-open',
        text: 'While its only target is unhealthy, the load balancer keeps sending requests to it.',
        correct: true,
        explanation:
          'Right: when every target of an ALB is unhealthy, it fails open and sends traffic to all of them, so requests keep going to the dead task.',
      },
      {
        id: 'waits-for-zone',
        text: 'ECS keeps the task in its zone and waits for the zone to come back.',
        correct: false,
        explanation:
          'The ECS scheduler replaces failed tasks to get back to the desired count, and spreads a service’s tasks across zones by default, so the replacement goes to a zone that still works, provided the service has a subnet there.',
      },
      {
        id: 'startup-only',
        text: 'The downtime is just the new task’s start-up time.',
        correct: false,
        explanation:
          'Start-up is only one part. First the load balancer has to notice (35 to 65 s with the defaults), then the replacement is placed and its image pulled, and after it starts it must pass one health check before it gets traffic.',
      },
    ],
  },
  {
    id: 'detection-time',
    kind: 'numeric',
    prompt:
      'An ALB target group uses the default health check: every 30 s, a 5 s timeout, and 2 failed checks in a row mark a target unhealthy. A target dies. At the latest, how many seconds pass until it is marked unhealthy?',
    answer: detection.latestDetectionSeconds,
    tolerance: 5,
    unit: 's',
    hints: [
      {
        value: detection.earliestDetectionSeconds,
        tolerance: 2,
        text: `${detection.earliestDetectionSeconds} s is the luckiest case, a target that dies just before a check; the question asks for the latest.`,
      },
    ],
    explanation: `In the worst case the target dies just after a check has passed. The next check comes 30 s later and fails when its 5 s timeout runs out; the second failure comes 30 s after that: ${detection.latestDetectionSeconds} s. In the best case it is ${detection.earliestDetectionSeconds} s: hence ${detection.earliestDetectionSeconds} to ${detection.latestDetectionSeconds} s of requests still sent to a dead target.`,
  },
  {
    id: 'lone-task-recovery',
    kind: 'ordering',
    prompt: 'A service’s only task was in the zone that failed. Put the steps of its recovery in order, first step at the top.',
    steps: [
      {id: 'marked-unhealthy', text: 'The load balancer marks the dead target unhealthy.'},
      {id: 'replacement-placed', text: 'The scheduler notices and places a replacement task in the other zone.'},
      {id: 'task-starts', text: 'The new task pulls its image and starts.'},
      {id: 'passes-check', text: 'The new task passes one health check.'},
      {id: 'receives-traffic', text: 'The new task receives traffic.'},
    ],
    explanation:
      'Detection comes first: ECS replaces tasks that fail their target group’s health checks. The replacement is then placed in a zone that still works, starts, and a new target needs only one passing health check before the load balancer sends it traffic. Recovery time is the sum of all these steps, and AWS publishes no figure for it.',
  },
  {
    id: 'rds-multi-az-instance',
    kind: 'single',
    prompt:
      'A blog post says "RDS Multi-AZ failover usually takes under 60 s". For a Multi-AZ DB instance (one standby that serves no reads), what failover time does AWS give as typical?',
    choices: [
      {
        id: 'under-35',
        text: 'Under 35 s.',
        correct: false,
        explanation: 'That is the figure for a Multi-AZ DB cluster, with two readable standbys in two other zones, not for a Multi-AZ DB instance.',
      },
      {
        id: 'sixty-to-120',
        text: '60 to 120 s.',
        correct: true,
        explanation:
          'Right: a Multi-AZ DB instance typically fails over in 60 to 120 s, and longer with large transactions or a long recovery. Its DNS name then points at the standby, so every client must reconnect.',
      },
      {
        id: 'under-60',
        text: 'Under 60 s, often.',
        correct: false,
        explanation: 'That is the typical figure for Aurora with a replica in another zone (typically under 120 s, often under 60 s: typical figures, not bounds), not for RDS Multi-AZ DB instances.',
      },
      {
        id: 'ten-minutes',
        text: 'About 10 minutes.',
        correct: false,
        explanation:
          'That is Aurora with no replica, where the primary has to be recreated. A Multi-AZ DB instance has a standby ready in another zone, so it is faster.',
      },
    ],
  },
  {
    id: 'aurora-zone-loss',
    kind: 'multiple',
    prompt: 'Aurora keeps six copies of its storage across three zones. The writer’s zone fails. Which of these are true? Select all that apply.',
    choices: [
      {
        id: 'no-committed-loss',
        text: 'No committed transaction is lost.',
        correct: true,
        explanation:
          'Right: a write commits only once 4 of the 6 copies have it, spread over three zones, so losing a zone loses no committed data. Transactions still in flight roll back.',
      },
      {
        id: 'replica-needed',
        text: 'A fast failover needs an Aurora replica in another zone.',
        correct: true,
        explanation:
          'Right: with a replica, service is typically back in under 120 s and often in under 60 s; AWS gives typical figures, not a bound. Without one, the primary is recreated, typically in under 10 minutes, and if every instance was in the lost zone you have to create one in another zone by hand.',
      },
      {
        id: 'clients-reconnect',
        text: 'Clients see errors during the failover and must reconnect.',
        correct: true,
        explanation: 'Right: the cluster endpoint moves to the promoted replica, and clients get errors until they reconnect to it.',
      },
      {
        id: 'storage-promotes',
        text: 'Without any replica, the shared storage takes over as the writer within seconds.',
        correct: false,
        explanation:
          'No: with no replica, Aurora recreates the primary instance, typically in under 10 minutes. If the lost zone held every instance, you must create one in another zone by hand. Aurora Serverless v1 used to do that for you, but it reached end of life on 31 March 2025; Serverless v2 needs a reader in another zone like a provisioned cluster.',
      },
      {
        id: 'recent-writes-lost',
        text: 'The last few committed writes may be lost, as with any replication.',
        correct: false,
        explanation:
          'That is true of asynchronous replicas, whose promotion loses whatever lag they had. Aurora’s storage quorum makes the loss of committed data zero, not "minimal".',
      },
    ],
  },
];

export default questions;
