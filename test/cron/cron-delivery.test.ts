import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APPLY_CRON_JOBS_COMMAND,
  applyCronJobsScript,
  type ApplyCronJobsScriptHeader,
} from '../../lib/cron/apply-cron-jobs-script';
import { cronAddInvocations, cronJobsDocument, toCronAddParams } from '../../lib/cron/cron-add-params';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { shellSingleQuote } from '../../lib/cron/shell-quote';
import { dailyUsageReportDiscordJob, dailyUsageReportWebhookJob } from '../../lib/cron/usage-report-jobs';

const tricky = `it's "quoted" $HOME \`date\` $(id) \\n back\\slash\nsecond line 日本語 '' end'`;

const mainJob: CronJobDeclaration = {
  name: "Owner's heartbeat",
  schedule: { kind: 'cron', expr: '0 * * * *', tz: 'Asia/Tokyo', staggerMs: 0 },
  sessionTarget: 'main',
  wakeMode: 'now',
  payload: { kind: 'systemEvent', text: tricky },
};

const webhookJob: CronJobDeclaration = {
  ...dailyUsageReportWebhookJob('https://cron-receiver.example.com/openclaw'),
  allowInsecureHttp: false,
  receiver: { namespace: 'monitoring', podLabels: { app: 'rx' }, port: 8080 },
};

const discordJob = dailyUsageReportDiscordJob('123456789012345678');

const HEADER: ApplyCronJobsScriptHeader = { command: APPLY_CRON_JOBS_COMMAND, notes: [] };

describe('toCronAddParams', () => {
  it('strips our opt-ins, makes enabled explicit and sorts keys', () => {
    const params = toCronAddParams(webhookJob);
    expect(params).not.toHaveProperty('allowInsecureHttp');
    expect(params).not.toHaveProperty('receiver');
    expect(params.enabled).toBe(true);
    expect(Object.keys(params)).toEqual([
      'delivery',
      'enabled',
      'name',
      'payload',
      'schedule',
      'sessionTarget',
      'wakeMode',
    ]);
    expect(JSON.stringify(params.schedule)).toBe('{"expr":"0 9 * * *","kind":"cron","tz":"Asia/Tokyo"}');
  });

  it('keeps enabled: false', () => {
    expect(toCronAddParams({ ...discordJob, enabled: false }).enabled).toBe(false);
  });
});

describe('cronJobsDocument', () => {
  it('is keyed by name, sorted and stable regardless of declaration order', () => {
    const a = cronJobsDocument([webhookJob, mainJob, discordJob]);
    const b = cronJobsDocument([discordJob, webhookJob, mainJob]);
    expect(a).toBe(b);
    const parsed = JSON.parse(a) as { jobs: Record<string, unknown> };
    expect(Object.keys(parsed.jobs)).toEqual([
      'Daily usage report',
      'Daily usage report (Discord)',
      "Owner's heartbeat",
    ]);
    expect(parsed.jobs["Owner's heartbeat"]).toEqual(toCronAddParams(mainJob));
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('contains no secret: the webhook token is not part of any job', () => {
    const doc = cronJobsDocument([webhookJob, discordJob]);
    expect(doc).not.toMatch(/token|authorization|bearer/i);
    expect(applyCronJobsScript([webhookJob, discordJob], HEADER)).not.toMatch(/token|authorization|bearer/i);
    expect(cronAddInvocations([webhookJob]).join('\n')).not.toMatch(/token|authorization|bearer/i);
  });

  it('fails for duplicate or empty names', () => {
    expect(() => cronJobsDocument([discordJob, discordJob])).toThrow(
      'cron job name "Daily usage report (Discord)" is declared twice: jobs are upserted by name, give each a unique name',
    );
    expect(() => cronAddInvocations([{ ...discordJob, name: '' }])).toThrow('cron job #1 has an empty name');
  });
});

describe('shellSingleQuote', () => {
  it('round-trips arbitrary text through sh', () => {
    const out = execFileSync('sh', ['-c', `printf '%s' ${shellSingleQuote(tricky)}`], { encoding: 'utf8' });
    expect(out).toBe(tricky);
  });
});

interface FakeOpenClaw {
  readonly dir: string;
  readonly calls: () => string[][];
  readonly run: (script: string, extraEnv?: Record<string, string>) => ReturnType<typeof spawnSync>;
}

/** A temp dir with a fake `openclaw` on PATH that records its argv (one JSON line per call). */
function fakeOpenClaw(existingJobs: unknown[]): FakeOpenClaw {
  const dir = mkdtempSync(join(tmpdir(), 'cron-apply-'));
  const log = join(dir, 'calls.jsonl');
  writeFileSync(join(dir, 'list.json'), JSON.stringify({ jobs: existingJobs }));
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'openclaw'),
    [
      '#!/usr/bin/env node',
      'const fs = require("fs");',
      'const args = process.argv.slice(2);',
      'fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify(args) + "\\n");',
      'if (process.env.FAKE_FAIL && args[2] === process.env.FAKE_FAIL) { console.error("Gateway call failed: boom"); process.exit(1); }',
      'if (args[2] === "cron.list") process.stdout.write(fs.readFileSync(process.env.FAKE_LIST, "utf8") + "\\n");',
      'else process.stdout.write(JSON.stringify({ id: "new-id" }) + "\\n");',
    ].join('\n'),
  );
  chmodSync(join(dir, 'openclaw'), 0o755);
  return {
    dir,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as string[]),
    run: (script, extraEnv = {}) =>
      // exactly how it is run in the pod: sh -s with the script on stdin
      spawnSync('sh', ['-s'], {
        input: script,
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${dir}:${process.env.PATH ?? ''}`,
          FAKE_LOG: log,
          FAKE_LIST: join(dir, 'list.json'),
          ...extraEnv,
        },
      }),
  };
}

function paramsOf(call: string[]): unknown {
  const i = call.indexOf('--params');
  expect(i).toBeGreaterThan(0);
  return JSON.parse(call[i + 1] ?? '');
}

describe('applyCronJobsScript (executed with a fake openclaw)', () => {
  let fake: FakeOpenClaw | undefined;
  afterEach(() => {
    if (fake) rmSync(fake.dir, { recursive: true, force: true });
    fake = undefined;
  });

  const existing = [
    { id: 'id-main', name: "Owner's heartbeat", enabled: false, payload: { kind: 'systemEvent', text: 'old' } },
    { id: 'id-foreign', name: 'Someone else', enabled: true },
  ];

  it('updates existing names by id, adds new ones, and never touches other jobs', () => {
    fake = fakeOpenClaw(existing);
    const result = fake.run(applyCronJobsScript([mainJob, discordJob], HEADER));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const calls = fake.calls();
    expect(calls.map((c) => c.slice(0, 3))).toEqual([
      ['gateway', 'call', 'cron.list'],
      ['gateway', 'call', 'cron.add'],
      ['gateway', 'call', 'cron.update'],
    ]);
    expect(paramsOf(calls[0]!)).toEqual({ includeDisabled: true });
    expect(paramsOf(calls[1]!)).toEqual(toCronAddParams(discordJob));
    expect(paramsOf(calls[2]!)).toEqual({ id: 'id-main', patch: toCronAddParams(mainJob) });
    expect(calls.every((c) => c.includes('--json'))).toBe(true);
    expect(JSON.stringify(calls)).not.toContain('id-foreign');
    expect(JSON.stringify(calls)).not.toContain('cron.remove');
    expect(result.stdout).toBe(
      "cron job Daily usage report (Discord): added\ncron job Owner's heartbeat: updated (id id-main)\n",
    );
  });

  it('round-trips a message with single quotes, $, backquotes, backslashes and newlines', () => {
    fake = fakeOpenClaw([]);
    const result = fake.run(applyCronJobsScript([mainJob], HEADER));
    expect(result.status).toBe(0);
    const add = fake.calls()[1]!;
    const params = paramsOf(add) as { payload: { text: string } };
    expect(params.payload.text).toBe(tricky);
    expect(params).toEqual(toCronAddParams(mainJob));
  });

  it('is idempotent: a second run against the result only updates', () => {
    fake = fakeOpenClaw([
      { id: 'id-d', name: discordJob.name },
      { id: 'id-m', name: mainJob.name },
    ]);
    const script = applyCronJobsScript([mainJob, discordJob], HEADER);
    expect(fake.run(script).status).toBe(0);
    expect(fake.run(script).status).toBe(0);
    const methods = fake.calls().map((c) => c[2]);
    expect(methods).toEqual(['cron.list', 'cron.update', 'cron.update', 'cron.list', 'cron.update', 'cron.update']);
  });

  it('fails without calling add or update when two existing jobs share a declared name', () => {
    fake = fakeOpenClaw([
      { id: 'a', name: discordJob.name },
      { id: 'b', name: discordJob.name },
    ]);
    const result = fake.run(applyCronJobsScript([discordJob], HEADER));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('2 existing cron jobs are named "Daily usage report (Discord)" (ids a, b)');
    expect(fake.calls().map((c) => c[2])).toEqual(['cron.list']);
  });

  it('stops at the first failing RPC', () => {
    fake = fakeOpenClaw([]);
    const result = fake.run(applyCronJobsScript([mainJob, discordJob], HEADER), { FAKE_FAIL: 'cron.add' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Gateway call failed: boom');
    expect(fake.calls().map((c) => c[2])).toEqual(['cron.list', 'cron.add']);
  });

  it('refuses a paged cron.list result rather than risk duplicates', () => {
    fake = fakeOpenClaw([]);
    writeFileSync(join(fake.dir, 'list.json'), JSON.stringify({ jobs: [], hasMore: true, nextOffset: 200 }));
    const result = fake.run(applyCronJobsScript([discordJob], HEADER));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('cron.list returned a partial page');
  });

  it('reads the cron.list JSON after a heading line, and refuses output without JSON or without a jobs array', () => {
    fake = fakeOpenClaw([]);
    writeFileSync(join(fake.dir, 'list.json'), `Gateway call: cron.list\n${JSON.stringify({ jobs: [] })}`);
    const ok = fake.run(applyCronJobsScript([discordJob], HEADER));
    expect(ok.stdout).toBe('cron job Daily usage report (Discord): added\n');
    writeFileSync(join(fake.dir, 'list.json'), 'no gateway here');
    const noJson = fake.run(applyCronJobsScript([discordJob], HEADER));
    expect(noJson.status).not.toBe(0);
    expect(noJson.stderr).toContain('apply-cron-jobs: cron.list printed no JSON: no gateway here');
    writeFileSync(join(fake.dir, 'list.json'), JSON.stringify({ items: [] }));
    const noJobs = fake.run(applyCronJobsScript([discordJob], HEADER));
    expect(noJobs.status).not.toBe(0);
    expect(noJobs.stderr).toContain('apply-cron-jobs: cron.list result has no jobs array');
    expect(fake.calls().map((c) => c[2])).toEqual(['cron.list', 'cron.add', 'cron.list', 'cron.list']);
  });

  it('warns about an agentId, or payload keys of the same kind, that the declaration leaves out', () => {
    fake = fakeOpenClaw([
      {
        id: 'id-m',
        name: mainJob.name,
        agentId: 'ops',
        payload: { kind: 'systemEvent', text: 'old', extra: 1, gone: null },
      },
    ]);
    const result = fake.run(applyCronJobsScript([mainJob], HEADER));
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      `warning: cron job ${JSON.stringify(mainJob.name)} keeps undeclared agentId, payload.extra (cron.update merges)`,
    );
  });

  it('does not warn about the payload of another kind, which cron.update replaces', () => {
    fake = fakeOpenClaw([
      { id: 'id-m', name: mainJob.name, payload: { kind: 'agentTurn', message: 'old', model: 'x' } },
    ]);
    const result = fake.run(applyCronJobsScript([mainJob], HEADER));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('warns about fields a merge-patch would keep', () => {
    fake = fakeOpenClaw([
      {
        id: 'id-d',
        name: discordJob.name,
        description: 'old',
        delivery: { mode: 'webhook', to: 'https://old.example.com/x', channel: 'discord' },
      },
    ]);
    const { delivery: _d, ...announceWithoutTarget } = discordJob;
    const job: CronJobDeclaration = { ...announceWithoutTarget, delivery: { mode: 'announce', channel: 'discord' } };
    const result = fake.run(applyCronJobsScript([job], HEADER));
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      'warning: cron job "Daily usage report (Discord)" keeps undeclared description, delivery.to (cron.update merges)',
    );
  });

  it('documents the kubectl exec command with stdin attached', () => {
    expect(APPLY_CRON_JOBS_COMMAND).toBe(
      'kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < apply-cron-jobs.sh',
    );
    expect(applyCronJobsScript([discordJob], HEADER)).toContain(`#   ${APPLY_CRON_JOBS_COMMAND}\n`);
  });

  it('writes the command and notes into the comment header, a line break in either made a space', () => {
    const script = applyCronJobsScript([discordJob], {
      command: 'kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < a\nb/apply-cron-jobs.sh',
      notes: ['first note', 'second\n  note\nrm -rf /tmp/x'],
    });
    const lines = script.split('\n');
    const at = lines.indexOf('set -eu');
    expect(lines.slice(at - 6, at + 1)).toEqual([
      `#   ${APPLY_CRON_JOBS_COMMAND}`,
      '# From the GitOps repo root:',
      '#   kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < a b/apply-cron-jobs.sh',
      '# Validation notes:',
      '#   - first note',
      '#   - second note rm -rf /tmp/x',
      'set -eu',
    ]);
    expect(lines.slice(0, at).every((l) => l.startsWith('#'))).toBe(true);
    expect(applyCronJobsScript([discordJob], HEADER)).toContain('\n# Validation notes: none.\nset -eu\n');
  });

  it('says above each shell function what it takes and does', () => {
    const script = applyCronJobsScript([discordJob], HEADER);
    expect(script).toContain(
      '\n# rpc METHOD PARAMS_JSON: prints the JSON result; fails when the call fails\nrpc() {\n',
    );
    expect(script).toContain('\n# upsert NAME PARAMS_JSON\nupsert() {\n');
  });

  it('explains itself to whoever opens it: what it does, how to run it, what each function takes', () => {
    const comments = applyCronJobsScript([mainJob, discordJob], HEADER)
      .split('\n')
      .filter((line) => line.startsWith('#'));
    expect(comments).toEqual([
      '#!/bin/sh',
      '# apply-cron-jobs.sh: generated by openclaw-ops from the cron job declarations; do not edit.',
      '# Upserts 2 cron job(s) by name: cron.update for names that exist, cron.add for new ones.',
      '# Jobs with other names are never touched and nothing is removed. Run with stdin attached:',
      '#   kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < apply-cron-jobs.sh',
      '# From the GitOps repo root:',
      '#   kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < apply-cron-jobs.sh',
      '# Validation notes: none.',
      '# rpc METHOD PARAMS_JSON: prints the JSON result; fails when the call fails',
      '# upsert NAME PARAMS_JSON',
    ]);
  });

  it('is deterministic and ends with the main call', () => {
    const a = applyCronJobsScript([mainJob, discordJob], HEADER);
    expect(applyCronJobsScript([discordJob, mainJob], HEADER)).toBe(a);
    expect(a.trimEnd().endsWith('\nmain')).toBe(true);
    expect(a.startsWith('#!/bin/sh\n')).toBe(true);
  });
});

describe('cronAddInvocations', () => {
  it('gives one line per job whose --params parses back to the params when run by sh', () => {
    const lines = cronAddInvocations([mainJob, discordJob]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^openclaw gateway call cron\.add --params '/);
    const fake = fakeOpenClaw([]);
    try {
      for (const line of lines) {
        execFileSync('sh', ['-c', line], {
          env: {
            ...process.env,
            PATH: `${fake.dir}:${process.env.PATH ?? ''}`,
            FAKE_LOG: join(fake.dir, 'calls.jsonl'),
            FAKE_LIST: join(fake.dir, 'list.json'),
          },
        });
      }
      expect(fake.calls().map(paramsOf)).toEqual([toCronAddParams(discordJob), toCronAddParams(mainJob)]);
    } finally {
      rmSync(fake.dir, { recursive: true, force: true });
    }
  });
});
