/**
 * Rules that relate several fields of a config that already has the right shape
 * (`config-schema.ts`). Each returns problems naming the object, the rule and the fix; none throws.
 */
import { toCronAddParams } from '../cron/cron-add-params';
import type { CronJobDeclaration } from '../cron/cron-job-declaration';
import type { JsonValue } from '../openclaw/config-document';
import type { OpenClawOpsConfig } from './openclaw-ops-config';
import { SecretValueOwner } from '../secrets/secret-declaration';
import { ssmParameterNameProblems } from '../secrets/ssm-parameter-name';
import type { ConfigProblem } from '../core/config-problem';
import { dns1123Label } from '../core/formats';
import { LOLICE_FIXED_OPENCLAW_FILES, LOLICE_OPENCLAW_DIR } from '../files/lolice-paths';

/** A key in openclaw.json whose value is a credential: it must be a `${VAR}` reference. */
const CREDENTIAL_KEY = /(token|secret|password|passwd|api[-_]?key|private[-_]?key|credentials?)$/i;
/** Env var names that hold credentials: they must come from a Secret, not a literal. */
const CREDENTIAL_ENV = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)$/i;
/** Well-known credential formats, wherever they appear in a value that ends up in Git. */
const TOKEN_FORMATS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'a GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { name: 'an OpenAI or Anthropic key', pattern: /\bsk-(ant-|proj-)?[A-Za-z0-9_-]{20,}/ },
  { name: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a Telegram bot token', pattern: /\b\d{8,10}:[A-Za-z0-9_-]{35}\b/ },
  { name: 'a JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];
const SINGLE_PLACEHOLDER = /^\$\{([A-Z_][A-Z0-9_]*)\}$/;
/** Query parameters that carry credentials in webhook URLs. */
const CREDENTIAL_QUERY_KEY = new RegExp(
  `^(${[
    'code|sig|signature|token|key|apikey|api[-_]?key|access[-_]?token|auth|authorization',
    'secret|password|passwd|hmac|credentials?',
    'x-amz-signature|x-amz-credential|x-goog-signature|sv|se|sp|webhook[-_]?token',
  ].join('|')})$`,
  'i',
);
/** Webhook services whose URL path is the credential. */
const PATH_TOKEN_HOOKS: readonly { readonly name: string; readonly matches: (url: URL) => boolean }[] = [
  { name: 'a Slack incoming webhook', matches: (u) => u.hostname === 'hooks.slack.com' },
  {
    name: 'a Microsoft Teams webhook',
    matches: (u) =>
      /(^|\.)webhook\.office\.com$/.test(u.hostname) ||
      (u.hostname === 'outlook.office.com' && u.pathname.startsWith('/webhook')),
  },
  { name: 'an IFTTT webhook', matches: (u) => u.hostname === 'maker.ifttt.com' && /\/with\/key\//.test(u.pathname) },
  { name: 'a Telegram bot URL', matches: (u) => u.hostname === 'api.telegram.org' && /^\/bot\d+:/.test(u.pathname) },
  { name: 'a Zapier catch hook', matches: (u) => u.hostname === 'hooks.zapier.com' },
  { name: 'a Google Chat webhook', matches: (u) => u.hostname === 'chat.googleapis.com' && u.searchParams.has('key') },
];
/** The byte size of one job's params the apply script may pass as a single argument. */
export const MAX_CRON_PARAMS_BYTES = 100_000;
/** Longest cron run timeout accepted without `allowLongTimeout`. */
export const MAX_CRON_TIMEOUT_SECONDS = 86_400;

/** Every cross-field problem of a well-shaped config. */
export function checkConfigRules(config: OpenClawOpsConfig): ConfigProblem[] {
  return [
    ...checkVersion(config),
    ...checkSsmParameters(config),
    ...checkStateKey(config),
    ...checkCredentialsStayOutOfGit(config),
    ...checkWebhookToken(config),
    ...checkNetwork(config),
    ...checkCronJobs(config),
    ...checkGitOpsPaths(config),
    ...checkAlerting(config),
  ];
}

function checkVersion(config: OpenClawOpsConfig): ConfigProblem[] {
  const object = 'config.openclawVersion';
  const match = /^v?(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(config.openclawVersion);
  if (!match) {
    return [
      {
        rule: 'openclaw-version',
        object,
        message:
          `received ${JSON.stringify(config.openclawVersion)}, expected a release ` +
          `version YYYY.M.D such as "2026.2.19": write the version of the image's ` +
          `OpenClaw release`,
      },
    ];
  }
  // YYYY.M.N: the middle number is a month; the last one counts releases within it and is no day of
  // the month (npm has 2026.6.33 and 2026.7.35), so only 0 is impossible there.
  const [month, release] = [Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || release < 1) {
    return [
      {
        rule: 'openclaw-version',
        object,
        message:
          `received ${JSON.stringify(config.openclawVersion)}, whose month is not ` +
          `1-12 or whose release number is 0, expected a release version YYYY.M.N ` +
          `such as "2026.2.19": fix the month or the release number (is it ` +
          `YYYY.N.M?)`,
      },
    ];
  }
  return [];
}

function secretObject(secret: { readonly secretName: string; readonly key: string }): string {
  return `secret ${secret.secretName}/${secret.key}`;
}

function checkSsmParameters(config: OpenClawOpsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const byParameter = new Map<string, { generated: string[]; existing: string[] }>();
  for (const secret of config.secrets) {
    for (const problem of ssmParameterNameProblems(secret.parameterName, config.ssmPrefix)) {
      problems.push({ rule: 'ssm-parameter-name', object: `${secretObject(secret)} parameterName`, message: problem });
    }
    const entry = byParameter.get(secret.parameterName) ?? { generated: [], existing: [] };
    (secret.owner === SecretValueOwner.GENERATED ? entry.generated : entry.existing).push(secretObject(secret));
    byParameter.set(secret.parameterName, entry);
    const generatedOnly = secret.kmsKeyId !== undefined || secret.generatedLength !== undefined;
    if (secret.owner === SecretValueOwner.EXISTING && generatedOnly) {
      problems.push({
        rule: 'ssm-parameter-owner',
        object: secretObject(secret),
        message:
          `received ` +
          `${secret.kmsKeyId !== undefined ? 'kmsKeyId' : 'generatedLength'} on an ` +
          `existing parameter, which this stack never creates, so it would be ` +
          `ignored, expected none: remove it, or declare the parameter owner ` +
          `generated`,
      });
    }
  }
  for (const [parameter, { generated, existing }] of byParameter) {
    if (generated.length > 1) {
      problems.push({
        rule: 'ssm-parameter-owner',
        object: `ssm parameter ${parameter}`,
        message:
          `received ${generated.length} generated declarations (` +
          `${generated.join(', ')}), expected one: each would create its own ` +
          `random value for the same parameter; declare it generated once and let ` +
          `the other secrets read it as existing, or give each its own parameter`,
      });
    }
    if (generated.length > 0 && existing.length > 0) {
      problems.push({
        rule: 'ssm-parameter-owner',
        object: `ssm parameter ${parameter}`,
        message:
          `declared generated by ${generated.join(', ')} and existing by ` +
          `${existing.join(', ')}, expected one owner: if another state already ` +
          `owns it, terraform apply fails with ParameterAlreadyExists (or two ` +
          `states fight over it); declare it existing everywhere, or generated ` +
          `only if this stack creates it`,
      });
    }
  }
  return problems;
}

function checkStateKey(config: OpenClawOpsConfig): ConfigProblem[] {
  const key = config.arch.backend.key;
  const object = 'config.arch.backend.key';
  if (!/^[A-Za-z0-9_.\-/]+\.tfstate$/.test(key) || key.startsWith('/') || key.split('/').includes('..')) {
    return [
      {
        rule: 'state-key',
        object,
        message:
          `received ${JSON.stringify(key)}, expected a relative state path ending ` +
          `in .tfstate: use e.g. "terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
      },
    ];
  }
  const reserved = config.arch.reservedStateKeyPrefixes.find((prefix) => key.startsWith(prefix));
  if (reserved !== undefined) {
    return [
      {
        rule: 'state-key',
        object,
        message:
          `received ${JSON.stringify(key)}, which is inside "${reserved}" (another ` +
          `terraform state): sharing it would let this stack destroy that state's ` +
          `resources; use a key of its own such as ` +
          `"terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
      },
    ];
  }
  return [];
}

/** Walks a JSON value, calling `visit` with the path and every string. */
function walkStrings(
  value: JsonValue | undefined,
  path: string,
  visit: (path: string, key: string, text: string) => void,
  key = '',
): void {
  if (typeof value === 'string') {
    visit(path, key, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walkStrings(item as JsonValue, `${path}[${index}]`, visit, key));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      walkStrings(
        v as JsonValue | undefined,
        /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`,
        visit,
        k,
      );
    }
  }
}

function tokenFormat(text: string): string | undefined {
  return TOKEN_FORMATS.find((format) => format.pattern.test(text))?.name;
}

function checkCredentialsStayOutOfGit(config: OpenClawOpsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  walkStrings(config.openclawConfig as JsonValue, 'openclawConfig', (path, key, text) => {
    const header =
      /\.headers(\.|\[)/.test(path) && /^(authorization|x-api-key|api-key|x-auth-token|cookie)$/i.test(key);
    if ((CREDENTIAL_KEY.test(key) || header) && text.trim() !== '' && !text.includes('${')) {
      problems.push({
        rule: 'env-placeholder-required',
        object: `config.${path}`,
        message:
          `received a literal ${header ? 'header value' : 'value'} where a ` +
          `credential belongs, expected a "\${VAR}" reference: the ConfigMap is ` +
          `committed to Git; put the value in SSM, declare a secret with envVars ` +
          `["MY_VAR"] and write "\${MY_VAR}"`,
      });
      return;
    }
    const format = tokenFormat(text);
    if (format !== undefined) {
      problems.push({
        rule: 'literal-secret-value',
        object: `config.${path}`,
        message:
          `received what looks like ${format}, expected no credential in ` +
          `openclaw.json (the ConfigMap is committed to Git): revoke it, store it ` +
          `in SSM and reference it as "\${VAR}"`,
      });
    }
  });
  config.gatewayLiteralEnv.forEach((literal, index) => {
    const object = `config.gatewayLiteralEnv[${index}] (${literal.name})`;
    if (CREDENTIAL_ENV.test(literal.name) && literal.value.trim() !== '') {
      problems.push({
        rule: 'literal-env-secret',
        object,
        message:
          `received a literal value for a credential env var, expected it from a ` +
          `Secret: the Deployment is committed to Git; remove it from ` +
          `gatewayLiteralEnv and declare a secret with envVars ["${literal.name}"]`,
      });
    } else if (tokenFormat(literal.value) !== undefined) {
      problems.push({
        rule: 'literal-secret-value',
        object,
        message:
          `received what looks like ${tokenFormat(literal.value)}, expected no ` +
          `credential in a literal env var (the Deployment is committed to Git): ` +
          `revoke it, store it in SSM and declare a secret for it`,
      });
    }
  });
  (config.cronJobs ?? []).forEach((job) => {
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

/** The secret declaration behind an env var of container openclaw. */
function secretOfEnv(config: OpenClawOpsConfig, name: string) {
  return config.secrets.find((secret) => (secret.envVars ?? []).includes(name));
}

function checkWebhookToken(config: OpenClawOpsConfig): ConfigProblem[] {
  const token = config.openclawConfig.cron?.webhookToken;
  const object = 'config.openclawConfig.cron.webhookToken';
  const match = typeof token === 'string' ? SINGLE_PLACEHOLDER.exec(token) : null;
  if (match === null) {
    return []; // a literal is refused by env-placeholder-required; an absent token by the cron rules
  }
  const envVar = match[1] as string;
  const secret = secretOfEnv(config, envVar);
  if (secret === undefined) {
    return []; // config-env-defined reports it
  }
  const problems: ConfigProblem[] = [];
  const fix = 'declare a dedicated generated secret (e.g. OPENCLAW_CRON_WEBHOOK_TOKEN) and reference only it';
  const otherEnv = (secret.envVars ?? []).filter((name) => name !== envVar);
  const sharedParameter = config.secrets.filter((s) => s !== secret && s.parameterName === secret.parameterName);
  const usedElsewhere: string[] = [];
  walkStrings(config.openclawConfig as JsonValue, 'openclawConfig', (path, _key, text) => {
    if (path === 'openclawConfig.cron.webhookToken') return;
    for (const m of text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)\}/g)) {
      const other = secretOfEnv(config, m[1] as string);
      if (other !== undefined && (other === secret || other.parameterName === secret.parameterName)) {
        usedElsewhere.push(path);
      }
    }
  });
  if (usedElsewhere.length > 0 || otherEnv.length > 0 || sharedParameter.length > 0) {
    const reasons = [
      ...usedElsewhere.map((p) => `also used at ${p}`),
      ...(otherEnv.length > 0 ? [`also read as env ${otherEnv.join(', ')}`] : []),
      ...sharedParameter.map((s) => `same ssm parameter as ${secretObject(s)}`),
    ];
    problems.push({
      rule: 'webhook-token-unique',
      object,
      message:
        `received \${${envVar}}, which reuses ${secretObject(secret)} (` +
        `${reasons.join('; ')}), expected a credential used only for cron ` +
        `webhooks: every receiver would learn it; ${fix}`,
    });
  }
  return problems;
}

function checkNetwork(config: OpenClawOpsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const network = config.network ?? {};
  const literalNames = new Set(config.gatewayLiteralEnv.map((e) => e.name));
  (network.urlEnvVars ?? []).forEach((name, index) => {
    if (!literalNames.has(name)) {
      const secret = secretOfEnv(config, name) !== undefined;
      problems.push({
        rule: 'url-env-var-defined',
        object: `config.network.urlEnvVars[${index}] (${name})`,
        message: secret
          ? `names an env var that comes from a Secret, expected a literal env var ` +
            `whose URL can be read at synth: no egress rule can be derived; make the ` +
            `URL a gatewayLiteralEnv entry or remove ${name} from urlEnvVars`
          : `names no env var of container openclaw (literal env: ` +
            `${[...literalNames].sort().join(', ') || 'none'}), expected a literal ` +
            `env var holding a URL (its egress rule would be silently dropped): add ` +
            `${name} to gatewayLiteralEnv or fix the name`,
      });
    }
  });
  const seen = new Set<string>();
  (network.clusterServices ?? []).forEach((service, index) => {
    const id = `${service.name}.${service.namespace}`;
    if (seen.has(id)) {
      problems.push({
        rule: 'service-table-unique',
        object: `config.network.clusterServices[${index}] (${id})`,
        message: 'is listed twice, expected one entry per Service (only the first would be used): merge the entries',
      });
    }
    seen.add(id);
  });
  // URLs the gateway calls: a Service-looking host with an invalid namespace or name is a typo,
  // not a Service missing from the table.
  const urls: [string, string][] = [];
  for (const [id, provider] of Object.entries(config.openclawConfig.models?.providers ?? {})) {
    if (typeof provider?.baseUrl === 'string')
      urls.push([`config.openclawConfig.models.providers.${id}.baseUrl`, provider.baseUrl]);
  }
  const endpoint = config.openclawConfig.diagnostics?.otel?.endpoint;
  if (typeof endpoint === 'string') urls.push(['config.openclawConfig.diagnostics.otel.endpoint', endpoint]);
  for (const literal of config.gatewayLiteralEnv) {
    if ((network.urlEnvVars ?? ['GRAFANA_URL']).includes(literal.name))
      urls.push([`env ${literal.name}`, literal.value]);
  }
  for (const [object, url] of urls) {
    if (url !== url.trim()) {
      problems.push({
        rule: 'normalised-value',
        object,
        message:
          `received a URL with whitespace at the start or end, expected none: the ` +
          `egress rule is derived from the trimmed URL but the value is written as ` +
          `is; remove the whitespace`,
      });
      continue;
    }
    problems.push(...serviceHostProblems(object, url, network.clusterDomain ?? 'cluster.local'));
  }
  return problems;
}

function serviceHostProblems(object: string, url: string, clusterDomain: string): ConfigProblem[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return [];
  }
  const labels = host.split('.');
  const rest = labels.slice(2).join('.');
  if (labels.length < 3 || (rest !== 'svc' && rest !== `svc.${clusterDomain}`)) return [];
  const [service, namespace] = labels as [string, string];
  const problem = dns1123Label(namespace, 'a namespace') ?? dns1123Label(service, 'a Service name');
  if (problem === undefined) return [];
  const which = dns1123Label(namespace, 'x') !== undefined ? `namespace "${namespace}"` : `Service name "${service}"`;
  return [
    {
      rule: 'service-host-name',
      object,
      message:
        `host "${host}" has ${which}, which no Service can have (` +
        `${problem.replace(/^received "[^"]*", /, '')}); fix the host in the URL ` +
        `— adding it to the service table would not help`,
    },
  ];
}

function checkCronJobs(config: OpenClawOpsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const folded = new Map<string, string>();
  for (const job of config.cronJobs ?? []) {
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
    if (timeout !== undefined && timeout > MAX_CRON_TIMEOUT_SECONDS && job.allowLongTimeout !== true) {
      problems.push({
        rule: 'cron-timeout-ceiling',
        object: `${object} payload.timeoutSeconds`,
        message:
          `received ${timeout} (${(timeout / 86_400).toFixed(1)} days), expected ` +
          `at most ${MAX_CRON_TIMEOUT_SECONDS} (timeoutSeconds is in seconds, not ` +
          `milliseconds): fix the unit, or set allowLongTimeout: true if the run ` +
          `really may take that long`,
      });
    }
    if (job.allowLongTimeout === true && !(timeout !== undefined && timeout > MAX_CRON_TIMEOUT_SECONDS)) {
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
    const bytes = Buffer.byteLength(JSON.stringify(toCronAddParams(job as CronJobDeclaration)));
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
  const legacy = config.openclawConfig.cron?.webhook;
  if (typeof legacy === 'string') {
    problems.push(...webhookUrlProblems('config.openclawConfig.cron.webhook', legacy));
  }
  return problems;
}

/** Credentials in a webhook URL: userinfo, credential query keys, and services whose path is the token. */
export function webhookUrlProblems(object: string, text: string): ConfigProblem[] {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return [];
  }
  const fix =
    "cron-jobs.json and the gateway's jobs.json are committed or stored in " +
    'clear: remove it from the URL and let the receiver check the ' +
    'Authorization: Bearer cron.webhookToken header';
  const problems: ConfigProblem[] = [];
  if (url.username !== '' || url.password !== '') {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message: `received a URL with user:password, expected none: ${fix}`,
    });
  }
  const keys = [...new Set([...url.searchParams.keys()].filter((k) => CREDENTIAL_QUERY_KEY.test(k)))];
  if (keys.length > 0) {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message:
        `received query parameter(s) ${keys.map((k) => `"${k}"`).join(', ')} ` +
        `that carry credentials, expected none: ${fix}`,
    });
  }
  const hook = PATH_TOKEN_HOOKS.find((h) => h.matches(url));
  if (hook !== undefined) {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message:
        `received ${hook.name} URL, whose path or key is itself the credential, ` +
        `expected a receiver URL without secrets: ${fix} (put a small receiver ` +
        `in front that holds the service URL as a secret)`,
    });
  } else if (url.pathname.split('/').some(looksLikeToken)) {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message:
        `received a URL path segment that looks like a random token (24+ mixed ` +
        `letters and digits), expected a path without secrets: ${fix}`,
    });
  }
  return problems;
}

function looksLikeToken(segment: string): boolean {
  const decoded = (() => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  })();
  if (decoded.length < 24 || !/^[A-Za-z0-9_\-.~+=]+$/.test(decoded)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((p) => p.test(decoded)).length;
  const hex = /^[0-9a-fA-F]{32,}$/.test(decoded);
  return (
    hex ||
    (classes >= 3 && !/^[a-z0-9-]+$/.test(decoded)) ||
    (classes >= 2 && /\d/.test(decoded) && decoded.length >= 32)
  );
}

function checkGitOpsPaths(config: OpenClawOpsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, string>();
  for (const es of config.externalSecrets) {
    const object = `externalsecret ${es.name} path`;
    if (LOLICE_FIXED_OPENCLAW_FILES.includes(es.path)) {
      problems.push({
        rule: 'gitops-path',
        object,
        message:
          `received ${JSON.stringify(es.path)}, a file the tool already generates, ` +
          `expected a path of its own: the later writer would replace the other ` +
          `file; choose e.g. "${LOLICE_OPENCLAW_DIR}/external-secret-${es.name}.yaml"`,
      });
    } else if (seen.has(es.path)) {
      problems.push({
        rule: 'gitops-path',
        object,
        message:
          `received ${JSON.stringify(es.path)}, the path of externalsecret ` +
          `${seen.get(es.path)} too, expected one file per ExternalSecret: give ` +
          `each its own path`,
      });
    }
    seen.set(es.path, es.name);
  }
  return problems;
}

function checkAlerting(config: OpenClawOpsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const thresholds = config.alerting?.thresholds ?? {};
  for (const [field, value] of Object.entries(thresholds)) {
    if (typeof value === 'number' && (!Number.isFinite(value) || value <= 0)) {
      problems.push({
        rule: 'alert-threshold',
        object: `config.alerting.thresholds.${field}`,
        message:
          `received ${value}, expected a number above 0 (0 or less fires always or ` +
          `never): set a positive threshold or omit it for the default`,
      });
    }
  }
  return problems;
}
