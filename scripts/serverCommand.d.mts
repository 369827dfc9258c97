export declare const SERVER_NODE_ARGS: string[];
export declare function serverCommandArgs(extraNodeArgs?: string[]): string[];
