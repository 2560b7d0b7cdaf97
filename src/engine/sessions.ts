/**
 * Sessions kept in task memory, as a ledger: each task holds the sessions of the users
 * whose state lives in it, and the total never changes (`traffic.activeSessions`).
 *
 * - A task that leaves service (it dies, is drained, or a zonal shift moves its users away)
 *   loses exactly the sessions it holds, never more; those users sign in again and their
 *   new sessions land evenly on the targets in service.
 * - Users come and go: a session ends after `traffic.sessionSeconds` on average and a new
 *   user's session lands on a target in service, so a task that entered service recently
 *   fills up over time instead of staying empty ({@link ageSessions}).
 * - Without stickiness, a user's next request lands on another task with probability
 *   1 − Σ pᵢ² (pᵢ: the share each target serves; (n − 1)/n for n equal targets), which finds
 *   no session and signs the user out during normal running. `summary.ts` counts those
 *   from the segments.
 */
import {loseSessions, type Sim, type TaskRec} from './state';

/** New sessions land on it: in service, alive, and not in a zone a zonal shift moved users off. */
function receives(sim: Sim, t: TaskRec): boolean {
  return !t.removed && t.lb === 'healthy' && t.status === 'running' && sim.shiftedZone !== t.zone;
}

function tracked(sim: Sim): boolean {
  return sim.model.service.sessionStore === 'task-memory' && sim.model.traffic.activeSessions > 0;
}

/** At the start every session lives on one of the tasks in service, evenly. */
export function initSessions(sim: Sim): void {
  sim.unplacedSessions = 0;
  sim.sessionsAgedAt = 0;
  if (!tracked(sim)) return;
  const live = sim.tasks.filter((t) => receives(sim, t));
  if (live.length === 0) {
    sim.unplacedSessions = sim.model.traffic.activeSessions;
    return;
  }
  for (const t of live) t.sessions = sim.model.traffic.activeSessions / live.length;
}

/** Spreads `amount` new sessions evenly over the targets in service (or keeps them waiting for one). */
function place(sim: Sim, amount: number): void {
  const live = sim.tasks.filter((t) => receives(sim, t));
  if (live.length === 0) {
    sim.unplacedSessions += amount;
    return;
  }
  for (const t of live) t.sessions += amount / live.length;
}

/**
 * Users leave their sessions on these tasks: `share` of each task's sessions is lost (1 when
 * the task leaves service; less when only some users are moved, as across a partition).
 * Call it before the tasks leave service, so the users land on the others.
 */
export function loseTaskSessions(sim: Sim, losses: readonly {task: TaskRec; share: number}[], why: string): void {
  if (!tracked(sim)) return;
  let lost = 0;
  for (const {task, share} of losses) {
    const amount = task.sessions * share;
    task.sessions -= amount;
    lost += amount;
  }
  if (lost <= 0) return;
  loseSessions(sim, lost, why);
  // The users sign in again on a target still in service.
  const leaving = new Set(losses.filter((l) => l.share >= 1).map((l) => l.task));
  const live = sim.tasks.filter((t) => receives(sim, t) && !leaving.has(t));
  if (live.length === 0) sim.unplacedSessions += lost;
  else for (const t of live) t.sessions += lost / live.length;
}

/** A target entered service: users waiting for one sign in there. */
export function targetEnteredService(sim: Sim): void {
  if (!tracked(sim) || sim.unplacedSessions <= 0) return;
  const waiting = sim.unplacedSessions;
  sim.unplacedSessions = 0;
  place(sim, waiting);
}

/**
 * Session turnover up to now: over `dt` seconds a share 1 − e^(−dt / sessionSeconds) of the
 * sessions on each task ends and as many new ones land evenly on the targets in service.
 * Between two events the targets in service do not change, so this is exact, and the total
 * is kept.
 */
export function ageSessions(sim: Sim): void {
  if (!tracked(sim)) return;
  const dt = sim.t - sim.sessionsAgedAt;
  sim.sessionsAgedAt = sim.t;
  if (dt <= 0) return;
  const live = sim.tasks.filter((t) => receives(sim, t));
  if (live.length === 0) return;
  const k = 1 - Math.exp(-dt / sim.model.traffic.sessionSeconds);
  let ended = sim.unplacedSessions * k;
  sim.unplacedSessions -= ended;
  for (const t of sim.tasks) {
    if (t.sessions <= 0) continue;
    const e = t.sessions * k;
    t.sessions -= e;
    ended += e;
  }
  for (const t of live) t.sessions += ended / live.length;
}
