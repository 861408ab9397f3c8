import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The test run Stryker repeats once per mutant (`npm run mutation`). It is `npm test` without the
 * tests that cannot see a mutant or cost minutes per run:
 * - test/real-openclaw/**: the real OpenClaw in a child process (minutes, network-free but slow);
 * - test/cli/** and test/provision/**: they run the esbuild bundle or install tools in a child
 *   process, which runs unmutated code (Stryker switches mutants inside this process only).
 * Everything else runs, including the promtool, kubectl and Renovate tests.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['node_modules/**', 'test/real-openclaw/**', 'test/cli/**', 'test/provision/**'],
    },
  }),
);
