/** One Lighthouse result, as the report keeps it. */
export interface RunFigures {
  scores: Record<string, number>;
  lcpMs?: number;
  fcpMs?: number;
  tbtMs?: number;
  cls?: number;
  jsTransferBytes: number;
  jsResourceBytes: number;
  scriptCount: number;
  benchmarkIndex?: number;
  lost: Record<string, string[]>;
  hints: string[];
}
export interface Medians extends Omit<RunFigures, 'benchmarkIndex' | 'jsTransferBytes' | 'jsResourceBytes' | 'scriptCount'> {
  runs: number;
  jsTransferBytes?: number;
  jsResourceBytes?: number;
  scriptCount?: number;
  perfRange: [number, number];
}
export declare const CATEGORIES: string[];
export declare function median(values: unknown[]): number | undefined;
export declare function extract(report: unknown): RunFigures;
export declare function benchmarkRange(loads: RunFigures[]): {median: number; min: number; max: number; loads: number} | undefined;
export declare function summarize(runs: RunFigures[]): Medians;
export declare function sweepFloor(allRuns: Record<string, {mobile: RunFigures[]; desktop: RunFigures[]}>, bareBeside: RunFigures[]): number | undefined;
export declare function kb(bytes: number | undefined): string;
export declare function seconds(ms: number | undefined): string;
export declare function whole(value: number | undefined): string;
export declare function performanceCell(medians: Medians): string;
