export declare const DEBIAN_CHROMIUM: string;
export declare function findBrowser(): {executablePath: string | undefined; source: string};
export declare function isRoot(): boolean;
