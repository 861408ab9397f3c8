/**
 * What the gateway is sent for declared jobs: the `cron.add` params (our opt-ins stripped, `enabled`
 * explicit, keys sorted at every depth, absent members left out), the `cron-jobs.json` record and the
 * `openclaw gateway call cron.add` lines, and the refusals of values JSON cannot carry.
 */
import { cronAddInvocations, cronJobsDocument, toCronAddParams } from '../../lib/cron/cron-add-params';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';

const tick: CronJobDeclaration = {
  name: 'tick',
  wakeMode: 'now',
  sessionTarget: 'main',
  schedule: { kind: 'every', everyMs: 60_000 },
  payload: { text: 'tick', kind: 'systemEvent' },
};

describe('cron-jobs.json', () => {
  it('is the params of each job by name, sorted, 2-space indented, with a final newline', () => {
    const doc = cronJobsDocument([
      { ...tick, name: 'b' },
      { ...tick, name: 'a', enabled: false },
    ]);
    const params = (name: string, enabled: boolean): string[] => [
      `    "${name}": {`,
      `      "enabled": ${enabled},`,
      `      "name": "${name}",`,
      '      "payload": {',
      '        "kind": "systemEvent",',
      '        "text": "tick"',
      '      },',
      '      "schedule": {',
      '        "everyMs": 60000,',
      '        "kind": "every"',
      '      },',
      '      "sessionTarget": "main",',
      '      "wakeMode": "now"',
    ];
    expect(doc).toBe(
      ['{', '  "jobs": {', ...params('a', false), '    },', ...params('b', true), '    }', '  }', '}', ''].join('\n'),
    );
  });

  it('refuses a job without a name as having an empty one', () => {
    const unnamed = { ...tick, name: undefined } as unknown as CronJobDeclaration;
    expect(() => cronJobsDocument([unnamed])).toThrow(
      new Error('cron job #1 has an empty name: every job needs a unique non-empty name'),
    );
  });

  it('refuses a blank name, counting jobs from 1', () => {
    expect(() => cronJobsDocument([tick, { ...tick, name: ' ' }])).toThrow(
      new Error('cron job #2 has an empty name: every job needs a unique non-empty name'),
    );
  });
});

describe('cron.add params', () => {
  it('leave out members declared as undefined and every opt-in of ours', () => {
    const params = toCronAddParams({
      ...tick,
      description: undefined,
      allowLongTimeout: true,
      allowInsecureHttp: true,
      receiver: { namespace: 'ns', podLabels: { app: 'rx' }, port: 8080 },
      delivery: { mode: 'webhook', to: 'https://receiver.example.com/cron', bestEffort: undefined },
    });
    expect(JSON.stringify(params)).toBe(
      '{"delivery":{"mode":"webhook","to":"https://receiver.example.com/cron"},"enabled":true,"name":"tick",' +
        '"payload":{"kind":"systemEvent","text":"tick"},"schedule":{"everyMs":60000,"kind":"every"},' +
        '"sessionTarget":"main","wakeMode":"now"}',
    );
  });

  it('have no key at all for a member declared as undefined', () => {
    expect(Object.keys(toCronAddParams({ ...tick, description: undefined }))).toEqual([
      'enabled',
      'name',
      'payload',
      'schedule',
      'sessionTarget',
      'wakeMode',
    ]);
  });

  it('carry lists item by item, sorted inside and with null for a missing item', () => {
    const job = { ...tick, extra: [1, undefined, [true, { b: 'x', a: null }]] } as unknown as CronJobDeclaration;
    expect(JSON.stringify(toCronAddParams(job).extra)).toBe('[1,null,[true,{"a":null,"b":"x"}]]');
  });

  it.each([
    [Number.POSITIVE_INFINITY, 'cron job field job.schedule.everyMs is Infinity: expected a finite number'],
    [Number.NaN, 'cron job field job.schedule.everyMs is NaN: expected a finite number'],
  ])('refuse everyMs %s, naming the field', (everyMs, message) => {
    expect(() => toCronAddParams({ ...tick, schedule: { kind: 'every', everyMs } })).toThrow(new Error(message));
  });

  it('refuse a value JSON cannot carry, naming the field and its type', () => {
    const job = { ...tick, payload: { ...tick.payload, text: 10n } } as unknown as CronJobDeclaration;
    expect(() => toCronAddParams(job)).toThrow(
      new Error('cron job field job.payload.text has type bigint: expected JSON data'),
    );
    const inList = { ...tick, extra: [0, () => 1] } as unknown as CronJobDeclaration;
    expect(() => toCronAddParams(inList)).toThrow(
      new Error('cron job field job.extra[1] has type function: expected JSON data'),
    );
  });
});

describe('cron.add command lines', () => {
  it('are one shell line per job, sorted by name, with the params single-quoted', () => {
    expect(
      cronAddInvocations([
        { ...tick, name: 'b' },
        { ...tick, name: "it's" },
      ]),
    ).toEqual([
      `openclaw gateway call cron.add --params '{"enabled":true,"name":"b","payload":{"kind":"systemEvent","text":"tick"},"schedule":{"everyMs":60000,"kind":"every"},"sessionTarget":"main","wakeMode":"now"}'`,
      `openclaw gateway call cron.add --params '{"enabled":true,"name":"it'\\''s","payload":{"kind":"systemEvent","text":"tick"},"schedule":{"everyMs":60000,"kind":"every"},"sessionTarget":"main","wakeMode":"now"}'`,
    ]);
  });
});
