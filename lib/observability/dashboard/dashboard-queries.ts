/**
 * What the "OpenClaw Application Metrics" dashboard shows: its rows, panels and queries as plain
 * data, built from the metric catalog through a {@link QueryBuilder} (so every metric and label name
 * follows the configured translation strategy). `openclaw-app-dashboard.ts` turns these specs into
 * Grafana JSON and checks every query.
 *
 * Sections follow the change in docs/FACTS.md (Token Usage, Agent Runs, Messages, Sessions,
 * Queues). Cron Jobs / webhook delivery rows come from Loki and are added through `extraRows`.
 */
import { ATTR, METRICS, OpenClawMetric } from '../../telemetry/metric-catalog';
import type { LabelMatcher, QueryBuilder } from '../../query/promql';

/** The query language of a target; decides the datasource (`DS_PROMETHEUS` or `DS_LOKI`). */
export type DashboardQueryLanguage = 'promql' | 'logql';

/** One query of a panel. The refId is assigned from the target's position (A, B, C, ...). */
export interface DashboardTargetSpec {
  /** The query, Grafana macros allowed. */
  readonly expr: string;
  /** Legend text, e.g. `{{openclaw_model}}` or `p95`. Required: every series gets a readable name. */
  readonly legend: string;
  /**
   * Query language.
   * @default 'promql'
   */
  readonly language?: DashboardQueryLanguage;
}

/** The Grafana panel types the dashboard uses. */
export type DashboardPanelKind = 'timeseries' | 'stat';

/** One panel as data. */
export interface DashboardPanelSpec {
  /** Panel title; unique across the dashboard. */
  readonly title: string;
  /** Grafana panel type. */
  readonly kind: DashboardPanelKind;
  /** Grafana unit id: `short` (counts, tokens), `currencyUSD`, `ms`, `percentunit`, `cpm`. */
  readonly unit: string;
  /**
   * Catalog metrics the panel reads; their OTLP name, attributes and recording conditions are
   * written into the panel description. Empty only for non-Prometheus panels.
   */
  readonly sources: readonly OpenClawMetric[];
  /** Panel-specific explanation (what the number means, caveats). */
  readonly note: string;
  /** The queries; at least one. */
  readonly targets: readonly DashboardTargetSpec[];
  /**
   * Axis label of a timeseries (e.g. `tokens`).
   * @default none
   */
  readonly axisLabel?: string;
  /**
   * Minimum of the value axis / stat.
   * @default 0
   */
  readonly min?: number;
  /**
   * Maximum of the value axis / stat.
   * @default none
   */
  readonly max?: number;
  /**
   * Grid width (of 24).
   * @default 12 for timeseries, 6 for stat
   */
  readonly width?: number;
}

/** One row (section) of the dashboard. */
export interface DashboardRowSpec {
  /** Row (section) title. */
  readonly title: string;
  /** The row's panels in display order. */
  readonly panels: readonly DashboardPanelSpec[];
}

/** The `openclaw.lane` value every per-session lane (`session:<key>`) is folded into. */
export const SESSION_LANES_FOLDED = 'session:*';

/**
 * `sum by (<by>, lane) (<expr>)` with the high-cardinality per-session lanes
 * (`session:<sessionKey>`) folded into one `session:*` lane, so that grouping by lane stays
 * bounded. Each series first keeps its lane in a helper label: relabelling alone would give
 * identical series, which Prometheus refuses ("vector cannot contain metrics with the same
 * labelset") as soon as two sessions are active.
 */
function sumByFoldedLane(q: QueryBuilder, by: readonly string[], expr: string): string {
  const lane = q.label(ATTR.lane);
  const unfolded = `label_replace(${expr}, "${lane}_unfolded", "$1", "${lane}", "(.*)")`;
  const folded = `label_replace(${unfolded}, "${lane}", "${SESSION_LANES_FOLDED}", "${lane}", "session:.*")`;
  return q.sumBy([...by, ATTR.lane], folded);
}

/** Value of the `openclaw.token` attribute OpenClaw computes as prompt + output. */
const TOTAL_TOKENS: LabelMatcher = { label: ATTR.token, value: 'total' };

function quantileTargets(q: QueryBuilder, metric: OpenClawMetric, by: readonly string[] = []): DashboardTargetSpec[] {
  return [0.5, 0.95, 0.99].map((quantile) => ({
    expr: q.histogramQuantile(quantile, metric, { by }),
    legend: `p${Math.round(quantile * 100)}`,
  }));
}

function perMinute(expr: string): string {
  return `60 * ${expr}`;
}

function tokenUsageRow(q: QueryBuilder): DashboardRowSpec {
  const model = ATTR.model;
  return {
    title: 'Token Usage',
    panels: [
      {
        title: 'Tokens (time range)',
        kind: 'stat',
        unit: 'short',
        sources: [METRICS.tokens],
        note:
          'Sum of the token type "total" (prompt + output, as OpenClaw computes ' +
          'it) over the dashboard time range. Cron runs never record tokens: see ' +
          'the Cron Jobs section.',
        targets: [
          {
            expr: q.sumBy([], q.increase(METRICS.tokens, { matchers: [TOTAL_TOKENS], range: '$__range' })),
            legend: 'tokens',
          },
        ],
      },
      {
        title: 'Estimated cost (time range)',
        kind: 'stat',
        unit: 'currencyUSD',
        sources: [METRICS.costUsd],
        note:
          'Estimated USD over the dashboard time range. Only models with per-model ' +
          'cost config record cost at all, so this undercounts (or shows no data) ' +
          'for models without it.',
        targets: [{ expr: q.sumBy([], q.increase(METRICS.costUsd, { range: '$__range' })), legend: 'USD' }],
      },
      {
        title: 'Total tokens by model',
        kind: 'timeseries',
        unit: 'short',
        axisLabel: 'tokens',
        sources: [METRICS.tokens],
        note:
          'Tokens per interval, token type "total" only (the other types are parts ' +
          'of it; summing all types double counts). Cron runs never record tokens.',
        targets: [
          {
            expr: q.sumBy([model], q.increase(METRICS.tokens, { matchers: [TOTAL_TOKENS] })),
            legend: `{{${q.label(model)}}}`,
          },
        ],
      },
      {
        title: 'Input vs output tokens',
        kind: 'timeseries',
        unit: 'short',
        axisLabel: 'tokens',
        sources: [METRICS.tokens],
        note:
          'Tokens per interval by type: input, output and the prompt-cache ' +
          'reads/writes. A type is recorded only when non-zero.',
        targets: [
          {
            expr: q.sumBy(
              [ATTR.token],
              q.increase(METRICS.tokens, {
                matchers: [{ label: ATTR.token, op: '=~', value: 'input|output|cache_read|cache_write' }],
              }),
            ),
            legend: `{{${q.label(ATTR.token)}}}`,
          },
        ],
      },
      {
        title: 'Estimated cost by model (USD)',
        kind: 'timeseries',
        unit: 'currencyUSD',
        sources: [METRICS.costUsd],
        note:
          'Estimated USD per interval. Recorded only when the model has per-model ' +
          'cost config; models without it never appear here even though they use ' +
          'tokens.',
        targets: [{ expr: q.sumBy([model], q.increase(METRICS.costUsd)), legend: `{{${q.label(model)}}}` }],
      },
    ],
  };
}

function agentRunsRow(q: QueryBuilder): DashboardRowSpec {
  const contextUsed = (kind: 'used' | 'limit'): string =>
    q.sumBy(
      [ATTR.model],
      q.rate(METRICS.contextTokens, { part: 'sum', matchers: [{ label: ATTR.context, value: kind }] }),
    );
  return {
    title: 'Agent Runs',
    panels: [
      {
        title: 'Run duration (p50 / p95 / p99)',
        kind: 'timeseries',
        unit: 'ms',
        sources: [METRICS.runDuration],
        note:
          'Quantiles from the histogram buckets. The SDK default buckets end at 10 ' +
          '000 ms, so quantiles of longer runs are capped at 10 s.',
        targets: quantileTargets(q, METRICS.runDuration),
      },
      {
        title: 'Runs by model',
        kind: 'timeseries',
        unit: 'short',
        axisLabel: 'runs',
        sources: [METRICS.runDuration],
        note:
          'Agent runs per interval (the histogram count). Only inbound-message ' +
          'replies are counted; cron runs are in the Cron Jobs section.',
        targets: [
          {
            expr: q.sumBy([ATTR.model], q.increase(METRICS.runDuration, { part: 'count' })),
            legend: `{{${q.label(ATTR.model)}}}`,
          },
        ],
      },
      {
        title: 'Context window utilization',
        kind: 'timeseries',
        unit: 'percentunit',
        max: 1,
        width: 24,
        sources: [METRICS.contextTokens],
        note:
          'Average used context tokens divided by the average context limit per ' +
          'model (both from the same histogram, context=used and context=limit).',
        targets: [{ expr: `${contextUsed('used')} / ${contextUsed('limit')}`, legend: `{{${q.label(ATTR.model)}}}` }],
      },
    ],
  };
}

function messagesRow(q: QueryBuilder): DashboardRowSpec {
  return {
    title: 'Messages',
    panels: [
      {
        title: 'Message throughput by outcome',
        kind: 'timeseries',
        unit: 'cpm',
        sources: [METRICS.messageProcessed],
        note: 'Processed messages per minute by outcome (completed, skipped, error).',
        targets: [
          {
            expr: perMinute(q.sumBy([ATTR.outcome], q.rate(METRICS.messageProcessed))),
            legend: `{{${q.label(ATTR.outcome)}}}`,
          },
        ],
      },
      {
        title: 'Messages queued by source',
        kind: 'timeseries',
        unit: 'cpm',
        sources: [METRICS.messageQueued],
        note: 'Messages queued per minute by source (dispatch or pi-embedded-runner).',
        targets: [
          {
            expr: perMinute(q.sumBy([ATTR.source], q.rate(METRICS.messageQueued))),
            legend: `{{${q.label(ATTR.source)}}}`,
          },
        ],
      },
      {
        title: 'Message processing latency (p50 / p95 / p99)',
        kind: 'timeseries',
        unit: 'ms',
        width: 24,
        sources: [METRICS.messageDuration],
        note: 'Quantiles from the histogram buckets, all outcomes. The SDK default buckets end at 10 000 ms.',
        targets: quantileTargets(q, METRICS.messageDuration),
      },
    ],
  };
}

function sessionsRow(q: QueryBuilder): DashboardRowSpec {
  return {
    title: 'Sessions',
    panels: [
      {
        title: 'Stuck sessions (time range)',
        kind: 'stat',
        unit: 'short',
        sources: [METRICS.sessionStuck],
        note:
          'Stuck-session detections over the time range. The counter only exists ' +
          'after the first detection, so "no data" means either none so far or no ' +
          'telemetry: run verify to tell them apart.',
        targets: [{ expr: q.sumBy([], q.increase(METRICS.sessionStuck, { range: '$__range' })), legend: 'stuck' }],
      },
      {
        title: 'Session state transitions',
        kind: 'timeseries',
        unit: 'short',
        axisLabel: 'transitions',
        width: 18,
        sources: [METRICS.sessionState],
        note: 'Transitions into each state per interval. It counts transitions, not sessions currently in a state.',
        targets: [
          { expr: q.sumBy([ATTR.state], q.increase(METRICS.sessionState)), legend: `{{${q.label(ATTR.state)}}}` },
        ],
      },
      {
        title: 'Stuck sessions',
        kind: 'timeseries',
        unit: 'short',
        axisLabel: 'detections',
        sources: [METRICS.sessionStuck],
        note: 'Stuck-session detections per interval by state.',
        targets: [
          { expr: q.sumBy([ATTR.state], q.increase(METRICS.sessionStuck)), legend: `{{${q.label(ATTR.state)}}}` },
        ],
      },
      {
        title: 'Stuck session age (p95)',
        kind: 'timeseries',
        unit: 'ms',
        sources: [METRICS.sessionStuckAge],
        note:
          'How long stuck sessions had been processing when detected. Ages above ' +
          'the 10 000 ms top bucket are reported as 10 s.',
        targets: [{ expr: q.histogramQuantile(0.95, METRICS.sessionStuckAge), legend: 'p95' }],
      },
    ],
  };
}

function queuesRow(q: QueryBuilder): DashboardRowSpec {
  const lane = ATTR.lane;
  const laneLegend = `{{${q.label(lane)}}}`;
  const withLane: LabelMatcher = { label: lane, op: '!=', value: '' };
  const waitBuckets = q.rate(METRICS.queueWait, { part: 'bucket' });
  const averageDepth = (matchers: readonly LabelMatcher[], fold: boolean): string => {
    const part = (p: 'sum' | 'count'): string => {
      const rate = q.rate(METRICS.queueDepth, { part: p, matchers });
      return fold ? sumByFoldedLane(q, [], rate) : q.sumBy([], rate);
    };
    return `${part('sum')} / ${part('count')}`;
  };
  return {
    title: 'Queues',
    panels: [
      {
        title: 'Queue depth by lane (average)',
        kind: 'timeseries',
        unit: 'short',
        axisLabel: 'queued items',
        sources: [METRICS.queueDepth],
        note:
          'Average depth seen on enqueue/dequeue per lane; per-session lanes ' +
          '(session:<key>) are folded into "session:*". The heartbeat series is ' +
          'the whole queue sampled every 30 s.',
        targets: [
          { expr: averageDepth([withLane], true), legend: laneLegend },
          { expr: averageDepth([{ label: ATTR.channel, value: 'heartbeat' }], false), legend: 'heartbeat (all lanes)' },
        ],
      },
      {
        title: 'Queue wait time by lane (p95)',
        kind: 'timeseries',
        unit: 'ms',
        sources: [METRICS.queueWait],
        note:
          'p95 wait before execution per lane; per-session lanes are folded into ' +
          '"session:*". The SDK default buckets end at 10 000 ms.',
        targets: [
          {
            expr: `histogram_quantile(0.95, ${sumByFoldedLane(q, ['le'], waitBuckets)})`,
            legend: laneLegend,
          },
        ],
      },
      {
        title: 'Lane enqueue / dequeue rate',
        kind: 'timeseries',
        unit: 'cpm',
        width: 24,
        sources: [METRICS.queueLaneEnqueue, METRICS.queueLaneDequeue],
        note:
          'Enqueue and dequeue events per minute per lane; per-session lanes are ' +
          'folded into "session:*". A lasting gap between the two means work piles ' +
          'up.',
        targets: [
          {
            expr: perMinute(sumByFoldedLane(q, [], q.rate(METRICS.queueLaneEnqueue))),
            legend: `enqueue ${laneLegend}`,
          },
          {
            expr: perMinute(sumByFoldedLane(q, [], q.rate(METRICS.queueLaneDequeue))),
            legend: `dequeue ${laneLegend}`,
          },
        ],
      },
    ],
  };
}

/**
 * The Prometheus sections of the dashboard in display order: Token Usage, Agent Runs, Messages,
 * Sessions, Queues.
 */
export function openClawAppRows(q: QueryBuilder): readonly DashboardRowSpec[] {
  return [tokenUsageRow(q), agentRunsRow(q), messagesRow(q), sessionsRow(q), queuesRow(q)];
}
