/**
 * A synth validates the declared cron jobs once: the NetworkPolicy takes its webhook egress from
 * that one result instead of a second pass.
 */
import { vi } from 'vitest';
import * as validation from '../../lib/cron/validate-cron-jobs';
import { buildApp, removeTempDirs } from '../support/openclaw-ops-harness';

vi.mock('../../lib/cron/validate-cron-jobs', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/cron/validate-cron-jobs')>();
  return { ...original, validateCronJobs: vi.fn(original.validateCronJobs) };
});

afterAll(removeTempDirs);

describe('cron validation | once per synth', () => {
  it('runs validateCronJobs once for the whole lolice render and arch synth', () => {
    const spy = vi.mocked(validation.validateCronJobs);
    spy.mockClear();
    const app = buildApp();
    const tree = app.renderLolice();
    app.synthArch();
    expect(tree.has('argoproj/openclaw/cron-jobs/cron-jobs.json')).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    // without the port list: the generated policy opens each webhook's port
    expect(spy.mock.calls[0]?.[1].externalEgressPorts).toBeUndefined();
  });
});
