/**
 * What the import page loads when it is used (never before): the importer,
 * the game day, the recommendations and the ways out (share link, onboarding
 * link, JSON and TypeScript). Pure functions over plain data, so they can move
 * into a Web Worker unchanged.
 */
import type {Model} from '@site/src/engine';
import {chapters, docPath} from '@site/src/content/chapters';
import {modelToCode} from '@site/src/lab/codegen';
import {decodeModel, encodeModel, SHARE_PARAM} from '@site/src/lab/share';
import {simulationRunner} from '@site/src/lab/simulationRunner';
import {runGameDay, DEFAULT_TARGETS, type GameDay, type GameDayTargets} from './gameDay';
import {GAME_DAY_TIME_LIMIT_MS, runGameDayJob, stoppedGameDay} from './gameDayJob';
import {recommend, type Recommendations} from './recommend';

export {importInputs, MAX_INPUT_BYTES} from './index';
export {DEFAULT_TARGETS, GAME_DAY_TIMING, GRAY_FAILURE_ERROR_SHARE} from './gameDay';
export {decodeModel};

/** A chapter to take, for the onboarding link. */
export interface ChapterLink {
  slug: string;
  title: string;
  href: string;
}

export interface Report {
  day: GameDay;
  plan: Recommendations;
  /** Chapters that teach the recommended changes, in course order (or the capstone and game days when nothing missed). */
  chapters: ChapterLink[];
}

function slugOf(docId: string): string {
  return docId.replace(/\/index$/, '');
}

/** Chapters by slug, in course order; unknown slugs are dropped. */
export function chapterLinks(slugs: readonly string[]): ChapterLink[] {
  return chapters
    .filter((c) => c.docId && slugs.includes(slugOf(c.docId)))
    .map((c) => ({slug: slugOf(c.docId!), title: `Chapter ${c.number}: ${c.title}`, href: docPath(c.docId!)}));
}

/** A report from a game day and its recommendations: the chapters that teach the changes. */
export function reportOf(day: GameDay, plan: Recommendations): Report {
  const slugs = plan.items.map((item) => item.chapter.href.replace(/^\/docs\//, ''));
  return {day, plan, chapters: chapterLinks(slugs.length ? slugs : ['capstone', 'game-days'])};
}

/** The game day, its recommendations and the chapters to take, on this thread (tests, the benchmark). */
export function gameDayReport(model: Model, targets: GameDayTargets = DEFAULT_TARGETS, zoneIds: Record<string, string> = {}): Report {
  const day = runGameDay(model, targets, zoneIds);
  return reportOf(day, recommend(model, targets, day));
}

/** What the page gets back from the worker: a report, or why there is none. */
export type ReportOutcome = {ok: true; report: Report; milliseconds: number} | {ok: false; problem: string; stopped?: boolean};

/**
 * Runs the game day and the recommendations in the shared simulation worker
 * (on the page only where no worker can start) and calls `done` with the
 * report. The returned function cancels it (a newer run, the page left).
 */
export function startGameDay(model: Model, targets: GameDayTargets, zoneIds: Record<string, string>, done: (outcome: ReportOutcome) => void): () => void {
  const job = {targets, zoneIds};
  return simulationRunner().runGameDay(model, job, () => runGameDayJob(model, job), stoppedGameDay, GAME_DAY_TIME_LIMIT_MS, (outcome) =>
    done(outcome.ok ? {ok: true, report: reportOf(outcome.day, outcome.plan), milliseconds: outcome.milliseconds} : outcome),
  );
}

/** The model as a JSON file's text. */
export function modelJson(model: Model): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

export {modelToCode};

/** The playground with this model. */
export function labHref(model: Model): string {
  return `/playground?${SHARE_PARAM}=${encodeModel(model)}`;
}

/** Targets as a link parameter: availability, RTO, RPO, sessions. */
export function encodeTargets(t: GameDayTargets): string {
  return [t.availability, t.rtoSeconds, t.rpoSeconds, t.sessionsLost].join(',');
}

/** Targets from a link parameter, or null when it is not four non-negative numbers with availability at most 1. */
export function decodeTargets(value: string | null): GameDayTargets | null {
  if (!value) return null;
  const parts = value.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 0) || parts[0]! > 1) return null;
  const [availability, rtoSeconds, rpoSeconds, sessionsLost] = parts as [number, number, number, number];
  return {availability, rtoSeconds, rpoSeconds, sessionsLost};
}

/**
 * A link a team lead hands to a new engineer: this page with the service's
 * model, the targets and the chapters to take, all in the address (no server).
 * `page` is the import page's path with the site's base URL.
 */
export function onboardingHref(model: Model, targets: GameDayTargets, chapterSlugs: readonly string[], page = '/import', zoneIds: Record<string, string> = {}): string {
  const params = new URLSearchParams({[SHARE_PARAM]: encodeModel(model), targets: encodeTargets(targets), chapters: chapterSlugs.join(',')});
  const ids = Object.entries(zoneIds).filter(([zone]) => model.zones.includes(zone));
  if (ids.length) params.set('zoneIds', ids.map(([zone, id]) => `${zone}:${id}`).join(','));
  return `${page}?${params.toString()}`;
}

/** Zone IDs from a link parameter (`us-east-1a:use1-az1,…`); anything that is not a name and an ID is left out. */
export function decodeZoneIds(value: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const match = /^([\w-]{1,40}):([a-z0-9-]{1,20})$/.exec(pair);
    if (match) out[match[1]!] = match[2]!;
  }
  return out;
}
