import { parser } from '@grafana/lezer-logql';
import { type GrafanaMacroSubstitution, substituteGrafanaMacrosWithOffsets } from './grafana-macros';
import { unquotePromQLString } from './promql';
import {
  ALLOY_STREAM_LABELS,
  CRON_RUN_KIND,
  GATEWAY_LOG_KIND,
  GATEWAY_STREAM_SELECTOR,
  OPENCLAW_STREAM_LABEL_VALUES,
  RUN_LOG_STREAM_SELECTOR,
} from '../telemetry/loki-streams';
import { CRON_WEBHOOK_BLOCKED_BY_SSRF_GUARD, CRON_WEBHOOK_DELIVERY_FAILED } from '../telemetry/openclaw-log-lines';

/** One problem found in a LogQL expression. */
export interface LogQLProblem {
  /** Character offset in the expression as given (before macro substitution). */
  readonly offset: number;
  /** What is wrong, what was expected and how to fix it. */
  readonly message: string;
}

/** The outcome of {@link checkLogQL}. */
export interface LogQLCheckResult {
  /** Whether there are no problems. */
  readonly ok: boolean;
  /** Every problem, in the order found. */
  readonly problems: readonly LogQLProblem[];
  /** Label names used in stream selectors, sorted and unique. */
  readonly streamLabels: readonly string[];
}

/** Options of {@link checkLogQL}. */
export interface LogQLCheckOptions {
  /** The query's name in messages (a panel title, an alert name). @default 'query' */
  readonly name?: string;
  /** Stream labels that exist. @default ALLOY_STREAM_LABELS */
  readonly knownLabels?: readonly string[];
  /** For `label="value"` selector matchers: the values that exist per label. @default OPENCLAW_STREAM_LABEL_VALUES */
  readonly knownValues?: Readonly<Record<string, readonly string[]>>;
}

/** A node of the lezer syntax tree (typed without importing @lezer/common, which is not a direct dependency). */
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/**
 * Replaces Grafana macros and variables so that the LogQL parser accepts the expression
 * (`substituteGrafanaMacrosWithOffsets` with its defaults: `[$__auto]` becomes `[1m]`, a variable
 * inside a string `.*`), with a map from parser offsets back to the expression as written.
 */
export function substituteLogQLMacros(expr: string): GrafanaMacroSubstitution {
  return substituteGrafanaMacrosWithOffsets(expr);
}

function childText(node: SyntaxNode, name: string, text: string): string | undefined {
  const child = node.getChild(name);
  return child ? text.slice(child.from, child.to) : undefined;
}

/**
 * Parses a LogQL expression (Grafana macros substituted first) with `@grafana/lezer-logql`,
 * reports syntax errors with their offset, and checks every stream-selector matcher against the
 * labels Alloy sets (and, for `=` matchers, the values known to exist).
 */
export function checkLogQL(expr: string, options: LogQLCheckOptions = {}): LogQLCheckResult {
  const name = options.name ?? 'query';
  const knownLabels = options.knownLabels ?? ALLOY_STREAM_LABELS;
  const knownValues = options.knownValues ?? OPENCLAW_STREAM_LABEL_VALUES;
  const { text, toOriginal } = substituteLogQLMacros(expr);
  const problems: LogQLProblem[] = [];
  const labels = new Set<string>();
  if (text.trim() === '') {
    problems.push({ offset: 0, message: `${name} is empty: expected a LogQL expression, write one` });
  }
  const tree = parser.parse(text);
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError) {
        const offset = toOriginal(ref.from);
        const near = expr.slice(Math.max(0, offset - 15), offset + 15);
        problems.push({
          offset,
          message:
            `${name} does not parse at offset ${offset} (near ` +
            `${JSON.stringify(near)}): expected valid LogQL, fix the syntax there`,
        });
        return;
      }
      if (ref.name !== 'Matcher' || ref.node.parent?.name !== 'Matchers') return;
      const node = ref.node;
      const label = childText(node, 'Identifier', text);
      if (label === undefined) return;
      labels.add(label);
      const offset = toOriginal(node.from);
      if (!knownLabels.includes(label)) {
        problems.push({
          offset,
          message:
            `${name} selects streams by label "${label}", which Alloy never sets: ` +
            `expected one of ${knownLabels.join(', ')}; use one of those (fields of ` +
            `the line need | json and a label filter)`,
        });
        return;
      }
      const valueNode = node.getChild('String');
      const values = knownValues[label];
      if (node.getChild('Eq') && valueNode !== null && values !== undefined) {
        const value = unquotePromQLString(text.slice(valueNode.from, valueNode.to));
        // a value that a macro substitution changed comes from a dashboard variable
        const fromVariable =
          expr.slice(toOriginal(valueNode.from), toOriginal(valueNode.to)) !== text.slice(valueNode.from, valueNode.to);
        if (!values.includes(value) && !fromVariable) {
          problems.push({
            offset,
            message:
              `${name} selects ${label}="${value}", a value no stream has: expected ` +
              `one of ${values.join(', ')}; fix the value or the label (the gateway ` +
              `has no app label, select it by container)`,
          });
        }
      }
    },
  });
  return { ok: problems.length === 0, problems, streamLabels: [...labels].sort() };
}

/** Like {@link checkLogQL} but throws one error listing every problem. */
export function assertLogQL(expr: string, options: LogQLCheckOptions = {}): void {
  const result = checkLogQL(expr, options);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
}

/** Options shared by the cron query builders. */
export interface CronLogQueryOptions {
  /** The range of the range aggregation: a Grafana macro, a `$variable` or a LogQL duration. @default '$__auto' */
  readonly range?: string;
  /**
   * An RE2 regex the jobId must match (e.g. `${jobId:regex}` for a dashboard variable); written in backticks.
   * @default no jobId filter
   */
  readonly jobIdRegex?: string;
}

const RANGE = /^(?:\$__(?:auto|interval|rate_interval|range)|\$\{?[A-Za-z_]\w*\}?|(?:\d+(?:ms|s|m|h|d|w|y))+)$/;

function rangeOf(options: CronLogQueryOptions, builder: string): string {
  const range = options.range ?? '$__auto';
  if (!RANGE.test(range)) {
    throw new Error(
      `${builder}: range ${JSON.stringify(range)} is not a LogQL duration or ` +
        `Grafana macro: expected e.g. "5m", "1h30m", "$__auto" or "$__interval"`,
    );
  }
  return range;
}

function jobFilter(options: CronLogQueryOptions, builder: string): string {
  if (options.jobIdRegex === undefined) return '';
  if (options.jobIdRegex.includes('`')) {
    throw new Error(
      `${builder}: jobIdRegex ${JSON.stringify(options.jobIdRegex)} contains a ` +
        `backtick: expected an RE2 regex without backticks, remove it`,
    );
  }
  return ` | jobId=~\`${options.jobIdRegex}\``;
}

/** The shipper's stream, narrowed to shipped run records, with the given fields extracted. */
function cronRuns(
  fields: Readonly<Record<string, string>>,
  options: CronLogQueryOptions,
  builder: string,
  extra = '',
): string {
  const extraction = Object.entries({ kind: 'kind', jobId: 'jobId', ...fields })
    .map(([label, path]) => `${label}=${JSON.stringify(path)}`)
    .join(', ');
  return (
    `${RUN_LOG_STREAM_SELECTOR} |= \`"kind":"${CRON_RUN_KIND}"\` | json ` +
    `${extraction} | kind="${CRON_RUN_KIND}"${jobFilter(options, builder)}` +
    `${extra}`
  );
}

function gatewayLog(message: string, options: CronLogQueryOptions, builder: string): string {
  return (
    `${RUN_LOG_STREAM_SELECTOR} |= ${JSON.stringify(message)} | json ` +
    `kind="kind", jobId="jobId", msg="msg" | kind="${GATEWAY_LOG_KIND}" | ` +
    `msg=${JSON.stringify(message)}${jobFilter(options, builder)}`
  );
}

/**
 * Finished cron runs per job and status (`ok`, `error`, `skipped`) in each range.
 *
 * Source: the cron run log (`~/.openclaw/cron/runs/<jobId>.jsonl`, one record per finished run,
 * written whatever the delivery mode) as printed by the shipper sidecar. Loki stamps a record
 * when the shipper prints it (seconds after the run), not with its `ts`; a shipper without its
 * state file prints every record still on disk again.
 */
export function cronRunsByStatusQuery(options: CronLogQueryOptions = {}): string {
  const range = rangeOf(options, 'cronRunsByStatusQuery');
  return (
    `sum by (jobId, status) (count_over_time(` +
    `${cronRuns({ status: 'status' }, options, 'cronRunsByStatusQuery')} [` +
    `${range}]))`
  );
}

/**
 * Failed cron runs (`status="error"`) per job in each range: the alerting signal. Isolated runs
 * that fail before producing output send no webhook, so the run log is the only complete source.
 */
export function cronRunErrorsQuery(options: CronLogQueryOptions = {}): string {
  const range = rangeOf(options, 'cronRunErrorsQuery');
  return (
    `sum by (jobId) (count_over_time(` +
    `${cronRuns({ status: 'status' }, options, 'cronRunErrorsQuery', ' | status="error"')} ` +
    `[${range}]))`
  );
}

/** The statistic of {@link cronRunDurationQuery}. */
export type CronDurationStatistic = 'avg' | 'max' | 'p95';

/**
 * Run duration per job in milliseconds (`durationMs` of the run log: from run start to finish).
 * Runs without `durationMs` are left out.
 */
export function cronRunDurationQuery(
  options: CronLogQueryOptions & { readonly statistic?: CronDurationStatistic } = {},
): string {
  const range = rangeOf(options, 'cronRunDurationQuery');
  const statistic = options.statistic ?? 'avg';
  const inner =
    `${cronRuns({ durationMs: 'durationMs' }, options, 'cronRunDurationQuery')} ` +
    `| unwrap durationMs | __error__="" [${range}]`;
  switch (statistic) {
    case 'avg':
      return `avg_over_time(${inner}) by (jobId)`;
    case 'max':
      return `max_over_time(${inner}) by (jobId)`;
    case 'p95':
      return `quantile_over_time(0.95, ${inner}) by (jobId)`;
    default:
      throw new Error(
        `cronRunDurationQuery: statistic ${JSON.stringify(statistic)} is not supported: expected avg, max or p95`,
      );
  }
}

/** Which token count {@link cronTokensQuery} sums. */
export type CronTokenCount = 'input' | 'output' | 'total';

/**
 * Tokens per job and model summed over each range, from `usage.<kind>_tokens` of the run log
 * (extracted as `usage_<kind>_tokens`, the name a plain `| json` gives the nested field).
 *
 * Only isolated runs carry usage; OpenClaw omits `usage` when it is all zero, and main-session
 * jobs carry none. **`total` is the prompt/context size** (promptTokens, or input + cache read +
 * cache write), **not input + output**: do not add it to `output`, and do not expect
 * input + output = total. Cache token fields are never filled by OpenClaw 2026.2.x.
 */
export function cronTokensQuery(options: CronLogQueryOptions & { readonly tokens?: CronTokenCount } = {}): string {
  const range = rangeOf(options, 'cronTokensQuery');
  const tokens = options.tokens ?? 'input';
  if (!['input', 'output', 'total'].includes(tokens)) {
    throw new Error(
      `cronTokensQuery: tokens ${JSON.stringify(tokens)} is not supported: expected input, output or total`,
    );
  }
  const label = `usage_${tokens}_tokens`;
  const runs = cronRuns({ model: 'model', [label]: `usage.${tokens}_tokens` }, options, 'cronTokensQuery');
  return `sum by (jobId, model) (sum_over_time(${runs} | unwrap ${label} | __error__="" [${range}]))`;
}

/**
 * Failed cron webhook POSTs per job: `cron: webhook delivery failed` (network error or the 10 s
 * timeout; non-2xx responses are never logged). OpenClaw writes this warning only to its JSON
 * file log, so the number exists only when the shipper follows it (`GATEWAY_LOG_DIR`).
 */
export function cronWebhookDeliveryFailuresQuery(options: CronLogQueryOptions = {}): string {
  const range = rangeOf(options, 'cronWebhookDeliveryFailuresQuery');
  return (
    `sum by (jobId) (count_over_time(` +
    `${gatewayLog(CRON_WEBHOOK_DELIVERY_FAILED, options, 'cronWebhookDeliveryFailuresQuery')} ` +
    `[${range}]))`
  );
}

/**
 * Cron webhook POSTs refused by the SSRF guard per job (from v2026.2.19: any `.local`/`.internal`
 * host or private address, e.g. an in-cluster Service). Same source as
 * {@link cronWebhookDeliveryFailuresQuery}; non-zero means the webhook target can never work.
 */
export function cronWebhookBlockedBySsrfGuardQuery(options: CronLogQueryOptions = {}): string {
  const range = rangeOf(options, 'cronWebhookBlockedBySsrfGuardQuery');
  return (
    `sum by (jobId) (count_over_time(` +
    `${gatewayLog(CRON_WEBHOOK_BLOCKED_BY_SSRF_GUARD, options, 'cronWebhookBlockedBySsrfGuardQuery')} ` +
    `[${range}]))`
  );
}

/**
 * Guarded fetches refused by the SSRF guard, from the gateway's stdout
 * (`[security] blocked URL fetch (url-fetch) target=… reason=…`). Cron webhooks are among them
 * but the line has no jobId, and other guarded fetches without an audit context count too: a
 * fallback for when the file log is not shipped. `jobIdRegex` is ignored.
 */
export function gatewayBlockedUrlFetchesQuery(options: CronLogQueryOptions = {}): string {
  const range = rangeOf(options, 'gatewayBlockedUrlFetchesQuery');
  return `sum(count_over_time(${GATEWAY_STREAM_SELECTOR} |= "blocked URL fetch (url-fetch)" [${range}]))`;
}

/** Every cron query with the given options, by builder name (sorted), e.g. to check them all. */
export function cronLogQLQueries(options: CronLogQueryOptions = {}): Readonly<Record<string, string>> {
  return {
    cronRunDurationAvg: cronRunDurationQuery({ ...options, statistic: 'avg' }),
    cronRunDurationMax: cronRunDurationQuery({ ...options, statistic: 'max' }),
    cronRunDurationP95: cronRunDurationQuery({ ...options, statistic: 'p95' }),
    cronRunErrors: cronRunErrorsQuery(options),
    cronRunsByStatus: cronRunsByStatusQuery(options),
    cronTokensInput: cronTokensQuery({ ...options, tokens: 'input' }),
    cronTokensOutput: cronTokensQuery({ ...options, tokens: 'output' }),
    cronTokensTotal: cronTokensQuery({ ...options, tokens: 'total' }),
    cronWebhookBlockedBySsrfGuard: cronWebhookBlockedBySsrfGuardQuery(options),
    cronWebhookDeliveryFailures: cronWebhookDeliveryFailuresQuery(options),
    gatewayBlockedUrlFetches: gatewayBlockedUrlFetchesQuery(options),
  };
}
