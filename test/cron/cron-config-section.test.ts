/**
 * The cron section of the config: the job schema's field rules and the rules over the jobs (names,
 * timeout ceiling, credentials in texts, a dedicated webhook token, params size), each refusal as one
 * whole message under its rule.
 */
import { z } from 'zod';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import {
  cronJobProblems,
  cronJobSchema,
  cronTextCredentialProblems,
  MAX_CRON_PARAMS_BYTES,
  webhookTokenProblems,
} from '../../lib/cron/cron-config-section';
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';
import { toCronAddParams } from '../../lib/cron/cron-add-params';
import { SecretValueOwner, type SecretDeclaration } from '../../lib/secrets/secret-declaration';

const job: CronJobDeclaration = {
  name: 'nightly',
  schedule: { kind: 'cron', expr: '0 3 * * *' },
  sessionTarget: 'isolated',
  wakeMode: 'now',
  payload: { kind: 'agentTurn', message: 'summarise the day' },
};

function refusals(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) =>
      `[${String((issue as { params?: { rule?: unknown } }).params?.rule)}] ${issue.path.join('.')}: ${issue.message}`,
  );
}

describe('cron job schema: name', () => {
  const name = (value: string): string[] => refusals(cronJobSchema, { ...job, name: value });

  it('accepts up to 200 characters starting with a letter or digit', () => {
    expect(name('n'.repeat(200))).toEqual([]);
    expect(name('9 daily-report é')).toEqual([]);
    expect(name('a-')).toEqual([]);
  });

  it('refuses empty, surrounding whitespace, a leading "-", control characters, non-NFC and 201 characters, one at a time', () => {
    expect(name(' ')).toEqual([
      '[cron-job-name] name: received an empty name, expected a unique non-empty name (jobs are upserted by name): give the job a name',
    ]);
    expect(name(' -a')).toEqual([
      '[cron-job-name] name: received " -a" with whitespace at the start or end, expected a job name without it (it ' +
        'would be checked trimmed but written as is): remove the whitespace',
    ]);
    expect(name('-a\u0000')).toEqual([
      '[cron-job-name] name: received "-a\\u0000", which starts with "-" and would be read as an option by the apply ' +
        "script's commands, expected a name starting with a letter or digit: rename the job",
    ]);
    expect(name('a\u0007b')).toEqual([
      '[cron-job-name] name: received a control character (U+0007) at position 1, expected printable text (the apply ' +
        'script passes names as arguments): rename the job',
    ]);
    expect(name('a\nb')).toEqual([
      '[cron-job-name] name: received a control character (U+000a) at position 1, expected printable text (the apply ' +
        'script passes names as arguments): rename the job',
    ]);
    expect(name('cafe\u0301')).toEqual([
      '[cron-job-name] name: received a name that is not in Unicode NFC form, expected NFC (a normalised copy would ' +
        'not match on re-run and the job would be added twice): write the name in NFC',
    ]);
    expect(name('n'.repeat(201))).toEqual([
      '[cron-job-name] name: received a name of 201 characters, expected at most 200: shorten it',
    ]);
  });
});

describe('cron job schema: schedule', () => {
  const schedule = (value: unknown): string[] => refusals(cronJobSchema, { ...job, schedule: value });

  it('everyMs: at least 60000, explaining the unit by the size of the mistake', () => {
    expect(schedule({ kind: 'every', everyMs: 60_000, anchorMs: 0 })).toEqual([]);
    expect(schedule({ kind: 'every', everyMs: 999 })).toEqual([
      '[cron-every-floor] schedule.everyMs: received 999, expected at least 60000 (everyMs is in milliseconds; 999 ms ' +
        'runs the job many times a second): write the interval in milliseconds, e.g. 3600000 for hourly',
    ]);
    expect(schedule({ kind: 'every', everyMs: 1000 })).toEqual([
      '[cron-every-floor] schedule.everyMs: received 1000, expected at least 60000 (everyMs is in milliseconds; 1000 ms ' +
        'runs the job every few seconds): write the interval in milliseconds, e.g. 3600000 for hourly',
    ]);
    expect(schedule({ kind: 'every', everyMs: 60_000, anchorMs: -1 })).toHaveLength(1);
  });

  it('expr: five fields or an @ shortcut; six fields are refused as seconds-first', () => {
    for (const expr of ['0 3 * * *', '  0  3 * * *  ', '@daily', ' @hourly']) {
      expect(schedule({ kind: 'cron', expr }), expr).toEqual([]);
    }
    expect(schedule({ kind: 'cron', expr: ' 0 0 3 * * * ' })).toEqual([
      '[cron-expr-fields] schedule.expr: received "0 0 3 * * *" with 6 fields, expected 5 (minute hour day month ' +
        'weekday): croner reads a 6-field expression with seconds first, so "0 0 3 * * *" would not run when it seems ' +
        'to; drop the seconds field',
    ]);
    expect(schedule({ kind: 'cron', expr: ' 0 3 * * ' })).toEqual([
      '[cron-expr-fields] schedule.expr: received "0 3 * *" with 4 fields, expected 5 (minute hour day month weekday): ' +
        'fix the expression, e.g. "0 9 * * *"',
    ]);
    expect(schedule({ kind: 'cron', expr: '0\t3 * * * * *' })[0]).toMatch(/with 7 fields/);
  });

  it('tz trimmed, staggerMs not negative, at a string', () => {
    expect(schedule({ kind: 'cron', expr: '0 3 * * *', tz: 'Asia/Tokyo', staggerMs: 0 })).toEqual([]);
    expect(schedule({ kind: 'cron', expr: '0 3 * * *', tz: 'Asia/Tokyo ' })).toEqual([
      '[config-text] schedule.tz: received "Asia/Tokyo " with whitespace at the start or end, expected a time zone ' +
        'without it (it would be checked trimmed but written as is): remove the whitespace',
    ]);
    expect(schedule({ kind: 'cron', expr: '0 3 * * *', staggerMs: -1 })).toHaveLength(1);
    expect(schedule({ kind: 'at', at: '2026-03-01T00:00:00Z' })).toEqual([]);
  });
});

describe('cron job schema: payload, delivery and receiver', () => {
  it('message, text and description may span lines but carry no other control character', () => {
    expect(
      refusals(cronJobSchema, { ...job, description: 'a\nb\tc', payload: { kind: 'agentTurn', message: 'a\r\nb' } }),
    ).toEqual([]);
    expect(refusals(cronJobSchema, { ...job, payload: { kind: 'agentTurn', message: 'a\u0000' } })).toEqual([
      '[config-text] payload.message: received a control character (U+0000) at position 1, expected printable text: remove it',
    ]);
    const main = { ...job, sessionTarget: 'main', payload: { kind: 'systemEvent', text: 'a\u001b' } };
    expect(refusals(cronJobSchema, { ...main, payload: { kind: 'systemEvent', text: 'a\r\nb\tc' } })).toEqual([]);
    expect(refusals(cronJobSchema, main)).toEqual([
      '[config-text] payload.text: received a control character (U+001b) at position 1, expected printable text: remove it',
    ]);
    expect(refusals(cronJobSchema, { ...job, description: '\u007f' })).toEqual([
      '[config-text] description: received a control character (U+007f) at position 0, expected printable text: remove it',
    ]);
    expect(
      refusals(cronJobSchema, { ...job, payload: { kind: 'agentTurn', message: 'm', timeoutSeconds: -1 } }),
    ).toHaveLength(1);
    expect(
      refusals(cronJobSchema, { ...job, payload: { kind: 'agentTurn', message: 'm', timeoutSeconds: 0 } }),
    ).toEqual([]);
  });

  it('delivery channel lowercase and trimmed, to trimmed and on one line', () => {
    const delivery = (value: object): string[] =>
      refusals(cronJobSchema, { ...job, delivery: { mode: 'announce', ...value } });
    expect(delivery({ channel: 'discord', to: 'channel:1', bestEffort: true })).toEqual([]);
    expect(delivery({ channel: 'Discord' })).toEqual([
      '[normalised-value] delivery.channel: received "Discord", expected lowercase (channels are matched lowercased ' +
        'but the value is sent as written): write "discord"',
    ]);
    expect(delivery({ channel: ' discord' })).toEqual([
      '[normalised-value] delivery.channel: received " discord" with whitespace at the start or end, expected a ' +
        'channel id without it (it would be checked trimmed but written as is): remove the whitespace',
    ]);
    expect(delivery({ to: 'channel:1 ' })[0]).toMatch(
      /^\[normalised-value\] delivery\.to: received "channel:1 " with whitespace.*expected a delivery target/,
    );
    expect(delivery({ to: 'a\tb' })).toEqual([
      '[normalised-value] delivery.to: received a control character (U+0009) at position 1, expected printable text: remove it',
    ]);
  });

  it('delivery mode none, announce or webhook', () => {
    for (const mode of ['none', 'announce', 'webhook']) {
      expect(refusals(cronJobSchema, { ...job, delivery: { mode } }), mode).toEqual([]);
    }
    expect(refusals(cronJobSchema, { ...job, delivery: { mode: '' } })).toHaveLength(1);
  });

  it('receiver: a namespace, labels and a port', () => {
    const receiver = (value: object): string[] =>
      refusals(cronJobSchema, {
        ...job,
        receiver: { namespace: 'hooks', podLabels: { app: 'r' }, port: 8080, ...value },
      });
    expect(receiver({})).toEqual([]);
    expect(receiver({ namespace: 'Hooks' })[0]).toMatch(/^\[k8s-name\] receiver\.namespace: received "Hooks"/);
    expect(receiver({ podLabels: {} })[0]).toMatch(/^\[pod-selector-nonempty\] receiver\.podLabels: /);
    expect(receiver({ port: 0 })).toHaveLength(1);
  });
});

describe('cronTextCredentialProblems', () => {
  const token = `ghp_${'a'.repeat(36)}`;

  it('refuses a token in the message, the system event text or the description, naming the field', () => {
    const problems = cronTextCredentialProblems([
      { ...job, name: 'a', payload: { kind: 'agentTurn', message: `use ${token}` } },
      { ...job, name: 'b', sessionTarget: 'main', payload: { kind: 'systemEvent', text: token }, description: token },
      { ...job, name: 'c' },
    ]);
    expect(problems.map((p) => `${p.rule} ${p.object}`)).toEqual([
      'literal-secret-value cron job "a" payload',
      'literal-secret-value cron job "b" payload',
      'literal-secret-value cron job "b" description',
    ]);
    expect(problems[0]?.message).toMatch(
      /^received what looks like .+, expected no credential \(cron-jobs\.json is committed to Git\): revoke it and let the agent read it from an env var$/,
    );
  });
});

describe('cronJobProblems', () => {
  const doc: OpenClawConfigDocument = {};

  it('refuses a name declared twice, and one that differs only in case or Unicode form', () => {
    expect(
      cronJobProblems([job, { ...job }, { ...job, name: 'Nightly' }, { ...job, name: 'ｎｉｇｈｔｌｙ' }], doc),
    ).toEqual([
      {
        rule: 'cron-job-name',
        object: 'cron job "nightly"',
        message:
          'is declared twice, expected unique names: jobs are upserted by name, so one would overwrite the other on ' +
          'every run; rename one of them',
      },
      {
        rule: 'cron-job-name',
        object: 'cron job "Nightly"',
        message:
          'differs from job "nightly" only in case or Unicode form, expected clearly distinct names (easy to mix up; ' +
          'a re-run after renaming one adds a duplicate): rename one of them',
      },
      {
        rule: 'cron-job-name',
        object: 'cron job "ｎｉｇｈｔｌｙ"',
        message:
          'differs from job "Nightly" only in case or Unicode form, expected clearly distinct names (easy to mix up; ' +
          'a re-run after renaming one adds a duplicate): rename one of them',
      },
    ]);
    expect(cronJobProblems([job, { ...job, name: 'weekly' }], doc)).toEqual([]);
  });

  it('folds case the lowercase way: capital and small sharp s are one letter, ss another', () => {
    const named = (...names: string[]): string[] =>
      cronJobProblems(
        names.map((name) => ({ ...job, name })),
        doc,
      ).map((p) => `${p.object} ${p.message}`);
    expect(named('stra\u00dfe', 'STRA\u1e9eE')).toEqual([
      'cron job "STRA\u1e9eE" differs from job "stra\u00dfe" only in case or Unicode form, expected clearly distinct ' +
        'names (easy to mix up; a re-run after renaming one adds a duplicate): rename one of them',
    ]);
    expect(named('stra\u00dfe', 'strasse')).toEqual([]);
  });

  it('refuses a timeout over a day unless opted in, and an opt-in without one', () => {
    const timeout = (seconds: number | undefined, allowLongTimeout?: boolean): CronJobDeclaration => ({
      ...job,
      payload: { kind: 'agentTurn', message: 'm', timeoutSeconds: seconds },
      allowLongTimeout,
    });
    expect(cronJobProblems([timeout(86_400)], doc)).toEqual([]);
    expect(cronJobProblems([timeout(172_800, true)], doc)).toEqual([]);
    expect(cronJobProblems([timeout(86_401)], doc)).toEqual([
      {
        rule: 'cron-timeout-ceiling',
        object: 'cron job "nightly" payload.timeoutSeconds',
        message:
          'received 86401 (1.0 days), expected at most 86400 (timeoutSeconds is in seconds, not milliseconds): fix ' +
          'the unit, or set allowLongTimeout: true if the run really may take that long',
      },
    ]);
    expect(cronJobProblems([timeout(3_600_000, false)], doc)[0]?.message).toMatch(/^received 3600000 \(41\.7 days\)/);
    expect(cronJobProblems([timeout(86_400, true)], doc)).toEqual([
      {
        rule: 'cron-timeout-ceiling',
        object: 'cron job "nightly" allowLongTimeout',
        message:
          'is set but payload.timeoutSeconds is 86400 (at most a day), expected the opt-in only with a longer timeout: ' +
          'remove allowLongTimeout',
      },
    ]);
    expect(cronJobProblems([timeout(undefined, true)], doc)[0]?.message).toMatch(
      /^is set but payload\.timeoutSeconds is unset \(at most a day\)/,
    );
    const main: CronJobDeclaration = {
      ...job,
      sessionTarget: 'main',
      payload: { kind: 'systemEvent', text: 't' },
      allowLongTimeout: true,
    };
    expect(cronJobProblems([main], doc).map((p) => p.object)).toEqual(['cron job "nightly" allowLongTimeout']);
  });

  it('checks webhook URLs for credentials, but not other delivery targets', () => {
    const url = 'https://hooks.example.com/x?token=abc';
    const webhook = cronJobProblems([{ ...job, delivery: { mode: 'webhook', to: url } }], doc);
    expect(webhook.map((p) => p.object)).toEqual(['cron job "nightly" delivery.to']);
    expect(cronJobProblems([{ ...job, delivery: { mode: 'announce', to: url } }], doc)).toEqual([]);
    expect(cronJobProblems([{ ...job, delivery: { mode: 'webhook' } }], doc)).toEqual([]);
    expect(cronJobProblems([], { cron: { webhook: url } }).map((p) => p.object)).toEqual([
      'config.openclawConfig.cron.webhook',
    ]);
    expect(cronJobProblems([], { cron: { webhook: 'https://hooks.example.com/x' } })).toEqual([]);
  });

  it('refuses params over 100000 bytes, counting bytes not characters', () => {
    const sized = (message: string): CronJobDeclaration => ({ ...job, payload: { kind: 'agentTurn', message } });
    const big = cronJobProblems([sized('é'.repeat(MAX_CRON_PARAMS_BYTES / 2))], doc);
    expect(big).toHaveLength(1);
    expect(big[0]).toMatchObject({ rule: 'cron-params-size', object: 'cron job "nightly"' });
    expect(big[0]?.message).toMatch(
      /^has \d+ bytes of cron\.add params, expected at most 100000: the apply script passes them as one argument and Linux refuses arguments over 128 KiB \(E2BIG\); shorten the message \(e\.g\. point the agent at a file in its workspace\)$/,
    );
    expect(cronJobProblems([sized('a'.repeat(MAX_CRON_PARAMS_BYTES / 2))], doc)).toEqual([]);
  });

  it('accepts params of exactly 100000 bytes and refuses 100001', () => {
    const sized = (message: string): CronJobDeclaration => ({ ...job, payload: { kind: 'agentTurn', message } });
    const overhead = Buffer.byteLength(JSON.stringify(toCronAddParams(sized(''))));
    const message = (length: number): string => 'a'.repeat(length - overhead);
    expect(cronJobProblems([sized(message(MAX_CRON_PARAMS_BYTES))], doc)).toEqual([]);
    expect(cronJobProblems([sized(message(MAX_CRON_PARAMS_BYTES + 1))], doc).map((p) => p.message)).toEqual([
      'has 100001 bytes of cron.add params, expected at most 100000: the apply script passes them as one argument ' +
        'and Linux refuses arguments over 128 KiB (E2BIG); shorten the message (e.g. point the agent at a file in its ' +
        'workspace)',
    ]);
  });
});

describe('webhookTokenProblems', () => {
  const declared = (key: string, envVars: string[], parameter = key): SecretDeclaration => ({
    key,
    secretName: 'openclaw-credentials',
    parameterName: `/app/${parameter}`,
    owner: SecretValueOwner.GENERATED,
    description: 'd',
    envVars,
  });
  const hook = declared('HOOK_TOKEN', ['HOOK_TOKEN']);

  it('accepts a dedicated secret, and leaves a literal, an absent token or an undeclared env var to other rules', () => {
    const document: OpenClawConfigDocument = { cron: { webhookToken: '${HOOK_TOKEN}' } };
    expect(webhookTokenProblems(document, [hook, declared('OTHER', ['OTHER'])])).toEqual([]);
    expect(webhookTokenProblems({ cron: { webhookToken: 'literal' } }, [hook])).toEqual([]);
    expect(webhookTokenProblems({ cron: { webhookToken: 'x${HOOK_TOKEN}' } }, [hook])).toEqual([]);
    expect(webhookTokenProblems({}, [hook])).toEqual([]);
    expect(webhookTokenProblems(document, [])).toEqual([]);
  });

  it('refuses a token also used elsewhere in the config, read as another env var, or sharing its parameter', () => {
    const document = {
      cron: { webhookToken: '${HOOK_TOKEN}' },
      hooks: { token: 'Bearer ${HOOK_TOKEN}', other: '${SAME_PARAM}' },
    } as unknown as OpenClawConfigDocument;
    const shared = { ...hook, envVars: ['HOOK_TOKEN', 'GH_HOOK'] };
    const sameParameter = declared('SAME_PARAM', ['SAME_PARAM'], 'HOOK_TOKEN');
    expect(webhookTokenProblems(document, [shared, sameParameter])).toEqual([
      {
        rule: 'webhook-token-unique',
        object: 'config.openclawConfig.cron.webhookToken',
        message:
          'received ${HOOK_TOKEN}, which reuses secret openclaw-credentials/HOOK_TOKEN (also used at ' +
          'openclawConfig.hooks.token; also used at openclawConfig.hooks.other; also read as env GH_HOOK; same ssm ' +
          'parameter as secret openclaw-credentials/SAME_PARAM), expected a credential used only for cron webhooks: ' +
          'every receiver would learn it; declare a dedicated generated secret (e.g. OPENCLAW_CRON_WEBHOOK_TOKEN) and ' +
          'reference only it',
      },
    ]);
  });

  it('names each reason alone: used elsewhere, read as other env vars, or a shared parameter', () => {
    const message = (reasons: string): string =>
      `received \${HOOK_TOKEN}, which reuses secret openclaw-credentials/HOOK_TOKEN (${reasons}), expected a ` +
      'credential used only for cron webhooks: every receiver would learn it; declare a dedicated generated secret ' +
      '(e.g. OPENCLAW_CRON_WEBHOOK_TOKEN) and reference only it';
    const only = { cron: { webhookToken: '${HOOK_TOKEN}' } } as OpenClawConfigDocument;
    const used = { ...only, hooks: { token: '${HOOK_TOKEN}' } } as unknown as OpenClawConfigDocument;
    expect(webhookTokenProblems(used, [hook]).map((p) => p.message)).toEqual([
      message('also used at openclawConfig.hooks.token'),
    ]);
    const twoEnv = { ...hook, envVars: ['HOOK_TOKEN', 'A_TOKEN', 'B_TOKEN'] };
    expect(webhookTokenProblems(only, [twoEnv]).map((p) => p.message)).toEqual([
      message('also read as env A_TOKEN, B_TOKEN'),
    ]);
    const sameParameter = declared('SAME_PARAM', ['SAME_PARAM'], 'HOOK_TOKEN');
    expect(webhookTokenProblems(only, [hook, sameParameter]).map((p) => p.message)).toEqual([
      message('same ssm parameter as secret openclaw-credentials/SAME_PARAM'),
    ]);
    const viaParameter = {
      ...only,
      hooks: { token: '${SAME_PARAM}', other: '${UNDECLARED}' },
    } as unknown as OpenClawConfigDocument;
    expect(webhookTokenProblems(viaParameter, [hook, sameParameter]).map((p) => p.message)).toEqual([
      message('also used at openclawConfig.hooks.token; same ssm parameter as secret openclaw-credentials/SAME_PARAM'),
    ]);
  });

  it('checks every placeholder of the token, text around it included', () => {
    const shared = { ...hook, envVars: ['HOOK_TOKEN', 'GH_HOOK'] };
    const reuse =
      'received ${HOOK_TOKEN}, which reuses secret openclaw-credentials/HOOK_TOKEN (also read as env GH_HOOK), ' +
      'expected a credential used only for cron webhooks: every receiver would learn it; declare a dedicated ' +
      'generated secret (e.g. OPENCLAW_CRON_WEBHOOK_TOKEN) and reference only it';
    const messages = (webhookToken: string): string[] =>
      webhookTokenProblems({ cron: { webhookToken } }, [shared, declared('OTHER', ['OTHER'])]).map((p) => p.message);
    expect(messages('x${HOOK_TOKEN}')).toEqual([reuse]);
    expect(messages('${HOOK_TOKEN}x')).toEqual([reuse]);
    expect(messages('${OTHER}-${HOOK_TOKEN}-${HOOK_TOKEN}')).toEqual([reuse]);
    expect(messages('${OTHER}')).toEqual([]);
    expect(messages('$HOOK_TOKEN')).toEqual([]);
  });

  it('a placeholder of another secret elsewhere is fine', () => {
    const document = {
      cron: { webhookToken: '${HOOK_TOKEN}' },
      hooks: { token: '${OTHER}' },
    } as unknown as OpenClawConfigDocument;
    expect(webhookTokenProblems(document, [hook, declared('OTHER', ['OTHER'])])).toEqual([]);
  });
});
