// Types for server/build.mjs (plain JavaScript so that it runs from a fresh clone with node).
export declare const SERVER_DIST: string
export declare const ENTRIES: Record<string, string>
export declare function buildServer(options?: { entries?: Record<string, string>; outdir?: string; clean?: boolean }): Promise<void>
