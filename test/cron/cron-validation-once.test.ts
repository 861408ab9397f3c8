/**
 * A synth validates the declared cron jobs once: the NetworkPolicy takes its webhook egress from
 * that one result instead of a second pass. The app is imported fresh after vi.resetModules(), so
 * the spy is in place even when the worker already loaded lib/ for another file.
 */
import { vi } from 'vitest';

vi.mock('../../lib/cron/validate-cron-jobs', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/cron/validate-cron-jobs')>();
  return { ...original, validateCronJobs: vi.fn(original.validateCronJobs) };
});

describe('cron validation | once per synth', () => {
  it('runs validateCronJobs once for the whole lolice render and arch synth', async () => {
    vi.resetModules();
    const validation = await import('../../lib/cron/validate-cron-jobs');
    const harness = await import('../support/openclaw-ops-harness');
    const spy = vi.mocked(validation.validateCronJobs);
    spy.mockClear();
    try {
      const app = harness.buildApp();
      const tree = app.renderLolice();
      app.synthArch();
      expect(tree.has('argoproj/openclaw/cron-jobs/cron-jobs.json')).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
      // without the port list: the generated policy opens each webhook's port
      expect(spy.mock.calls[0]?.[1].externalEgressPorts).toBeUndefined();
    } finally {
      harness.removeTempDirs();
      vi.resetModules();
    }
  });
});
