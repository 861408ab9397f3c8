/**
 * The session target and payload rules as a user meets them through `validateCronJobs`: main runs a
 * systemEvent, isolated an agentTurn, and each refusal is the whole message with its fix.
 */
import type { CronJobDeclaration, CronPayload } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const ctx: CronValidationContext = { openclawVersion: OpenClawVersion.V2026_2_19, webhookTokenConfigured: true };

const mainJob: CronJobDeclaration = {
  name: 'heartbeat',
  schedule: { kind: 'every', everyMs: 3_600_000 },
  sessionTarget: 'main',
  wakeMode: 'next-heartbeat',
  payload: { kind: 'systemEvent', text: 'check the inbox' },
};

const isolatedJob: CronJobDeclaration = {
  ...mainJob,
  name: 'digest',
  sessionTarget: 'isolated',
  payload: { kind: 'agentTurn', message: 'write the digest' },
  delivery: { mode: 'none' },
};

const errorsOf = (job: CronJobDeclaration): string[] => validateCronJobs([job], ctx).errors;

describe('session target and payload kind', () => {
  it('refuses an unknown payload kind once, without also blaming the session target', () => {
    const job = { ...mainJob, payload: { kind: 'script', text: 'x' } as unknown as CronPayload };
    expect(errorsOf(job)).toEqual([
      'cron job "heartbeat": payload.kind is "script": expected "systemEvent" or "agentTurn"',
    ]);
  });

  it('refuses an agentTurn on the main session, naming both ways out', () => {
    expect(errorsOf({ ...mainJob, payload: { kind: 'agentTurn', message: 'x' } })).toEqual([
      'cron job "heartbeat": sessionTarget "main" requires payload.kind "systemEvent" (received "agentTurn"): use sessionTarget "isolated" for an agentTurn payload, or a systemEvent payload for the main session',
    ]);
  });

  it('refuses a systemEvent in an isolated session, naming both ways out', () => {
    expect(errorsOf({ ...isolatedJob, payload: { kind: 'systemEvent', text: 'x' } })).toEqual([
      'cron job "digest": sessionTarget "isolated" requires payload.kind "agentTurn" (received "systemEvent"): use sessionTarget "main" for a systemEvent payload, or an agentTurn payload for an isolated run',
    ]);
  });

  it('accepts each session with its own payload kind', () => {
    expect(errorsOf(mainJob)).toEqual([]);
    expect(errorsOf(isolatedJob)).toEqual([]);
  });
});

describe('agentTurn fields', () => {
  const turn = (extra: Partial<Omit<Extract<CronPayload, { kind: 'agentTurn' }>, 'kind'>>): CronJobDeclaration => ({
    ...isolatedJob,
    payload: { kind: 'agentTurn', message: 'write the digest', ...extra },
  });

  it('refuses a fractional timeoutSeconds, saying what 0 and omitting mean', () => {
    expect(errorsOf(turn({ timeoutSeconds: 1.5 }))).toEqual([
      'cron job "digest": payload.timeoutSeconds is 1.5: expected an integer ≥ 0 (0 = no timeout; omit for the 10 min default)',
    ]);
  });

  it('accepts timeoutSeconds 0 (no timeout)', () => {
    expect(errorsOf(turn({ timeoutSeconds: 0 }))).toEqual([]);
  });

  it.each(['model', 'thinking'] as const)('refuses an empty %s, saying to omit it for the default', (key) => {
    expect(errorsOf(turn({ [key]: ' ' }))).toEqual([
      `cron job "digest": payload.${key} is empty: expected a non-empty value, or omit it to use the agent's default`,
    ]);
  });

  it('accepts a model and a thinking level', () => {
    expect(errorsOf(turn({ model: 'anthropic/claude-sonnet-4', thinking: 'low' }))).toEqual([]);
  });
});
