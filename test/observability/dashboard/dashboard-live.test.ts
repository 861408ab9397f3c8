/**
 * Every query of the "OpenClaw Application Metrics" dashboard returns data from a real Prometheus
 * holding synthetic OpenClaw series named exactly as the catalog and the configured translation
 * strategy say Prometheus stores them (one Prometheus for the whole file).
 */
import {
  buildOpenClawAppDashboard,
  DashboardQueryRef,
} from '../../../lib/observability/dashboard/openclaw-app-dashboard';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { NamedQuery, substituteGrafanaMacros } from '../../../lib/query/promql';
import {
  assertQueriesReturnData,
  PrometheusHarness,
  startSyntheticOpenClawPrometheus,
} from '../../support/prometheus-harness';
import { handWrittenTokensRow } from '../../support/hand-written-row';
import { buildApp } from '../../support/openclaw-ops-harness';
import { loliceConfig } from '../../../config/lolice';

const DATASOURCES = loliceConfig.telemetry.datasources;

const namer = metricNamer();
let harness: PrometheusHarness;

const named = (queries: readonly DashboardQueryRef[]): NamedQuery[] =>
  queries.map((q) => ({ name: `${q.row} / ${q.panel} / ${q.refId}`, expr: q.expr }));

beforeAll(async () => {
  harness = await startSyntheticOpenClawPrometheus(namer);
});

afterAll(async () => {
  await harness?.stop();
});

describe('openclaw app dashboard against a real Prometheus', () => {
  test('every PromQL query of the dashboard the app synthesizes returns data', async () => {
    // the dashboard exactly as lolice gets it (default config, Cron rows included)
    const app = buildApp();
    const queries = named(app.dashboard.dashboard.queries.filter((q) => q.language === 'promql'));
    expect(queries).toHaveLength(24);
    await assertQueriesReturnData(harness, queries);
  });

  test('each quantile and ratio query returns finite values in range', async () => {
    const dashboard = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer });
    for (const query of dashboard.queries) {
      if (!query.expr.startsWith('histogram_quantile(')) continue;
      const samples = await harness.query(substituteGrafanaMacros(query.expr));
      expect(samples.length, `${query.panel} ${query.refId}`).toBeGreaterThan(0);
      for (const sample of samples) {
        expect(sample.value, `${query.panel} ${query.refId}`).toBeGreaterThanOrEqual(0);
        expect(sample.value, `${query.panel} ${query.refId}`).toBeLessThanOrEqual(10000);
      }
    }
    const utilization = dashboard.queries.find((q) => q.panel === 'Context window utilization');
    const ratio = await harness.query(substituteGrafanaMacros(utilization?.expr ?? ''));
    expect(ratio.length).toBeGreaterThan(0);
    for (const sample of ratio) expect(Number.isFinite(sample.value)).toBe(true);
  });

  test('fails for a panel that names openclaw_tokens without _total (the name Prometheus never stores)', async () => {
    const guessed = handWrittenTokensRow();
    const dashboard = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer, extraRows: [guessed] });
    await expect(assertQueriesReturnData(harness, named(dashboard.queries))).rejects.toThrow(
      /1 of 25 queries returned no data.*\nquery "Hand written \/ Guessed tokens \/ A" returned no data/,
    );
  });
});
