import type {Page} from '@playwright/test';

export interface ScriptWeight {
  url: string;
  raw: number;
  gzip: number;
}
export declare function gzipSize(body: Buffer): number;
export declare function measureScripts(page: Page, url: string): Promise<{scripts: ScriptWeight[]; raw: number; gzip: number}>;
