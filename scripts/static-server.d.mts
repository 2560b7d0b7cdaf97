export declare function resolveFile(root: string, urlPath: string): string | undefined;
export declare function pickEncoding(acceptEncoding?: string): 'br' | 'gzip' | undefined;
export declare function serveCompressed(dir: string, port: number): Promise<{close: () => Promise<void>; url: string}>;
