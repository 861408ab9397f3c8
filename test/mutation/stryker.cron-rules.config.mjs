// A quick mutation run of the cron validator's rule files and the credential patterns against the
// tests that exercise them (test/mutation/vitest.cron-rules.config.ts; a lower bound of the full
// run's score). Usage: npm run mutation -- test/mutation/stryker.cron-rules.config.mjs --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.cron-rules.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-cron-rules.json',
};
