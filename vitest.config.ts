import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // Provisioning done once per run, before any worker starts: one module per tool.
    globalSetup: [
      'test/support/provision/prometheus.ts',
      'test/support/provision/kubectl.ts',
      'test/support/provision/cli-bundle.ts',
      'test/support/real-openclaw-global-setup.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share a worker's module cache (no per-file re-import of cdk8s/cdktf): no test
    // changes process-wide state, and the one that mocks a module re-imports after vi.resetModules().
    isolate: false,
  },
});
