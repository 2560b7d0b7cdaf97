// The figures of `npm run lighthouse` (scripts/lighthouse.mjs): what a report keeps from one Lighthouse
// result, the medians of a page's runs, the sweep's floor and how figures are written. No I/O.

/** The Lighthouse categories the runs score. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The median of the finite numbers among `values`, or undefined if there are none. */
export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The figures the report keeps from one Lighthouse result. */
export function extract(report) {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((report.categories[id]?.score ?? NaN) * 100)]));
  const requests = report.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter(
    (item) => item.resourceType === 'Script' && (item.sessionTargetType === undefined || item.sessionTargetType === 'page'),
  );
  // Audits that cost points in a category: everything scored below 1 that carries weight there.
  const lost = {};
  for (const id of CATEGORIES) {
    lost[id] = (report.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && report.audits[ref.id] && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
      .map((ref) => `${ref.id} (${report.audits[ref.id].displayValue ?? report.audits[ref.id].score})`);
  }
  // Performance opportunities and diagnostics that are not passing, for the reader of the report.
  const hints = Object.values(report.audits)
    .filter((audit) => audit.details?.type === 'opportunity' && (audit.details.overallSavingsMs ?? 0) >= 50)
    .map((audit) => `${audit.id} (${Math.round(audit.details.overallSavingsMs)} ms)`);
  return {
    scores,
    lcpMs: report.audits['largest-contentful-paint']?.numericValue,
    fcpMs: report.audits['first-contentful-paint']?.numericValue,
    tbtMs: report.audits['total-blocking-time']?.numericValue,
    cls: report.audits['cumulative-layout-shift']?.numericValue,
    jsTransferBytes: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    jsResourceBytes: scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
    scriptCount: scripts.length,
    // Lighthouse's own measure of the machine's CPU at each load: reported with the run, used in no budget.
    benchmarkIndex: report.environment?.benchmarkIndex,
    lost,
    hints,
  };
}

/** The median, lowest and highest `benchmarkIndex` of a run's loads, rounded; undefined if Lighthouse gave none. */
export function benchmarkRange(loads) {
  const values = loads.map((load) => load.benchmarkIndex).filter((value) => typeof value === 'number' && Number.isFinite(value));
  if (values.length === 0) return undefined;
  return {median: Math.round(median(values)), min: Math.round(Math.min(...values)), max: Math.round(Math.max(...values)), loads: values.length};
}

export function summarize(runs) {
  const pick = (fn) => median(runs.map(fn));
  const union = (fn) => [...new Set(runs.flatMap(fn))].sort();
  return {
    runs: runs.length,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, pick((r) => r.scores[id])])),
    lcpMs: pick((r) => r.lcpMs),
    fcpMs: pick((r) => r.fcpMs),
    tbtMs: pick((r) => r.tbtMs),
    cls: pick((r) => r.cls),
    jsTransferBytes: pick((r) => r.jsTransferBytes),
    jsResourceBytes: pick((r) => r.jsResourceBytes),
    scriptCount: pick((r) => r.scriptCount),
    perfRange: [Math.min(...runs.map((r) => r.scores.performance)), Math.max(...runs.map((r) => r.scores.performance))],
    lost: Object.fromEntries(CATEGORIES.map((id) => [id, union((r) => r.lost[id].map((entry) => entry.replace(/ \(.*\)$/, '')))])),
    hints: union((r) => r.hints.map((entry) => entry.replace(/ \(.*\)$/, ''))),
  };
}

export const kb = (bytes) => (bytes === undefined ? '–' : (bytes / 1024).toFixed(1));
export const seconds = (ms) => (ms === undefined ? '–' : (ms / 1000).toFixed(2));
export const whole = (value) => (value === undefined ? '–' : String(Math.round(value)));

/**
 * The performance floor of the sweep: the lowest score of the bare docs page in this run, counting its
 * runs among the detailed pages and those between the sweep's pages (one after each page): the bare page's
 * spread, measured in the same minutes as the pages (the machine's speed drifts over a run of half an hour:
 * three runs at its start said little about its end). A page of the sweep is held to it by the median of its runs.
 */
export function sweepFloor(allRuns, bareBeside) {
  const scores = [...(allRuns['bare-docs']?.mobile ?? []), ...bareBeside].map((run) => run.scores.performance);
  return scores.length === 0 ? undefined : Math.min(...scores);
}

/** A page's performance as the report writes it: the median, then the lowest and highest of its runs when they differ. */
export function performanceCell(medians) {
  const [lowest, highest] = medians.perfRange;
  return `${whole(medians.scores.performance)}${lowest === highest ? '' : ` (${lowest}–${highest})`}`;
}
