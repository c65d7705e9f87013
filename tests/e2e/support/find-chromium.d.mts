export declare const DEFAULT_CHROMIUM: string
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null
