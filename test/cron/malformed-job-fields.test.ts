/**
 * validateCronJobs never throws on a declaration built outside the config schema: a job, schedule,
 * payload or delivery that is not an object is one refusal naming what was received, and the rules
 * that read it are skipped.
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

const JOB = {
  name: 'nightly',
  schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'UTC' },
  sessionTarget: 'isolated',
  wakeMode: 'now',
  payload: { kind: 'agentTurn', message: 'summarise the day' },
  delivery: { mode: 'none' },
};

function errorsWith(field: string, value: unknown): string[] {
  return validateCronJobs([{ ...JOB, [field]: value } as unknown as CronJobDeclaration], ctx).errors;
}

const EXPECTED: Record<string, string> = {
  schedule: 'an object such as { kind: "cron", expr: "0 9 * * *" }',
  payload: 'an object such as { kind: "agentTurn", message: "…" }',
  delivery: 'an object such as { mode: "none" }, or no delivery',
};

describe('a job field that is not an object', () => {
  it('the declaration used here is valid as it stands', () => {
    expect(validateCronJobs([JOB as unknown as CronJobDeclaration], ctx).errors).toEqual([]);
  });

  for (const field of ['schedule', 'payload', 'delivery']) {
    for (const [value, shown] of [
      [null, 'null'],
      [5, '5'],
      ['x', '"x"'],
      [[], 'an empty array'],
    ] as const) {
      it(`refuses ${field} ${shown} once, naming it, without throwing`, () => {
        expect(errorsWith(field, value)).toEqual([
          `cron job "nightly": ${field} is ${shown}: expected ${EXPECTED[field]}; fix the job's ${field}`,
        ]);
      });
    }
  }

  it('leaves a missing delivery to the delivery rules (a note, no error)', () => {
    const { errors, notes } = validateCronJobs([{ ...JOB, delivery: undefined } as unknown as CronJobDeclaration], ctx);
    expect(errors).toEqual([]);
    expect(notes).toHaveLength(1);
  });

  it('refuses a job that is not an object by its position and goes on with the next', () => {
    const result = validateCronJobs([null, { ...JOB, schedule: null }] as unknown as CronJobDeclaration[], ctx);
    expect(result.errors).toEqual([
      'cron job #1 is null: expected an object with name, schedule, sessionTarget, wakeMode and payload; fix or remove the entry',
      `cron job "nightly": schedule is null: expected ${EXPECTED.schedule}; fix the job's schedule`,
    ]);
  });

  it('refuses a job that is a string, a number, a boolean or an array by its position, as what it is', () => {
    const result = validateCronJobs(['nightly', 5, true, [JOB]] as unknown as CronJobDeclaration[], ctx);
    expect(result.errors).toEqual(
      ['"nightly"', '5', 'true', 'an array of 1 item'].map(
        (shown, index) =>
          `cron job #${index + 1} is ${shown}: expected an object with name, schedule, sessionTarget, wakeMode and ` +
          'payload; fix or remove the entry',
      ),
    );
    expect(result.notes).toEqual([]);
  });
});
