// A quick mutation run of the cron wiring (apply script, jobs delivery, run-log shipper, usage report jobs,
// webhook allowed hostnames) against the tests that exercise it (test/mutation/vitest.cron-wiring.config.ts;
// a lower bound of the full run's score).
// Usage: npm run mutation -- test/mutation/stryker.cron-wiring.config.mjs --force --concurrency 1 --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, related: false, configFile: 'test/mutation/vitest.cron-wiring.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-cron-wiring.json',
};
