/**
 * Chapter 5 quiz: clients during a zone loss. Answers about simulated
 * behaviour come from the engine with the chapter's lab models; the
 * arithmetic of backoff and of retries through layers is worked from the
 * formulas the page states. AWS's facts are sourced on the page.
 */
import {simulate} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';
import {formatCount, formatDuration} from '@site/src/utils/format';
import {dnsModel, OUTAGE, RETRY_POLICIES, runRetryPolicies} from './models';

// Q1: clients that keep answers two minutes past the TTL.
const EXTRA_CACHE = 120;
const cached = simulate(dnsModel(EXTRA_CACHE)).summary;
const ttlOnly = simulate(dnsModel(0)).summary;
/** Requests sent to zone a's dead node: first on connections kept alive to it, then from stale DNS answers. */
const toLostNode = (summary: typeof cached) => summary.failedByCause.staleConnection + summary.failedByCause.staleDns;
const staleAnswer = Math.round(toLostNode(cached));
const ttlOnlyAnswer = Math.round(toLostNode(ttlOnly));

// Q2: JVMs that never resolve again, against clients that honour the TTL.
const forever = simulate(dnsModel('forever')).summary;
const JVM = {
  rate: dnsModel('forever').traffic?.requestsPerSecond ?? 0,
  failed: Math.round(forever.failed),
  ttlOnly: Math.round(ttlOnly.failed),
  everything: Math.round((dnsModel('forever').traffic?.requestsPerSecond ?? 0) * OUTAGE.duration),
};

// Q3: attempts through layers.
const LAYERS = 3;
const ATTEMPTS_PER_LAYER = 4;
const reachingBottom = ATTEMPTS_PER_LAYER ** LAYERS;

// Q4: the wait before each retry without jitter: min(cap, base × 2^(k−1)).
const BASE = 1;
const CAP = 8;
const RETRIES = 5;
const waits = Array.from({length: RETRIES}, (_, i) => Math.min(CAP, BASE * 2 ** i));
const totalWait = waits.reduce((sum, wait) => sum + wait, 0);

// Q5: the retry table.
const runs = runRetryPolicies();
const summaryOf = (id: (typeof RETRY_POLICIES)[number]['id']) => runs.find((run) => run.id === id)!.result.summary;
const fewest = [...runs].sort((x, y) => x.result.summary.failed - y.result.summary.failed)[0]!;
const failedText = (id: (typeof RETRY_POLICIES)[number]['id']) => formatCount(Math.round(summaryOf(id).failed));

const questions: QuizQuestion[] = [
  {
    id: 'dead-node-failures',
    kind: 'numeric',
    prompt: `Three zones, two tasks each, 300 requests a second, cross-zone load balancing off. Zone a is lost at t = ${OUTAGE.at} s. The clients do not retry, and they keep every DNS answer ${EXTRA_CACHE} s past the load balancer's 60 s TTL. How many requests fail because they were sent to zone a's dead load balancer node, on a connection kept alive to it or from a stale DNS answer?`,
    answer: staleAnswer,
    tolerance: Math.max(1, Math.round(staleAnswer * 0.1)),
    unit: 'requests',
    hints: [{value: ttlOnlyAnswer, tolerance: Math.max(1, Math.round(ttlOnlyAnswer * 0.05)), text: 'That is what clients honouring the TTL alone would lose. These keep each answer two minutes longer.'}],
    explanation: `The engine counts ${formatCount(staleAnswer)}. Zone a's node carried a third of the requests; a client that resolved the name just before the loss keeps its address for the TTL plus its own ${EXTRA_CACHE} s, and answers are of every age, so that third falls steadily to nothing over the whole window: about a third of the rate × the window ÷ 2. The first of those requests are the clients' next requests on their connections kept alive to the node (${formatCount(Math.round(cached.failedByCause.staleConnection))}), the rest come from stale DNS answers (${formatCount(Math.round(cached.failedByCause.staleDns))}). With the TTL alone the count is ${formatCount(ttlOnlyAnswer)}. The load balancer cannot help: with cross-zone load balancing off, a request that reaches zone a's node has no other target.`,
  },
  {
    id: 'jvm-cache-failures',
    kind: 'numeric',
    prompt: `Your Java service runs on many JVMs, each with a security manager, and nobody ever set \`networkaddress.cache.ttl\`. Together they send ${JVM.rate} requests a second to another team’s ALB: three zones, cross-zone load balancing off, no retries. Its zone a fails for ${formatDuration(OUTAGE.duration)}. How many of your requests fail during the outage?`,
    answer: JVM.failed,
    tolerance: Math.round(JVM.failed * 0.1),
    unit: 'requests',
    hints: [
      {value: JVM.ttlOnly, tolerance: Math.round(JVM.ttlOnly * 0.2), text: 'That is what clients honouring the load balancer’s 60 s TTL would lose. How long does a JVM with a security manager and no setting keep an answer?'},
      {value: JVM.everything, tolerance: Math.round(JVM.everything * 0.1), text: 'That is every request. The JVMs that resolved the name to zone b’s or zone c’s node are fine.'},
    ],
    explanation: `With a security manager and no setting, the JVM caches a name’s answer forever (Oracle’s documented default; OpenJDK keeps 30 s only without a security manager), whatever the record’s TTL. So the JVMs that resolved the name to zone a’s node, a third of them, keep sending there until the zone returns or they restart: about a third of ${JVM.rate} × ${OUTAGE.duration} s. The engine counts ${formatCount(JVM.failed)}, against ${formatCount(JVM.ttlOnly)} for clients honouring the TTL; with cross-zone load balancing off, the load balancer has no other target for them. Set the property, to 5 s as AWS recommends for its SDK.`,
  },
  {
    id: 'layers',
    kind: 'numeric',
    prompt: `A mobile app calls your API, your API calls a pricing service, and the pricing service calls the database. The app, the API and the pricing service each make up to ${ATTEMPTS_PER_LAYER} attempts. The database is down. How many attempts can one tap in the app send to the database?`,
    answer: reachingBottom,
    tolerance: 0,
    unit: 'attempts',
    hints: [
      {value: ATTEMPTS_PER_LAYER * LAYERS, text: 'Retries do not add up across layers; they multiply. Each of the API’s attempts sets off the pricing service’s attempts.'},
      {value: ATTEMPTS_PER_LAYER, text: 'That is what the pricing service alone sends for one of its calls. Each layer above repeats it.'},
    ],
    explanation: `${ATTEMPTS_PER_LAYER} × ${ATTEMPTS_PER_LAYER} × ${ATTEMPTS_PER_LAYER} = ${reachingBottom}. Retry at one layer, the one that knows whether the call is safe to repeat, and let the others fail fast.`,
  },
  {
    id: 'backoff-total',
    kind: 'numeric',
    prompt: `A client retries up to ${RETRIES} times with exponential backoff, base ${BASE} s, cap ${CAP} s, and no jitter: the k-th retry waits min(cap, base × 2^(k−1)). How many seconds does it wait in all if every attempt fails at once?`,
    answer: totalWait,
    tolerance: 0.1,
    unit: 's',
    hints: [{value: BASE * (2 ** RETRIES - 1), text: 'Remember the cap: no wait is longer than the cap.'}],
    explanation: `The waits are ${waits.map((w) => `${w} s`).join(', ')}: ${totalWait} s in all. With full jitter each wait is drawn between 0 and these values, so on average it is half as long, and clients that failed together no longer retry together.`,
  },
  {
    id: 'retry-policy',
    kind: 'single',
    prompt: 'Nine tasks of 100 requests a second serve a peak of 600 in three zones, exactly P ÷ (N − 1); zone a is lost for 30 minutes. Which client policy fails the fewest requests?',
    choices: RETRY_POLICIES.map((policy) => ({
      id: policy.id,
      text: policy.label,
      correct: policy.id === fewest.id,
      explanation:
        policy.id === fewest.id
          ? `Right: the engine counts ${failedText(policy.id)} failed requests for it, against ${RETRY_POLICIES.filter((p) => p.id !== policy.id)
              .map((p) => `${failedText(p.id)} (${p.label.toLowerCase()})`)
              .join(', ')}.`
          : `${policy.label}: the engine counts ${failedText(policy.id)} failed requests and ${formatCount(Math.round(summaryOf(policy.id).retries))} retries; ${fewest.label.toLowerCase()} fails ${failedText(fewest.id)}.`,
    })),
  },
  {
    id: 'client-settings',
    kind: 'multiple',
    prompt:
      'Zone a was lost ten minutes ago. A colleague is reviewing the incident from the client’s side and writes four statements in the timeline. Which of them are right? Select all that apply.',
    choices: [
      {
        id: 'connect-timeout',
        text: 'Without a connect timeout, a client that tries the dead zone’s node waits as long as its operating system keeps trying to connect.',
        correct: true,
        explanation: 'Right: a dead address never refuses the connection, it just never answers. The connect timeout is what bounds the wait.',
      },
      {
        id: 'timeout-stops-work',
        text: 'When a client’s request timeout runs out, the server stops working on the request.',
        correct: false,
        explanation: 'The server does not know the client gave up: it finishes the request anyway, and the work is wasted.',
      },
      {
        id: 'keep-alive',
        text: 'A connection kept alive to a load balancer node that died fails only when the client next sends a request on it.',
        correct: true,
        explanation: 'Right: nothing is left to close it, so the client finds out on its next request, or when that request times out.',
      },
      {
        id: 'sdk-default',
        text: 'The AWS SDKs’ standard retry mode makes 3 attempts by default and stops retrying when its retry quota runs out.',
        correct: true,
        explanation: 'Right: three attempts in all unless `max_attempts` is set, with backoff and jitter, and a retry quota that successful calls refill.',
      },
    ],
  },
];

export default questions;
