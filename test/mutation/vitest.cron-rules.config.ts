import { quickMutationConfig } from '../../vitest.mutation.config';

/**
 * A quick mutation run over the cron validator's rule files and the credential patterns
 * (`test/mutation/stryker.cron-rules.config.mjs`): only the test files that exercise them, no tool
 * provisioning. Most mutants of these files are "static" under the full run (test files that build
 * the whole app at load time validate cron jobs outside any test), so each one re-runs all ~650
 * tests there (about 25 s a mutant, 40 min for one file on 2 shared cores). Fewer tests can only kill
 * fewer mutants, so a score measured here is a lower bound of the full run's.
 */
export default quickMutationConfig([
  'test/cron/cron-validation.test.ts',
  'test/cron/cron-webhook-url-redaction.test.ts',
  'test/cron/cron-ssrf-guard.test.ts',
  'test/cron/ssrf-guard-reasons.test.ts',
  'test/cron/cron-delivery.test.ts',
  'test/cron/schedule-rules.test.ts',
  'test/cron/session-payload-rules.test.ts',
  'test/cron/delivery-rules.test.ts',
  'test/cron/webhook-url-rules.test.ts',
  'test/cron/webhook-target-rules.test.ts',
  'test/cron/cron-add-params.test.ts',
  'test/cron/cron-config-section.test.ts',
  'test/cron/iso-8601-instant.test.ts',
  'test/cron/cron-add-keys.test.ts',
  'test/cron/top-of-hour-stagger.test.ts',
  'test/cron/cron-add-at-limits.test.ts',
  'test/cron/time-zone.test.ts',
  'test/cron/webhook-allowed-hostnames.test.ts',
  'test/cron/validate-cron-jobs.test.ts',
  'test/cron/webhook-receiver-rules.test.ts',
  'test/config/*.test.ts',
  'test/secrets/credential-patterns.test.ts',
  'test/misconfigurations/secrets-headed-for-git.test.ts',
]);
