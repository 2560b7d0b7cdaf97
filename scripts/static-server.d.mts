export declare function resolveFile(root: string, urlPath: string): string | undefined;
export declare function pickEncoding(acceptEncoding?: string): 'br' | 'gzip' | undefined;
export interface ServeOptions {
  /** Changes a file's body as it is sent (bodies are then sent uncompressed). */
  rewrite?: (urlPath: string, body: Buffer) => Buffer;
  /** Compress every file before the server answers, so that no request waits for compression (for timings). */
  precompress?: boolean;
}
/** Serves a build on 127.0.0.1:`port` (0: any free port, named in `url`). */
export declare function serveCompressed(dir: string, port: number, options?: ServeOptions): Promise<{close: () => Promise<void>; url: string}>;
