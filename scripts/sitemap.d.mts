export declare function sitemapPathsIn(buildDir: string): string[];
