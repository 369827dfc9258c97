export declare const SERVER_NODE_ARGS: string[];
export declare const SERVER_PROCESS_ENV: Record<string, string>;
export declare function serverCommandArgs(extraNodeArgs?: string[]): string[];
