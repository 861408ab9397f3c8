// A quick mutation run of the query parsers, the OTLP → Prometheus naming, the NetworkPolicy rules
// and the endpoint parsers against the tests that exercise them
// (test/mutation/vitest.query-network.config.ts; a lower bound of the full run's score).
// Usage: npm run mutation -- test/mutation/stryker.query-network.config.mjs --mutate <file>
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.query-network.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-query-network.json',
};
