import { defineConfig } from 'vitest/config';
import mutation from '../../vitest.mutation.config';

/**
 * A quick mutation run over lib/core, lib/secrets and lib/ssm (`test/mutation/stryker.core.config.mjs`):
 * only the test files that exercise them (their own tests, the config schema and misconfiguration
 * tests, the arch stack and gateway tests), no tool provisioning. Most of their mutants are "static"
 * (schema building blocks evaluated while a module loads), so each one re-runs every test of the run:
 * fewer tests keep that affordable. A score measured here is a lower bound of the full run's.
 */
export default defineConfig({
  ...mutation,
  test: {
    ...mutation.test,
    globalSetup: [],
    include: [
      'test/core/*.test.ts',
      'test/config/*.test.ts',
      'test/misconfigurations/*.test.ts',
      'test/secrets/*.test.ts',
      'test/ssm/*.test.ts',
      'test/gateway/openclaw-gateway.test.ts',
    ],
  },
});
