import type {Page} from '@playwright/test';

export interface ScriptWeight {
  url: string;
  raw: number;
  gzip: number;
}
export declare function gzipSize(body: Buffer): number;
export interface ScriptsMeasured {
  scripts: ScriptWeight[];
  raw: number;
  gzip: number;
}
export declare function recordScripts(page: Page): {stop(): Promise<ScriptsMeasured>};
export declare function measureScripts(page: Page, url: string): Promise<ScriptsMeasured>;
