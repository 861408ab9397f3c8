// A quick mutation run of lib/core, lib/secrets and lib/ssm against the tests that exercise them
// (test/mutation/vitest.core.config.ts; a lower bound of the full run's score).
// Usage: npm run mutation -- test/mutation/stryker.core.config.mjs --force --concurrency 1 --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, related: false, configFile: 'test/mutation/vitest.core.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-core.json',
};
