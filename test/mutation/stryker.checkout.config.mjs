// A quick mutation run of the checkout diff (manifest-diff.ts, tree-diff.ts) and the lolice key order
// (lib/files/key-order.ts) against the tests that exercise them (test/mutation/vitest.checkout.config.ts;
// a lower bound of the full run's score).
// Usage: npm run mutation -- test/mutation/stryker.checkout.config.mjs --force --concurrency 1 --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, related: false, configFile: 'test/mutation/vitest.checkout.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-checkout.json',
};
