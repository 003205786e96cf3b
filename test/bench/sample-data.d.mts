// Types of sample-data.mjs for the TypeScript side of the benchmark.
export function rng(seed: number): () => number;
export function pad(n: number, w: number): string;
export const ES_FIRST: readonly string[];
export const ES_LAST: readonly string[];
export const ES_ASCII: Readonly<Record<string, string>>;
export const ZH_LAST: readonly (readonly [string, string])[];
export const ZH_FIRST: readonly (readonly [string, string])[];
export const EN_FIRST: readonly string[];
export const EN_LAST: readonly string[];
export const ES_STREETS: readonly string[];
export const ES_CITIES: readonly string[];
export const EN_ADDR: readonly string[];
export const EN_CITIES: readonly string[];
export const TIERS: readonly string[];
export const TAGS: readonly string[];
