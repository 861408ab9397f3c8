// Types of what eslint.config.mjs exports for the tests (test/lint/layers.test.ts).
/** The folders of lib/, ground first ('.' = the files at lib/'s root). */
export declare const LIB_LAYERS: readonly string[];
declare const config: readonly unknown[];
export default config;
