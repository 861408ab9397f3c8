import { quickMutationConfig } from '../../vitest.mutation.config';

/**
 * A quick mutation run over lib/openclaw (without release/, the npm installer) and lib/config
 * (`test/mutation/stryker.openclaw.config.mjs`): only the test files that exercise them, no tool
 * provisioning. Many mutants of these files are "static" under the full run (the validator's tables
 * and every test file that builds the whole app), so each re-runs the whole suite there. Fewer tests
 * can only kill fewer mutants, so a score measured here is a lower bound of the full run's.
 * MUTATION_TESTS (comma-separated files or globs) narrows the list further, as in the full config.
 */
export default quickMutationConfig(
  ['test/openclaw/*.test.ts', 'test/config/*.test.ts', 'test/misconfigurations/*.test.ts'],
  ['test/openclaw/release-install.test.ts'],
);
