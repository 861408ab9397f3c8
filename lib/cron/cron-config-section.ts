/**
 * The cron section of the config: the schema of a job (name, schedule, payload, delivery, receiver)
 * and the rules over the jobs (distinct names, timeout ceiling, credentials in URLs and texts, params
 * size, a dedicated webhook token). `config/` composes it into the whole config.
 */
import { z } from 'zod';
import type { ConfigProblem } from '../core/config-problem';
import { controlCharacters } from '../core/formats';
import { walkStrings } from '../core/walk-strings';
import {
  checked,
  firstOf,
  namespaceName,
  podLabels,
  port,
  singleLine,
  trimmed,
  type RuleParams,
} from '../core/zod-checks';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import { tokenFormat } from '../secrets/credential-patterns';
import type { SecretDeclaration } from '../secrets/secret-declaration';
import { secretObject, secretOfEnv } from '../secrets/secrets-config-section';
import { toCronAddParams } from './cron-add-params';
import type { CronJobDeclaration } from './cron-job-declaration';
import { webhookUrlProblems } from './webhook-url-credentials';

const PLACEHOLDER = /\$\{([A-Z_][A-Z0-9_]*)\}/g;
/** The byte size of one job's params the apply script may pass as a single argument. */
export const MAX_CRON_PARAMS_BYTES = 100_000;
/** Longest cron run timeout accepted without `allowLongTimeout`. */
export const MAX_CRON_TIMEOUT_SECONDS = 86_400;

const cronJobName = checked(
  'cron-job-name',
  firstOf(
    (v) =>
      v.trim() === ''
        ? 'received an empty name, expected a unique non-empty name (jobs are upserted by name): give the job a name'
        : undefined,
    trimmed('a job name'),
    (v) =>
      v.startsWith('-')
        ? `received ${JSON.stringify(v)}, which starts with "-" and would be read ` +
          `as an option by the apply script's commands, expected a name starting ` +
          `with a letter or digit: rename the job`
        : undefined,
    (v) => {
      const problem = controlCharacters(v);
      return problem === undefined
        ? undefined
        : `${problem.replace(': remove it', '')} (the apply script passes names as arguments): rename the job`;
    },
    (v) =>
      v.normalize('NFC') !== v
        ? `received a name that is not in Unicode NFC form, expected NFC (a ` +
          `normalised copy would not match on re-run and the job would be added ` +
          `twice): write the name in NFC`
        : undefined,
    (v) => (v.length > 200 ? `received a name of ${v.length} characters, expected at most 200: shorten it` : undefined),
  ),
);

const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('at'), at: z.string() }),
  z.strictObject({
    kind: z.literal('every'),
    everyMs: z
      .number()
      .int()
      .superRefine((ms, ctx) => {
        if (ms < 60_000) {
          ctx.addIssue({
            code: 'custom',
            message:
              `received ${ms}, expected at least 60000 (everyMs is in milliseconds; ` +
              `${ms} ms runs the job ` +
              `${ms < 1000 ? 'many times a second' : 'every few seconds'}): write the ` +
              `interval in milliseconds, e.g. 3600000 for hourly`,
            params: { rule: 'cron-every-floor' } satisfies RuleParams,
          });
        }
      }),
    anchorMs: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    kind: z.literal('cron'),
    expr: checked('cron-expr-fields', (v) => {
      const fields = v.trim().split(/\s+/).length;
      if (v.trim().startsWith('@') || fields === 5) return undefined;
      if (fields === 6) {
        return (
          `received "${v.trim()}" with 6 fields, expected 5 (minute hour day month ` +
          `weekday): croner reads a 6-field expression with seconds first, so "` +
          `${v.trim()}" would not run when it seems to; drop the seconds field`
        );
      }
      return (
        `received "${v.trim()}" with ${fields} fields, expected 5 (minute hour ` +
        `day month weekday): fix the expression, e.g. "0 9 * * *"`
      );
    }),
    tz: checked('config-text', trimmed('a time zone')).optional(),
    staggerMs: z.number().int().min(0).optional(),
  }),
]);

const payloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('systemEvent'), text: checked('config-text', (v) => controlCharacters(v, true)) }),
  z.strictObject({
    kind: z.literal('agentTurn'),
    message: checked('config-text', (v) => controlCharacters(v, true)),
    model: z.string().optional(),
    thinking: z.string().optional(),
    timeoutSeconds: z.number().int().min(0).optional(),
  }),
]);

const deliverySchema = z.strictObject({
  mode: z.enum(['none', 'announce', 'webhook']),
  channel: checked(
    'normalised-value',
    firstOf(trimmed('a channel id'), (v) =>
      v !== v.toLowerCase()
        ? `received ${JSON.stringify(v)}, expected lowercase (channels are matched ` +
          `lowercased but the value is sent as written): write "${v.toLowerCase()}"`
        : undefined,
    ),
  ).optional(),
  to: checked('normalised-value', firstOf(trimmed('a delivery target'), singleLine)).optional(),
  bestEffort: z.boolean().optional(),
});

/** One cron job (`CronJobDeclaration`). */
export const cronJobSchema = z.strictObject({
  name: cronJobName,
  description: checked('config-text', (v) => controlCharacters(v, true)).optional(),
  enabled: z.boolean().optional(),
  agentId: z.string().optional(),
  schedule: scheduleSchema,
  sessionTarget: z.enum(['main', 'isolated']),
  wakeMode: z.enum(['now', 'next-heartbeat']),
  payload: payloadSchema,
  delivery: deliverySchema.optional(),
  allowInsecureHttp: z.boolean().optional(),
  allowLongTimeout: z.boolean().optional(),
  receiver: z.strictObject({ namespace: namespaceName, podLabels: podLabels.readonly(), port }).optional(),
});

/** Cron job texts (payload, description) are committed to Git: no token-shaped value. */
export function cronTextCredentialProblems(cronJobs: readonly CronJobDeclaration[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  cronJobs.forEach((job) => {
    const texts: [string, string | undefined][] = [
      ['payload', job.payload.kind === 'agentTurn' ? job.payload.message : job.payload.text],
      ['description', job.description],
    ];
    for (const [field, text] of texts) {
      const format = text === undefined ? undefined : tokenFormat(text);
      if (format !== undefined) {
        problems.push({
          rule: 'literal-secret-value',
          object: `cron job "${job.name}" ${field}`,
          message:
            `received what looks like ${format}, expected no credential ` +
            `(cron-jobs.json is committed to Git): revoke it and let the agent read ` +
            `it from an env var`,
        });
      }
    }
  });
  return problems;
}

/**
 * `cron.webhookToken` is a credential used for nothing else: every webhook receiver learns it. Each
 * `${VAR}` in the token is checked, so text around a placeholder does not hide a shared secret.
 */
export function webhookTokenProblems(
  document: OpenClawConfigDocument,
  secrets: readonly SecretDeclaration[],
): ConfigProblem[] {
  const token = document.cron?.webhookToken;
  if (typeof token !== 'string') {
    return []; // an absent token is reported by the cron rules, another type by the release schema
  }
  // a literal (no placeholder) is refused by env-placeholder-required
  const envVars = new Set([...token.matchAll(PLACEHOLDER)].map((m) => m[1] as string));
  return [...envVars].flatMap((envVar) => tokenSecretReuse(document, secrets, envVar));
}

/** The reuse of the secret behind `${envVar}` of the webhook token, if any. */
function tokenSecretReuse(
  document: OpenClawConfigDocument,
  secrets: readonly SecretDeclaration[],
  envVar: string,
): ConfigProblem[] {
  const secret = secretOfEnv(secrets, envVar);
  if (secret === undefined) {
    return []; // config-env-defined reports it
  }
  const fix = 'declare a dedicated generated secret (e.g. OPENCLAW_CRON_WEBHOOK_TOKEN) and reference only it';
  const otherEnv = (secret.envVars ?? []).filter((name) => name !== envVar);
  const sharedParameter = secrets.filter((s) => s !== secret && s.parameterName === secret.parameterName);
  const usedElsewhere: string[] = [];
  walkStrings(document, 'openclawConfig', (path, _key, text) => {
    if (path === 'openclawConfig.cron.webhookToken') return;
    for (const m of text.matchAll(PLACEHOLDER)) {
      // the same secret, or another declaration of its ssm parameter
      if (secretOfEnv(secrets, m[1] as string)?.parameterName === secret.parameterName) {
        usedElsewhere.push(path);
      }
    }
  });
  if (usedElsewhere.length === 0 && otherEnv.length === 0 && sharedParameter.length === 0) {
    return [];
  }
  const reasons = [
    ...usedElsewhere.map((p) => `also used at ${p}`),
    ...(otherEnv.length > 0 ? [`also read as env ${otherEnv.join(', ')}`] : []),
    ...sharedParameter.map((s) => `same ssm parameter as ${secretObject(s)}`),
  ];
  return [
    {
      rule: 'webhook-token-unique',
      object: 'config.openclawConfig.cron.webhookToken',
      message:
        `received \${${envVar}}, which reuses ${secretObject(secret)} (` +
        `${reasons.join('; ')}), expected a credential used only for cron ` +
        `webhooks: every receiver would learn it; ${fix}`,
    },
  ];
}

/** Names distinct, timeouts in seconds, webhook targets without credentials, params that fit one argument. */
export function cronJobProblems(
  cronJobs: readonly CronJobDeclaration[],
  document: OpenClawConfigDocument,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const folded = new Map<string, string>();
  for (const job of cronJobs) {
    const object = `cron job "${job.name}"`;
    const key = job.name.normalize('NFKC').toLowerCase();
    const previous = folded.get(key);
    if (previous === job.name) {
      problems.push({
        rule: 'cron-job-name',
        object,
        message:
          'is declared twice, expected unique names: jobs are upserted by name, so ' +
          'one would overwrite the other on every run; rename one of them',
      });
    } else if (previous !== undefined) {
      problems.push({
        rule: 'cron-job-name',
        object,
        message:
          `differs from job "${previous}" only in case or Unicode form, expected ` +
          `clearly distinct names (easy to mix up; a re-run after renaming one ` +
          `adds a duplicate): rename one of them`,
      });
    }
    folded.set(key, job.name);
    const timeout = job.payload.kind === 'agentTurn' ? job.payload.timeoutSeconds : undefined;
    const longTimeout = (timeout ?? 0) > MAX_CRON_TIMEOUT_SECONDS;
    if (longTimeout && job.allowLongTimeout !== true) {
      problems.push({
        rule: 'cron-timeout-ceiling',
        object: `${object} payload.timeoutSeconds`,
        message:
          `received ${timeout} (${((timeout ?? 0) / 86_400).toFixed(1)} days), expected ` +
          `at most ${MAX_CRON_TIMEOUT_SECONDS} (timeoutSeconds is in seconds, not ` +
          `milliseconds): fix the unit, or set allowLongTimeout: true if the run ` +
          `really may take that long`,
      });
    }
    if (job.allowLongTimeout === true && !longTimeout) {
      problems.push({
        rule: 'cron-timeout-ceiling',
        object: `${object} allowLongTimeout`,
        message:
          `is set but payload.timeoutSeconds is ${timeout ?? 'unset'} (at most a ` +
          `day), expected the opt-in only with a longer timeout: remove ` +
          `allowLongTimeout`,
      });
    }
    if (job.delivery?.to !== undefined && job.delivery.mode === 'webhook') {
      problems.push(...webhookUrlProblems(`${object} delivery.to`, job.delivery.to));
    }
    const bytes = Buffer.byteLength(JSON.stringify(toCronAddParams(job)));
    if (bytes > MAX_CRON_PARAMS_BYTES) {
      problems.push({
        rule: 'cron-params-size',
        object,
        message:
          `has ${bytes} bytes of cron.add params, expected at most ` +
          `${MAX_CRON_PARAMS_BYTES}: the apply script passes them as one argument ` +
          `and Linux refuses arguments over 128 KiB (E2BIG); shorten the message ` +
          `(e.g. point the agent at a file in its workspace)`,
      });
    }
  }
  const legacy = document.cron?.webhook;
  if (typeof legacy === 'string') {
    problems.push(...webhookUrlProblems('config.openclawConfig.cron.webhook', legacy));
  }
  return problems;
}
