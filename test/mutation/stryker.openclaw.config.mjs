// A quick mutation run of lib/openclaw (without release/) and lib/config against the tests that
// exercise them (test/mutation/vitest.openclaw.config.ts; a lower bound of the full run's score).
// Usage: npm run mutation -- test/mutation/stryker.openclaw.config.mjs --force --concurrency 1 --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.openclaw.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-openclaw.json',
};
