/**
 * validateCronJobs' own rules (names, agentId, enabled), the order of the egress it reports, and
 * assertValidCronJobs: each refusal a whole message.
 */
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { assertValidCronJobs, validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const context: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_17,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
};

const job = (name: unknown, extra: Partial<CronJobDeclaration> = {}): CronJobDeclaration =>
  ({
    name,
    schedule: { kind: 'cron', expr: '30 9 * * *', tz: 'UTC' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'write the report' },
    delivery: { mode: 'none' },
    ...extra,
  }) as CronJobDeclaration;

describe('validateCronJobs: names, agentId, enabled', () => {
  it('names a job without a name by its position', () => {
    expect(validateCronJobs([job('a'), job(undefined)], context).errors).toEqual([
      'cron job #2 (unnamed): name is empty: every job needs a unique non-empty name (jobs are upserted by name)',
    ]);
  });

  it('names both positions of a duplicate, counting from the first occurrence', () => {
    expect(validateCronJobs([job('a'), job('b'), job(' b ')], context).errors).toEqual([
      'cron job "b": duplicate name (jobs #2 and #3): jobs are upserted by name, so the later one would overwrite ' +
        'the earlier; give each job a unique name',
    ]);
  });

  it('refuses enabled that is not a boolean, and accepts true and false', () => {
    expect(validateCronJobs([job('a', { enabled: 'yes' as unknown as boolean })], context).errors).toEqual([
      'cron job "a": enabled is "yes": expected true or false',
    ]);
    expect(validateCronJobs([job('a', { enabled: false }), job('b', { enabled: true })], context).errors).toEqual([]);
  });

  it('refuses an empty agentId', () => {
    expect(validateCronJobs([job('a', { agentId: ' ' })], context).errors).toEqual([
      'cron job "a": agentId is empty: expected a non-empty agent id; remove agentId to use the default agent',
    ]);
  });
});

describe('validateCronJobs: egress', () => {
  it('reports the egress of webhook jobs sorted by job name', () => {
    const hook = (name: string, port: number) =>
      job(name, { delivery: { mode: 'webhook', to: `https://hooks.example.com:${port}/x` } });
    const { egressRequirements } = validateCronJobs(
      [hook('zeta', 8443), hook('alpha', 9443), hook('mid', 7443)],
      context,
    );
    expect(egressRequirements.map((r) => `${r.jobName}:${r.port}`)).toEqual(['alpha:9443', 'mid:7443', 'zeta:8443']);
  });
});

describe('assertValidCronJobs', () => {
  it('returns the result when every job is valid', () => {
    expect(assertValidCronJobs([job('a')], context)).toEqual({ errors: [], notes: [], egressRequirements: [] });
  });

  it('throws one error listing every violation', () => {
    expect(() => assertValidCronJobs([job(''), job('b', { agentId: '' })], context)).toThrow(
      new Error(
        'invalid cron jobs (2):\n' +
          '- cron job #1 (unnamed): name is empty: every job needs a unique non-empty name (jobs are upserted by name)\n' +
          '- cron job "b": agentId is empty: expected a non-empty agent id; remove agentId to use the default agent',
      ),
    );
  });
});
