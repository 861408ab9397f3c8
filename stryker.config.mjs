// Mutation testing of the rule code in lib/: `npm run mutation` (all rule files) or
// `npm run mutation -- --mutate lib/secrets/ssm-parameter-name.ts` (one file). See docs/mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // related: false: the runner would otherwise run only the test files vitest's import graph links to
  // the mutated files, and it missed test/gitops/key-order.test.ts for lib/files/key-order.ts (0 %).
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  // The rule code: validation, naming, boundaries and failure paths. Constructs that only wire
  // handles together are covered by the synth snapshots and left out.
  mutate: [
    'lib/core/**/*.ts',
    'lib/config/**/*.ts',
    'lib/endpoints/**/*.ts',
    'lib/secrets/**/*.ts',
    'lib/ssm/**/*.ts',
    'lib/cron/**/*.ts',
    'lib/network/**/*.ts',
    'lib/openclaw/**/*.ts',
    '!lib/openclaw/release/**/*.ts',
    'lib/checkout/checkout-diff.ts',
    'lib/checkout/atomic-write.ts',
    'lib/files/key-order.ts',
    'lib/files/yaml-emitter.ts',
    'lib/files/yaml-reader.ts',
    'lib/checkout/kustomization-text.ts',
    'lib/checkout/tree-diff.ts',
    'lib/checkout/manifest-diff.ts',
    'lib/query/**/*.ts',
    'lib/telemetry/otlp-prometheus-naming.ts',
  ],
  // The sandbox keeps the release schemas' compiled validators (build/openclaw-schema), unchanged
  // (Stryker's `// @ts-nocheck` line would hide the schema hash on their first line): without them
  // each test compiles one at run time through a require() of TypeScript, which vitest cannot load.
  ignorePatterns: ['/build/*', '!/build/openclaw-schema', 'cdktf.out', 'dist', 'coverage', 'reports'],
  disableTypeChecks: 'lib/**/*.ts',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  timeoutMS: 60000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
