export declare const DEBIAN_CHROMIUM: string;
export declare const DEBIAN_HEADLESS_SHELL: string;
export declare function findBrowser(): {executablePath: string | undefined; source: string};
export declare function findTestBrowser(): {executablePath: string | undefined; source: string};
export declare function isRoot(): boolean;
