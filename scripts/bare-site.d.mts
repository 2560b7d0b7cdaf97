export declare const SAME_TEXT_PATH: string;
export declare function glossaryForBareSite(source: string): string;
export declare function buildBareSites(options: {
  root: string;
  docusaurusVersion: string;
  log: (message: string) => void;
  run: (command: string, args: string[], cwd: string) => void;
}): {bareBuild: string; sameTextBuild: string};
