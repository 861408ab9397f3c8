import { quickMutationConfig } from '../../vitest.mutation.config';

/**
 * A quick mutation run over the checkout diff and the lolice key order
 * (`test/mutation/stryker.checkout.config.mjs`): only the unit tests of `lib/checkout/manifest-diff.ts`,
 * `tree-diff.ts` and `lib/files/key-order.ts`, no tool provisioning. Test files that build the whole
 * app while they load (test/gitops/key-order.test.ts, live-tree-reproduction.test.ts) are left out:
 * they would make every mutant on the app's path "static" (re-running every test), and
 * rebaseline-fixture.test.ts runs its script in a child process, on unmutated code. Fewer tests can
 * only kill fewer mutants, so a score measured here is a lower bound of the full run's.
 */
export default quickMutationConfig([
  'test/checkout/checkout-diff.test.ts',
  'test/checkout/manifest-diff.test.ts',
  'test/checkout/tree-diff.test.ts',
  'test/checkout/top-level-kinds.test.ts',
  'test/gitops/key-ranking.test.ts',
]);
