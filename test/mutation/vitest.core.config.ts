import { quickMutationConfig } from '../../vitest.mutation.config';

/**
 * A quick mutation run over lib/core, lib/secrets and lib/ssm (`test/mutation/stryker.core.config.mjs`):
 * only their unit tests, no tool provisioning. Test files that build the whole app while they load
 * (the arch stack and misconfiguration tests) are left out: with them two thirds of these mutants
 * were "static" (each re-running every test, 827 of 1,256: hours). Fewer tests can only kill fewer
 * mutants, so a score measured here is a lower bound of the full run's.
 */
export default quickMutationConfig([
  'test/core/*.test.ts',
  'test/secrets/secrets-config-section.test.ts',
  'test/secrets/ssm-parameter-name.test.ts',
  'test/secrets/generated-length.test.ts',
  'test/secrets/openclaw-secrets.test.ts',
  'test/ssm/arch-config-section.test.ts',
  'test/ssm/arch-tags.test.ts',
  'test/ssm/generated-ssm-parameter.test.ts',
  'test/ssm/ssm-stack.test.ts',
]);
