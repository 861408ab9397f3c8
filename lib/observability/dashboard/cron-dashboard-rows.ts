/**
 * The "Cron Jobs" and "Cron Webhook Delivery" rows of the OpenClaw Application Metrics dashboard,
 * from Loki (the change in docs/FACTS.md). OpenClaw records no metric for cron runs
 * (docs/FACTS.md (OpenClaw)), so every number here comes from the cron run log and the
 * gateway file log as printed by the `cron-run-log` sidecar, queried with the builders of
 * `logql.ts`. `OpenClawDashboard` always appends them to the dashboard, whose `checkDashboardRows`
 * (run once, at synth validation) parses and checks every query.
 */
import type { DashboardPanelSpec, DashboardRowSpec } from './dashboard-queries';
import {
  cronRunDurationQuery,
  cronRunsByStatusQuery,
  cronTokensQuery,
  cronWebhookBlockedBySsrfGuardQuery,
  cronWebhookDeliveryFailuresQuery,
  gatewayBlockedUrlFetchesQuery,
} from '../../query/logql';

/** Options of {@link cronDashboardRows}. */
export interface CronDashboardRowsOptions {
  /**
   * Range of the range aggregations (a Grafana macro or a duration).
   * @default '$__auto'
   */
  readonly range?: string;
  /**
   * A jobId regex for every query, e.g. `${jobId:regex}` when the dashboard has a `jobId` variable.
   * @default no filter
   */
  readonly jobIdRegex?: string;
}

const SOURCE_NOTE =
  'Source: Loki, stream {namespace="openclaw", container="cron-run-log"} ' +
  '(the run-log shipper sidecar). Loki stamps a record when the sidecar ' +
  'prints it, seconds after the run finished.';

function logql(expr: string, legend: string): DashboardPanelSpec['targets'][number] {
  return { expr, legend, language: 'logql' };
}

/**
 * The two rows: Cron Jobs (runs, duration, tokens) and Cron Webhook Delivery (failures, SSRF).
 * Throws for a bad `range` or `jobIdRegex`; the queries themselves are checked with the rest of
 * the dashboard by `checkDashboardRows`.
 */
export function cronDashboardRows(options: CronDashboardRowsOptions = {}): readonly DashboardRowSpec[] {
  const q = {
    range: options.range ?? '$__auto',
    ...(options.jobIdRegex === undefined ? {} : { jobIdRegex: options.jobIdRegex }),
  };
  const cronJobs: DashboardRowSpec = {
    title: 'Cron Jobs',
    panels: [
      {
        title: 'Cron runs by status per job',
        kind: 'timeseries',
        unit: 'short',
        sources: [],
        note:
          `Finished cron runs per job and status (ok, error, skipped), from the ` +
          `cron run log (written for every run whatever the delivery mode). ` +
          `${SOURCE_NOTE}`,
        targets: [logql(cronRunsByStatusQuery(q), '{{jobId}} {{status}}')],
        axisLabel: 'runs',
      },
      {
        title: 'Cron run duration per job',
        kind: 'timeseries',
        unit: 'ms',
        sources: [],
        note: `durationMs of the run log (run start to finish); runs without it are left out. ${SOURCE_NOTE}`,
        targets: [
          logql(cronRunDurationQuery({ ...q, statistic: 'avg' }), '{{jobId}} avg'),
          logql(cronRunDurationQuery({ ...q, statistic: 'max' }), '{{jobId}} max'),
        ],
      },
      {
        title: 'Cron input / output tokens per job and model',
        kind: 'timeseries',
        unit: 'short',
        sources: [],
        note:
          'usage.input_tokens and usage.output_tokens of isolated cron runs, per ' +
          'job and model. Main-session jobs carry no usage, and OpenClaw omits ' +
          'usage when it is all zero; cache tokens are never filled. ' +
          `These tokens are NOT in openclaw_tokens (cron runs emit no token metrics). ${SOURCE_NOTE}`,
        targets: [
          logql(cronTokensQuery({ ...q, tokens: 'input' }), '{{jobId}} {{model}} input'),
          logql(cronTokensQuery({ ...q, tokens: 'output' }), '{{jobId}} {{model}} output'),
        ],
        axisLabel: 'tokens',
      },
      {
        title: 'Cron prompt size per job and model (OpenClaw "total_tokens")',
        kind: 'timeseries',
        unit: 'short',
        sources: [],
        note:
          "OpenClaw's usage.total_tokens is the prompt/context size (prompt " +
          'tokens, or input + cache read + cache write): it is NOT input + output ' +
          'and must not be added to the output tokens. ' +
          `Shown separately for that reason. ${SOURCE_NOTE}`,
        targets: [logql(cronTokensQuery({ ...q, tokens: 'total' }), '{{jobId}} {{model}} prompt size')],
        axisLabel: 'tokens',
      },
    ],
  };
  const webhooks: DashboardRowSpec = {
    title: 'Cron Webhook Delivery',
    panels: [
      {
        title: 'Cron webhook delivery failures per job',
        kind: 'timeseries',
        unit: 'short',
        sources: [],
        note:
          '"cron: webhook delivery failed": the POST threw (network error, DNS, 10 ' +
          's timeout). OpenClaw does not retry and never logs non-2xx responses, ' +
          'so a receiver returning 500 does not show here. ' +
          'The warning is written to the gateway file log only; the sidecar ships it when it follows /tmp/openclaw.',
        targets: [logql(cronWebhookDeliveryFailuresQuery(q), '{{jobId}}')],
        axisLabel: 'failures',
      },
      {
        title: 'Cron webhooks blocked by the SSRF guard',
        kind: 'timeseries',
        unit: 'short',
        sources: [],
        note:
          '"cron: webhook delivery blocked by SSRF guard" per job (v2026.2.19+: ' +
          '.local/.internal hosts and private addresses, in-cluster Services ' +
          'included, are refused with no override). ' +
          ('The second query counts every guarded fetch the gateway refused ' +
            '([security] blocked URL fetch on stdout; no jobId, other fetches ' +
            'included).'),
        targets: [
          logql(cronWebhookBlockedBySsrfGuardQuery(q), '{{jobId}}'),
          logql(gatewayBlockedUrlFetchesQuery(q), 'all blocked fetches (gateway stdout)'),
        ],
        axisLabel: 'blocked',
      },
    ],
  };
  return [cronJobs, webhooks];
}
