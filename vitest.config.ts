import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Workers: at least 4, even on 2 cores. Many tests wait on a child process or the disk (promtool,
 * Prometheus, kubectl, the CLIs, OpenClaw), so more workers than cores keep both cores busy: on 2
 * cores, test:fast took 48 s with 2 workers and 44 s with 4. Never fewer workers than the maximum:
 * with isolate off, tinypool may stop an idle worker above the minimum while it is handed a task
 * ("Terminating worker thread").
 */
const workers = Math.max(4, availableParallelism());

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // Provisioning done once per run, before any worker starts: every tool side by side (one module
    // per tool under test/support/provision/, run together by all.ts).
    globalSetup: ['test/support/provision/all.ts'],
    // A test that asserts nothing cannot fail: every test must make at least one expect() call.
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Threads: no test changes the working directory or other process-wide state a thread cannot hold.
    pool: 'threads',
    maxWorkers: workers,
    minWorkers: workers,
    // Test files share a worker's module cache (no per-file re-import of cdk8s/cdktf): no test
    // changes process-wide state, and the one that mocks a module re-imports after vi.resetModules().
    isolate: false,
  },
});
