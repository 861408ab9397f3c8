/** Types of scripts/lean-libraries.mjs (read there). */
export function sdkIndexForV1(indexFile: string): { text: string; dropped: string[] };
export function leanLibraries(root: string): { name: string; setup(build: unknown): void };
