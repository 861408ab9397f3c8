/**
 * The keys cron.add accepts: an unknown key of the job, its schedule, payload or delivery is one error
 * listing the accepted keys (openclaw rejects the whole job); the project's own job keys pass.
 */
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const ctx: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
  now: Date.parse('2026-02-20T00:00:00Z'),
};

const job: CronJobDeclaration = {
  name: 'nightly',
  schedule: { kind: 'cron', expr: '0 3 * * *', tz: 'Asia/Tokyo', staggerMs: 0 },
  sessionTarget: 'isolated',
  wakeMode: 'now',
  payload: { kind: 'agentTurn', message: 'summarise the day' },
  delivery: { mode: 'none' },
};

const errors = (value: unknown): string[] => validateCronJobs([value as CronJobDeclaration], ctx).errors;
const unknown = (key: string, allowed: string): string =>
  `cron job "nightly": ${key} is not a key cron.add accepts: expected only ${allowed}; openclaw rejects the whole job ` +
  '("invalid cron.add params"), so remove or rename it';

const JOB =
  '"agentId", "allowInsecureHttp", "allowLongTimeout", "deleteAfterRun", "delivery", "description", "enabled", ' +
  '"name", "payload", "receiver", "schedule", "sessionKey", "sessionTarget", "wakeMode"';

describe('keys cron.add accepts', () => {
  it('accepts a job with only known keys', () => {
    expect(errors(job)).toEqual([]);
    expect(errors({ ...job, description: 'd', enabled: true, agentId: 'main', deleteAfterRun: false })).toEqual([]);
  });

  it('refuses unknown job keys in sorted order, listing the accepted keys', () => {
    expect(errors({ ...job, zeta: 1, alpha: 2 })).toEqual([unknown('alpha', JOB), unknown('zeta', JOB)]);
  });

  it('checks schedule keys by kind', () => {
    expect(errors({ ...job, schedule: { ...job.schedule, anchorMs: 0 } })).toEqual([
      unknown('schedule.anchorMs', '"expr", "kind", "staggerMs", "tz"'),
    ]);
    expect(errors({ ...job, schedule: { kind: 'every', everyMs: 3_600_000, anchorMs: 0, tz: 'UTC' } })).toEqual([
      unknown('schedule.tz', '"anchorMs", "everyMs", "kind"'),
    ]);
    expect(
      errors({ ...job, schedule: { kind: 'at', at: '2026-03-01T00:00:00Z', everyMs: 1 }, deleteAfterRun: true }),
    ).toEqual([unknown('schedule.everyMs', '"at", "kind"')]);
  });

  it('checks payload keys by kind', () => {
    expect(errors({ ...job, payload: { ...job.payload, text: 'x' } })).toEqual([
      unknown(
        'payload.text',
        '"allowUnsafeExternalContent", "bestEffortDeliver", "channel", "deliver", "kind", "message", "model", ' +
          '"thinking", "timeoutSeconds", "to"',
      ),
    ]);
    const main = {
      ...job,
      sessionTarget: 'main',
      delivery: undefined,
      payload: { kind: 'systemEvent', text: 't', message: 'm' },
    };
    expect(errors(main)).toEqual([unknown('payload.message', '"kind", "text"')]);
  });

  it('checks delivery keys', () => {
    expect(errors({ ...job, delivery: { mode: 'none', url: 'https://x' } })).toEqual([
      unknown('delivery.url', '"bestEffort", "channel", "mode", "to"'),
    ]);
  });

  it('leaves a schedule or payload of unknown kind, or a payload that is not an object, to the other rules', () => {
    const unknownKind = errors({ ...job, schedule: { kind: 'weekly', day: 1 } });
    expect(unknownKind.some((e) => e.includes('is not a key cron.add accepts'))).toBe(false);
    expect(unknownKind.length).toBeGreaterThan(0);
    const listPayload = errors({ ...job, payload: ['x'] });
    expect(listPayload.some((e) => e.includes('is not a key cron.add accepts'))).toBe(false);
  });
});
