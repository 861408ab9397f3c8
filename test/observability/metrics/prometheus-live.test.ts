import { ATTR, METRICS, RECORDABLE_METRICS } from '../../../lib/telemetry/metric-catalog';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { assertPromQL, createQueryBuilder, NamedQuery } from '../../../lib/query/promql';
import {
  assertQueriesReturnData,
  PrometheusHarness,
  startSyntheticOpenClawPrometheus,
} from '../../support/prometheus-harness';

const namer = metricNamer();
const q = createQueryBuilder(namer);
let harness: PrometheusHarness;
const leValue = (le: string | undefined): number => (le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le));

beforeAll(async () => {
  harness = await startSyntheticOpenClawPrometheus(namer);
});

afterAll(async () => {
  await harness?.stop();
});

const representativeQueries: NamedQuery[] = [
  { name: 'tokens by type', expr: q.sumBy([ATTR.token], q.rate(METRICS.tokens)) },
  {
    name: 'tokens for one channel',
    expr: q.sumBy(
      [ATTR.model],
      q.increase(METRICS.tokens, { range: '$__range', matchers: [{ label: ATTR.channel, value: 'discord' }] }),
    ),
  },
  {
    name: 'tokens for the selected channel (Grafana variable)',
    expr: q.sumBy(
      [ATTR.token],
      q.rate(METRICS.tokens, { matchers: [{ label: ATTR.channel, op: '=~', value: '$channel' }] }),
    ),
  },
  { name: 'cost', expr: q.sumBy([ATTR.model], q.increase(METRICS.costUsd, { range: '$__range' })) },
  { name: 'run p95', expr: q.histogramQuantile(0.95, METRICS.runDuration, { by: [ATTR.model] }) },
  { name: 'message p50', expr: q.histogramQuantile(0.5, METRICS.messageDuration, { by: [ATTR.outcome] }) },
  {
    name: 'message errors',
    expr: q.sumBy(
      [ATTR.channel],
      q.rate(METRICS.messageProcessed, { matchers: [{ label: ATTR.outcome, value: 'error' }] }),
    ),
  },
  { name: 'context used', expr: q.sumBy([ATTR.context], q.rate(METRICS.contextTokens, { part: 'sum' })) },
  { name: 'queue wait p90', expr: q.histogramQuantile(0.9, METRICS.queueWait, { by: [ATTR.lane] }) },
  { name: 'webhooks', expr: q.sumBy([ATTR.webhook], q.rate(METRICS.webhookReceived)) },
  { name: 'stuck sessions', expr: q.sumBy([], q.increase(METRICS.sessionStuck, { range: '1h' })) },
  { name: 'target_info', expr: q.builtinSelector('target_info', [{ label: 'job', value: 'openclaw' }]) },
  {
    name: 'tokens joined with target_info',
    expr: `${q.sumBy(['job', 'instance'], q.rate(METRICS.tokens))} * on (job, instance) group_left (host_name) target_info`,
  },
];

describe('synthetic OpenClaw series in a real Prometheus', () => {
  it('stores every recordable series under the default strategy with job and instance', async () => {
    for (const metric of RECORDABLE_METRICS) {
      for (const series of namer.seriesNames(metric).all) {
        const samples = await harness.query(`count(${series}{job="openclaw", instance="openclaw-synthetic-instance"})`);
        expect(
          samples.map((s) => s.value).filter((v) => v > 0),
          series,
        ).toHaveLength(1);
      }
    }
  });

  it('writes histogram buckets with the OTel SDK default bounds', async () => {
    const samples = await harness.query(`count by (le) (${namer.seriesName(METRICS.runDuration, 'bucket')})`);
    expect(samples.map((s) => s.metric.le).sort((a, b) => leValue(a) - leValue(b))).toEqual([
      '0',
      '5',
      '10',
      '25',
      '50',
      '75',
      '100',
      '250',
      '500',
      '750',
      '1000',
      '2500',
      '5000',
      '7500',
      '10000',
      '+Inf',
    ]);
  });

  it('answers every representative query with data', async () => {
    expect(() => assertPromQL(representativeQueries, namer)).not.toThrow();
    await expect(assertQueriesReturnData(harness, representativeQueries)).resolves.toBeUndefined();
  });

  it('fails for the design doc guesses openclaw_tokens and openclaw_run_duration_ms_bucket', async () => {
    const wrong: NamedQuery[] = [
      { name: 'guessed tokens', expr: 'sum(rate(openclaw_tokens[5m]))' },
      {
        name: 'guessed duration',
        expr: 'histogram_quantile(0.95, sum by (le) (rate(openclaw_run_duration_ms_bucket[5m])))',
      },
    ];
    expect(await harness.query('openclaw_tokens')).toEqual([]);
    await expect(assertQueriesReturnData(harness, wrong)).rejects.toThrow(
      /2 of 2 queries returned no data.*\nquery "guessed tokens" returned no data.*\nquery "guessed duration" returned no data/,
    );
  });
});
