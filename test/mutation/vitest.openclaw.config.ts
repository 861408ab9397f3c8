import { defineConfig } from 'vitest/config';
import mutation from '../../vitest.mutation.config';

/**
 * A quick mutation run over lib/openclaw (without release/, the npm installer) and lib/config
 * (`test/mutation/stryker.openclaw.config.mjs`): only the test files that exercise them, no tool
 * provisioning. Many mutants of these files are "static" under the full run (the validator's tables
 * and every test file that builds the whole app), so each re-runs the whole suite there. Fewer tests
 * can only kill fewer mutants, so a score measured here is a lower bound of the full run's.
 * MUTATION_TESTS (comma-separated files or globs) narrows the list further, as in the full config.
 */
const only = process.env.MUTATION_TESTS?.split(',').filter((p) => p !== '');
export default defineConfig({
  ...mutation,
  test: {
    ...mutation.test,
    globalSetup: [],
    include:
      only && only.length > 0
        ? only
        : ['test/openclaw/*.test.ts', 'test/config/*.test.ts', 'test/misconfigurations/*.test.ts'],
    exclude: [...(mutation.test?.exclude ?? []), 'test/openclaw/release-install.test.ts'],
  },
});
