export declare function serveBuild(port: number): Promise<() => void>;
