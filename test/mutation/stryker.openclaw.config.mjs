// A quick mutation run of lib/openclaw (without release/) and lib/config against the tests that
// exercise them (test/mutation/vitest.openclaw.config.ts; a lower bound of the full run's score).
// Usage: npm run mutation -- test/mutation/stryker.openclaw.config.mjs --force --concurrency 1 --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.openclaw.config.ts' },
  // The sandbox keeps the release schemas' compiled validators (build/openclaw-schema), unchanged
  // (Stryker's `// @ts-nocheck` line would hide the schema hash on their first line): without them
  // each test compiles one at run time through a require() of TypeScript, which vitest cannot load.
  ignorePatterns: ['/build/*', '!/build/openclaw-schema', ...base.ignorePatterns.filter((p) => p !== 'build')],
  disableTypeChecks: 'lib/**/*.ts',
  incrementalFile: 'reports/mutation/stryker-incremental-openclaw.json',
};
