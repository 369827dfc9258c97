/** See cspDirectives.mjs. */
export declare function cspDirectives(scriptSources: string, dev: boolean): string;
