import { quickMutationConfig } from '../../vitest.mutation.config';

/**
 * A quick mutation run over lib/query, lib/telemetry/otlp-prometheus-naming.ts, lib/network and
 * lib/endpoints (`test/mutation/stryker.query-network.config.mjs`): only the test files that
 * exercise them. The promtool tests are left out (promtool runs in a child process, which sees no
 * mutant); the parsers' own tests do the killing. Fewer tests can only kill fewer mutants, so a score
 * measured here is a lower bound of the full run's. MUTATION_TESTS (comma-separated files or globs)
 * narrows the list further: the NetworkPolicy rules are built while network-policies.test.ts loads,
 * so with it listed every mutant of those files is "static" and re-runs every listed test.
 */
export default quickMutationConfig([
  'test/query/*.test.ts',
  'test/observability/metrics/otlp-prometheus-*.test.ts',
  'test/observability/alerting/alert-rules.test.ts',
  'test/observability/dashboard/dashboard.test.ts',
  'test/observability/dashboard/cron-panels.test.ts',
  'test/network/*.test.ts',
  'test/misconfigurations/shape.test.ts',
  'test/misconfigurations/limits-and-formats.test.ts',
  'test/misconfigurations/wider-than-declared.test.ts',
]);
