import { quickMutationConfig } from '../../vitest.mutation.config';

/**
 * A quick mutation run over the cron files that build or render something
 * (`test/mutation/stryker.cron-wiring.config.mjs`): the apply script, the cron jobs delivery, the run-log
 * shipper, the usage report jobs and the webhook allowed hostnames, against the tests of that wiring, no
 * tool provisioning. Fewer tests can only kill fewer mutants, so a score measured here is a lower
 * bound of the full run's.
 */
export default quickMutationConfig([
  'test/cron/cron-delivery.test.ts',
  'test/cron/cron-jobs-delivery.test.ts',
  'test/cron/cron-jobs-wiring.test.ts',
  'test/cron/cron-run-log-shipper-wiring.test.ts',
  'test/cron/cron-run-log-shipper-sidecar.test.ts',
  'test/cron/cron-run-log-shipper-env-order.test.ts',
  'test/cron/long-timeout-opt-in.test.ts',
  'test/cron/webhook-allowed-hostnames.test.ts',
  'test/openclaw/version-gates.test.ts',
]);
