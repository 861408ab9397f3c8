import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The test run Stryker repeats once per mutant (`npm run mutation`). It is `npm test` without the
 * tests that cannot see a mutant or cost minutes per run:
 * - test/real-openclaw/**: the real OpenClaw in a child process (minutes, network-free but slow);
 * - test/cli/**, test/provision/**, test/checkout/day-two.test.ts and
 *   test/integration/determinism.test.ts: they run the esbuild bundles or install tools in a child
 *   process, which runs unmutated code (Stryker switches mutants inside this process only), and
 *   their child processes start while the file loads, so every "static" mutant would wait on them;
 * - test/gitops/renovate-extract.test.ts: the real Renovate on the output (tens of seconds).
 * Everything else runs, including the promtool, kubectl and Renovate tests.
 *
 * MUTATION_TESTS (comma-separated test files or globs) runs only those tests: a quick per-file score
 * from a module's own tests, a lower bound of the score the whole suite gives (Stryker's own
 * `--testFiles` does not reload a module for a static mutant, so every static mutant survives it).
 */
const only = process.env.MUTATION_TESTS?.split(',').filter((p) => p !== '');
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      // Each test file imports its modules afresh: with a shared module cache, Stryker attributes a
      // line's coverage to the wrong test and misses mutants in module-level constants.
      isolate: true,
      exclude: [
        'node_modules/**',
        'test/real-openclaw/**',
        'test/cli/**',
        'test/provision/**',
        'test/checkout/day-two.test.ts',
        'test/integration/determinism.test.ts',
        'test/gitops/renovate-extract.test.ts',
      ],
    },
  }),
);
// set after the merge: mergeConfig would append these to the base config's include
if (only && only.length > 0 && config.test) config.test.include = only;
export default config;

/**
 * A quick mutation run's test config (test/mutation/vitest.*.config.ts): this config with only
 * `include` (MUTATION_TESTS still narrows it), no tool provisioning, and `exclude` added to the
 * excluded files.
 */
export function quickMutationConfig(include: readonly string[], exclude: readonly string[] = []): typeof config {
  return defineConfig({
    ...config,
    test: {
      ...config.test,
      globalSetup: [],
      include: only && only.length > 0 ? only : [...include],
      exclude: [...(config.test?.exclude ?? []), ...exclude],
    },
  });
}
