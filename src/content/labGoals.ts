/**
 * The chapter labs' goals: what the reader tries in each lab, checked by the lab on its own run
 * (src/lab/goal.ts). The limits are the goals' own round numbers, not results of the model;
 * `src/content/labGoals.test.ts` checks that each lab's starting model misses its goal and that
 * a design a reader can build in the lab's controls meets it.
 */
import type {LabGoal} from '@site/src/lab/goal';

export const LAB_GOALS = {
  loneTask: {
    text: 'Cut the longest total outage to under a minute.',
    targets: [{metric: 'longestOutageSeconds', op: 'atMost', value: 59}],
  },
  sessionsInMemory: {
    text: 'Lose no session when zone a fails, without adding tasks.',
    targets: [
      {metric: 'sessionsLost', op: 'atMost', value: 0},
      {metric: 'totalTasks', op: 'atMost', value: 2},
    ],
  },
  shiftSooner: {
    text: 'Halve the failed requests, to 10,000 or fewer, by shifting traffic away from zone b sooner (Break, operator actions).',
    targets: [{metric: 'failedRequests', op: 'atMost', value: 10_000}],
  },
  asyncPromotion: {
    text: 'Lose no acknowledged write when zone a fails: try another replication topology or mode in Build.',
    targets: [{metric: 'writesLost', op: 'atMost', value: 0}],
  },
  twoStatelessTasks: {
    text: 'Then get failed requests under 1,000 without adding tasks: try the health check settings and client retries in Build.',
    targets: [
      {metric: 'failedRequests', op: 'atMost', value: 999},
      {metric: 'totalTasks', op: 'atMost', value: 2},
    ],
  },
  alarmShift: {
    text: 'Get failed requests under 8,000 without an operator timing the shift by hand: let an alarm on the zone’s error rate shift traffic (Break, operator actions).',
    targets: [
      {metric: 'failedRequests', op: 'atMost', value: 7_999},
      {metric: 'handTimedShifts', op: 'atMost', value: 0},
    ],
  },
  multiAzInstance: {
    text: 'Get writes back within a minute of losing zone a, still losing no acknowledged write: try another topology in Build.',
    targets: [
      {metric: 'databaseDowntimeSeconds', op: 'atMost', value: 60},
      {metric: 'writesLost', op: 'atMost', value: 0},
    ],
  },
  aurora: {
    text: 'Get the time without writes down to 35 s or less, losing no acknowledged write: which managed database fails over fastest?',
    targets: [
      {metric: 'databaseDowntimeSeconds', op: 'atMost', value: 35},
      {metric: 'writesLost', op: 'atMost', value: 0},
    ],
  },
  staleDns: {
    text: 'Get failed requests under 1,000 without adding tasks. The load balancer’s 60 s TTL is AWS’s to set: try what the clients do (Build, Clients).',
    targets: [
      {metric: 'failedRequests', op: 'atMost', value: 999},
      {metric: 'totalTasks', op: 'atMost', value: 6},
    ],
  },
  retryStorm: {
    text: 'End the storm with its cause: get availability above 95 % without adding tasks (Build: Clients, Overload).',
    targets: [
      {metric: 'availability', op: 'atLeast', value: 0.95},
      {metric: 'totalTasks', op: 'atMost', value: 6},
    ],
  },
  capstone: {
    text: 'Reach the brief’s 99 % availability with this zone lost, with at most 9 tasks.',
    targets: [
      {metric: 'availability', op: 'atLeast', value: 0.99},
      {metric: 'totalTasks', op: 'atMost', value: 9},
    ],
  },
} satisfies Record<string, LabGoal>;
