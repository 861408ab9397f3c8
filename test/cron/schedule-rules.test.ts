/**
 * The schedule rules as a user meets them through `validateCronJobs`: each refusal is the whole
 * message (the job, the field, what was received, what is expected and the fix), a refused schedule
 * adds no note, and the schedules OpenClaw takes are accepted.
 */
import type { CronJobDeclaration, CronSchedule } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const NOW = Date.parse('2026-02-20T00:00:00Z');

const ctx: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
  now: NOW,
};

function withSchedule(schedule: unknown): CronJobDeclaration {
  return {
    name: 'nightly',
    schedule: schedule as CronSchedule,
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'summarise the day' },
    delivery: { mode: 'none' },
  };
}

function check(schedule: unknown, context: CronValidationContext = ctx): { errors: string[]; notes: string[] } {
  const { errors, notes } = validateCronJobs([withSchedule(schedule)], context);
  return { errors, notes };
}

describe('one-shot at schedules', () => {
  it('refuses a value that is not a string, with the expected form and no note', () => {
    expect(check({ kind: 'at', at: 42 })).toEqual({
      errors: [
        'cron job "nightly": schedule.at 42 is not an ISO-8601 date-time: expected e.g. "2026-03-01T09:00:00+09:00" (no zone means UTC); fix the timestamp',
      ],
      notes: [],
    });
  });

  it('refuses text that is not ISO-8601 and does not also note the one-shot job', () => {
    expect(check({ kind: 'at', at: 'tomorrow' })).toEqual({
      errors: [
        'cron job "nightly": schedule.at "tomorrow" is not an ISO-8601 date-time: expected e.g. "2026-03-01T09:00:00+09:00" (no zone means UTC); fix the timestamp',
      ],
      notes: [],
    });
  });

  it('refuses an instant more than a minute before now with only that error', () => {
    expect(check({ kind: 'at', at: '2026-02-19T23:58:00Z' })).toEqual({
      errors: [
        'cron job "nightly": schedule.at 2026-02-19T23:58:00Z is in the past (received 2 minute(s) before 2026-02-20T00:00:00.000Z): expected an instant at most 1 minute ago, as cron.add refuses older ones; remove the job once it has run, or move schedule.at forward',
      ],
      notes: [],
    });
  });

  it('measures against the current time when the context gives none', () => {
    const { now: _none, ...withoutNow } = ctx;
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(check({ kind: 'at', at: twoHoursAgo }, withoutNow).errors).toEqual([
      expect.stringContaining(`schedule.at ${twoHoursAgo} is in the past (received 120 minute(s) before`),
    ]);
    expect(check({ kind: 'at', at: inAnHour }, withoutNow).errors).toEqual([]);
  });
});

describe('interval schedules', () => {
  it('refuses a missing everyMs, naming the unit and an example', () => {
    expect(check({ kind: 'every' }).errors).toEqual([
      'cron job "nightly": schedule.everyMs is nothing: expected an integer number of milliseconds ≥ 1 (e.g. 3600000 for hourly)',
    ]);
  });

  it('refuses a fractional anchorMs, saying how to anchor at creation instead', () => {
    expect(check({ kind: 'every', everyMs: 1000, anchorMs: 1.5 }).errors).toEqual([
      'cron job "nightly": schedule.anchorMs is 1.5: expected an integer epoch-milliseconds value ≥ 0, or omit it to anchor at creation time',
    ]);
  });

  it('accepts the epoch itself as anchor and reports a bad everyMs and anchorMs together', () => {
    expect(check({ kind: 'every', everyMs: 1000, anchorMs: 0 }).errors).toEqual([]);
    expect(check({ kind: 'every', everyMs: 0, anchorMs: -1 }).errors).toEqual([
      expect.stringContaining('schedule.everyMs is 0:'),
      expect.stringContaining('schedule.anchorMs is -1:'),
    ]);
  });
});

describe('schedule kinds', () => {
  it('refuses an unknown kind, listing the three kinds', () => {
    expect(check({ kind: 'weekly' }).errors).toEqual([
      'cron job "nightly": schedule.kind is "weekly": expected "at", "every" or "cron"',
    ]);
  });
});

describe('cron expression schedules', () => {
  it('refuses an empty tz with the fix, and adds no note', () => {
    expect(check({ kind: 'cron', expr: '0 9 * * *', tz: '' })).toEqual({
      errors: [
        'cron job "nightly": schedule.tz "" is not an IANA time zone: expected a zone such as "Asia/Tokyo" or "UTC"; fix the name or omit tz to use the gateway host\'s zone',
      ],
      notes: [],
    });
  });

  it('refuses an unparsable expression with croner\'s reason, and no "no tz" note', () => {
    expect(check({ kind: 'cron', expr: '61 * * * *' })).toEqual({
      errors: [
        'cron job "nightly": schedule.expr "61 * * * *" does not parse with croner (CronPattern: Invalid value for minute: 61): expected a valid 5- or 6-field cron expression such as "0 9 * * *"',
      ],
      notes: [],
    });
  });

  it('refuses an expression that never fires, saying OpenClaw would disable the job', () => {
    expect(check({ kind: 'cron', expr: '0 0 30 2 *', tz: 'UTC' })).toEqual({
      errors: [
        'cron job "nightly": schedule.expr "0 0 30 2 *" never fires (no upcoming run): expected an expression with a future run time; OpenClaw would disable the job',
      ],
      notes: [],
    });
  });

  it('counts fields across runs of spaces and tabs', () => {
    expect(check({ kind: 'cron', expr: '0  9 * *\t* * 2027', tz: 'UTC' }).errors).toEqual([
      'cron job "nightly": schedule.expr "0  9 * *\t* * 2027" has 7 fields: expected 5 (minute hour day month weekday) or 6 (with seconds first), as OpenClaw\'s croner parser takes',
    ]);
    expect(check({ kind: 'cron', expr: '30  9 * *\t*', tz: 'UTC' }).errors).toEqual([]);
  });

  it('refuses a missing expression once, with an example and no "no tz" note', () => {
    expect(check({ kind: 'cron' })).toEqual({
      errors: ['cron job "nightly": schedule.expr is empty: expected a cron expression such as "0 9 * * *"'],
      notes: [],
    });
  });

  it('adds no "no tz" note to an expression with the wrong number of fields', () => {
    expect(check({ kind: 'cron', expr: '0 9 * * * * *' }).notes).toEqual([]);
  });

  it('hands an @ nickname to croner instead of counting its fields', () => {
    expect(check({ kind: 'cron', expr: '@daily', tz: 'UTC' })).toEqual({ errors: [], notes: [] });
  });

  it('refuses a fractional staggerMs, saying what 0 means, without noting a stagger window', () => {
    expect(check({ kind: 'cron', expr: '0 9 * * *', tz: 'UTC', staggerMs: 1.5 })).toEqual({
      errors: [
        'cron job "nightly": schedule.staggerMs is 1.5: expected an integer number of milliseconds ≥ 0 (0 = exact timing)',
      ],
      notes: [],
    });
  });

  it('refuses an expression that is not text by what it is, not as empty', () => {
    expect(check({ kind: 'cron', expr: 9, tz: 'UTC' })).toEqual({
      errors: [
        'cron job "nightly": schedule.expr is 9: expected a cron expression as text such as "0 9 * * *"; quote it',
      ],
      notes: [],
    });
    expect(check({ kind: 'cron', expr: ['0', '9'], tz: 'UTC' }).errors).toHaveLength(1);
    expect(check({ kind: 'cron', expr: ['0', '9'], tz: 'UTC' }).errors[0]).not.toContain('is empty');
  });

  it('adds no note about an expression it refused as not text (no tz note for an expression of "")', () => {
    expect(check({ kind: 'cron', expr: 9 })).toEqual({
      errors: [
        'cron job "nightly": schedule.expr is 9: expected a cron expression as text such as "0 9 * * *"; quote it',
      ],
      notes: [],
    });
  });

  it('refuses a staggerMs given as text without noting a stagger window', () => {
    expect(check({ kind: 'cron', expr: '0 9 * * *', tz: 'UTC', staggerMs: '60000' })).toEqual({
      errors: [
        'cron job "nightly": schedule.staggerMs is "60000": expected an integer number of milliseconds ≥ 0 (0 = exact timing)',
      ],
      notes: [],
    });
  });

  it('notes an explicit stagger window on a top-of-hour expression instead of the default stagger', () => {
    expect(check({ kind: 'cron', expr: '0 * * * *', tz: 'UTC', staggerMs: 120_000 }).notes).toEqual([
      `cron job "nightly": schedule '0 * * * *' is staggered by up to 120000 ms (offset from sha256 of the job id)`,
    ]);
  });

  it('judges each expression on its own when several are validated in turn', () => {
    const exprs = ['0 0 30 2 *', '30 9 * * *', '61 * * * *', '30 9 * * *', '0 0 30 2 *'];
    const outcomes = exprs.map((expr) => check({ kind: 'cron', expr, tz: 'Asia/Tokyo' }).errors.length);
    expect(outcomes).toEqual([1, 0, 1, 0, 1]);
    expect(check({ kind: 'cron', expr: '30 9 * * *', tz: 'UTC' }).errors).toEqual([]);
  });
});
