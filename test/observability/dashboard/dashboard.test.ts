/**
 * The "OpenClaw Application Metrics" dashboard model: sections, units, legends, refIds,
 * datasources, descriptions, and that every query names only what the catalog says Prometheus
 * stores under the configured translation strategy.
 */
import { handWrittenTokensRow } from '../../support/hand-written-row';
import type { DashboardRowSpec } from '../../../lib/observability/dashboard/dashboard-queries';
import { cronRunsByStatusQuery } from '../../../lib/query/logql';
import { ALL_METRICS, METRICS, RECORDABLE_METRICS } from '../../../lib/telemetry/metric-catalog';
import {
  buildOpenClawAppDashboard,
  checkDashboardRows,
  NO_DATA_TEXT,
  refIdFor,
  renderDashboardJson,
} from '../../../lib/observability/dashboard/openclaw-app-dashboard';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { checkPromQL } from '../../../lib/query/promql';
import { loliceConfig } from '../../../config/lolice';

const DATASOURCES = loliceConfig.telemetry.datasources;

interface Target {
  readonly datasource?: { readonly type: string; readonly uid: string };
  readonly expr: string;
  readonly legendFormat?: string;
  readonly refId?: string;
  readonly instant?: boolean;
}
interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly description?: string;
  readonly datasource?: { readonly type: string; readonly uid: string };
  readonly fieldConfig?: { readonly defaults: { readonly unit?: string; readonly noValue?: string } };
  readonly options?: { readonly legend?: { readonly showLegend: boolean } };
  readonly targets?: readonly Target[];
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}
interface DashboardJson {
  readonly uid: string;
  readonly title: string;
  readonly timezone: string;
  readonly time: { readonly from: string; readonly to: string };
  readonly graphTooltip: number;
  readonly editable: boolean;
  readonly templating: {
    readonly list: readonly {
      readonly name: string;
      readonly type: string;
      readonly query: string;
      readonly current: { readonly value: string };
    }[];
  };
  readonly panels: readonly Panel[];
}

const namer = metricNamer();
const dashboard = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer });
const json = renderDashboardJson(dashboard.model);
const parsed = JSON.parse(json) as DashboardJson;
const panels = parsed.panels.filter((p) => p.type !== 'row');

/** Panels grouped by the row they follow. */
function panelsByRow(model: DashboardJson): Map<string, Panel[]> {
  const rows = new Map<string, Panel[]>();
  let current = '';
  for (const panel of model.panels) {
    if (panel.type === 'row') {
      current = panel.title;
      rows.set(current, []);
    } else {
      rows.get(current)?.push(panel);
    }
  }
  return rows;
}

const panelByTitle = (title: string): Panel => {
  const found = panels.find((p) => p.title === title);
  if (found === undefined) throw new Error(`no panel titled ${title}`);
  return found;
};

describe('openclaw app dashboard | shape', () => {
  test('has the stable uid, title and lolice conventions', () => {
    expect(parsed.uid).toBe('openclaw-app-metrics');
    expect(parsed.title).toBe('OpenClaw Application Metrics');
    expect(parsed.timezone).toBe('JST');
    expect(parsed.time).toEqual({ from: 'now-6h', to: 'now' });
    expect(parsed.graphTooltip).toBe(1);
    expect(parsed.editable).toBe(true);
  });

  test('has the five sections in design order with their panel counts', () => {
    const rows = panelsByRow(parsed);
    expect([...rows.keys()]).toEqual(['Token Usage', 'Agent Runs', 'Messages', 'Sessions', 'Queues']);
    expect(Object.fromEntries([...rows].map(([row, list]) => [row, list.length]))).toEqual({
      'Token Usage': 5,
      'Agent Runs': 3,
      Messages: 3,
      Sessions: 4,
      Queues: 3,
    });
    expect(panels).toHaveLength(18);
    expect(dashboard.queries).toHaveLength(24);
  });

  test('declares DS_PROMETHEUS and DS_LOKI datasource variables defaulting to lolice UIDs', () => {
    const variables = parsed.templating.list.map((v) => ({
      name: v.name,
      type: v.type,
      query: v.query,
      uid: v.current.value,
    }));
    expect(variables).toEqual([
      { name: 'DS_PROMETHEUS', type: 'datasource', query: 'prometheus', uid: 'P1809F7CD0C75ACF3' },
      { name: 'DS_LOKI', type: 'datasource', query: 'loki', uid: 'P8E80F9AEF21F6940' },
    ]);
  });

  test('takes other datasource UIDs when given', () => {
    const other = buildOpenClawAppDashboard({ namer, datasources: { prometheus: 'prom-uid', loki: 'loki-uid' } });
    const text = renderDashboardJson(other.model);
    expect(text).toContain('"value": "prom-uid"');
    expect(text).not.toContain(DATASOURCES.prometheus);
  });

  test('uses the right unit for tokens, cost, durations and ratios', () => {
    const units = Object.fromEntries(panels.map((p) => [p.title, p.fieldConfig?.defaults.unit]));
    expect(units).toMatchObject({
      'Tokens (time range)': 'short',
      'Total tokens by model': 'short',
      'Input vs output tokens': 'short',
      'Estimated cost (time range)': 'currencyUSD',
      'Estimated cost by model (USD)': 'currencyUSD',
      'Run duration (p50 / p95 / p99)': 'ms',
      'Message processing latency (p50 / p95 / p99)': 'ms',
      'Queue wait time by lane (p95)': 'ms',
      'Stuck session age (p95)': 'ms',
      'Context window utilization': 'percentunit',
    });
    expect(panels.every((p) => typeof p.fieldConfig?.defaults.unit === 'string')).toBe(true);
  });

  test('gives every target a unique refId within its panel, a legend and the prometheus datasource variable', () => {
    for (const panel of panels) {
      const targets = panel.targets ?? [];
      expect(targets.length, panel.title).toBeGreaterThan(0);
      const refIds = targets.map((t) => t.refId);
      expect(refIds, panel.title).toEqual(targets.map((_, index) => refIdFor(index)));
      expect(new Set(refIds).size, panel.title).toBe(refIds.length);
      for (const target of targets) {
        expect(target.legendFormat?.trim(), `${panel.title} ${target.refId}`).toBeTruthy();
        expect(target.datasource, `${panel.title} ${target.refId}`).toEqual({
          type: 'prometheus',
          uid: '${DS_PROMETHEUS}',
        });
      }
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${DS_PROMETHEUS}' });
    }
  });

  test('shows the legend on every timeseries and lays panels out without overlap', () => {
    for (const panel of panels.filter((p) => p.type === 'timeseries')) {
      expect(panel.options?.legend?.showLegend, panel.title).toBe(true);
    }
    const cells = new Set<string>();
    for (const panel of parsed.panels) {
      const { x, y, w, h } = panel.gridPos;
      expect(x + w, panel.title).toBeLessThanOrEqual(24);
      for (let dx = 0; dx < w; dx++) {
        for (let dy = 0; dy < h; dy++) {
          const cell = `${x + dx},${y + dy}`;
          expect(cells.has(cell), `${panel.title} overlaps at ${cell}`).toBe(false);
          cells.add(cell);
        }
      }
    }
    expect(new Set(parsed.panels.map((p) => p.id)).size).toBe(parsed.panels.length);
  });

  test('never shows a healthy-looking value without data', () => {
    for (const panel of panels) {
      expect(panel.fieldConfig?.defaults.noValue, panel.title).toBe(NO_DATA_TEXT);
    }
    expect(panels.filter((p) => p.type === 'stat').length).toBe(3);
    for (const query of dashboard.queries) {
      expect(query.expr, query.panel).not.toMatch(/\bor\b|vector\(|absent\(/);
    }
  });

  test('says in every description which instrument, attributes and recording condition the number comes from', () => {
    for (const spec of dashboard.rows.flatMap((row) => row.panels)) {
      const description = panelByTitle(spec.title).description ?? '';
      for (const metric of spec.sources) {
        expect(description, spec.title).toContain(
          `OTLP ${metric.instrument.toLowerCase()} ${metric.name} (unit "${metric.unit}")`,
        );
        expect(description, spec.title).toContain(namer.metricName(metric));
        expect(description, spec.title).toContain(metric.recordedWhen);
      }
    }
    expect(panelByTitle('Estimated cost (time range)').description).toMatch(/per-model cost config/);
    expect(panelByTitle('Tokens (time range)').description).toMatch(/[Cc]ron runs never record tokens/);
  });

  test('folds per-session lanes away wherever it groups by lane', () => {
    const lane = namer.labelName('openclaw.lane');
    const byLane = dashboard.queries.filter((q) => new RegExp(`by \\([^)]*\\b${lane}\\b`).test(q.expr));
    expect(byLane.length).toBeGreaterThanOrEqual(3);
    for (const query of byLane) {
      expect(query.expr, `${query.panel} ${query.refId}`).toContain(`label_replace(`);
      expect(query.expr, `${query.panel} ${query.refId}`).toContain('"session:.*"');
    }
  });

  test('renders deterministic JSON (same input, same bytes) with sorted keys', () => {
    expect(
      renderDashboardJson(buildOpenClawAppDashboard({ datasources: DATASOURCES, namer: metricNamer() }).model),
    ).toBe(json);
    const keys = Object.keys(JSON.parse(json) as object);
    expect(keys).toEqual([...keys].sort());
    expect(json).toMatchSnapshot();
  });
});

describe('openclaw app dashboard | names come from the catalog', () => {
  const stored = new Set(RECORDABLE_METRICS.flatMap((metric) => namer.seriesNames(metric).all));

  test('every query parses and every metric and label is a catalog name under the configured strategy', () => {
    expect(checkDashboardRows(dashboard.rows, namer)).toEqual([]);
    const used = new Set<string>();
    for (const query of dashboard.queries) {
      const result = checkPromQL(query.expr, namer, { name: query.panel });
      expect(result.errors, `${query.panel} ${query.refId}`).toEqual([]);
      expect(result.metricNames.length, `${query.panel} ${query.refId}`).toBeGreaterThan(0);
      for (const name of result.metricNames) {
        expect(stored.has(name), `${query.panel} ${query.refId}: ${name}`).toBe(true);
        used.add(name);
      }
    }
    const families = new Set(
      ALL_METRICS.filter((m) => [...used].some((n) => namer.seriesNames(m).all.includes(n))).map((m) => m.id),
    );
    expect([...families].sort()).toEqual(
      [
        'contextTokens',
        'costUsd',
        'messageDuration',
        'messageProcessed',
        'messageQueued',
        'queueDepth',
        'queueLaneDequeue',
        'queueLaneEnqueue',
        'queueWait',
        'runDuration',
        'sessionStuck',
        'sessionStuckAge',
        'sessionState',
        'tokens',
      ].sort(),
    );
    expect(used.size).toBe(16);
  });

  test('follows the translation strategy: NoUTF8EscapingWithSuffixes gives quoted dotted names that still check', () => {
    const utf8 = metricNamer({ translationStrategy: 'NoUTF8EscapingWithSuffixes' });
    const other = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer: utf8 });
    expect(checkDashboardRows(other.rows, utf8)).toEqual([]);
    const tokens = other.queries.find((q) => q.panel === 'Total tokens by model');
    expect(tokens?.expr).toContain('"openclaw.tokens_total"');
    expect(tokens?.expr).not.toContain('openclaw_tokens_total');
  });

  test('fails for a strategy the configured Prometheus cannot do', () => {
    expect(() => metricNamer({ translationStrategy: 'UnderscoreEscapingWithoutSuffixes' })).toThrow(
      /prometheus >= 3\.6\.0/,
    );
  });

  test('fails when a panel names openclaw_tokens without _total, naming the panel and the fix', () => {
    const broken = handWrittenTokensRow({ expr: 'sum(rate(openclaw_tokens[$__rate_interval]))' });
    const problems = checkDashboardRows([...dashboard.rows, broken], namer);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/row "Hand written" panel "Guessed tokens" query A/);
    expect(problems[0]).toMatch(/unknown metric "openclaw_tokens"/);
    expect(problems[0]).toMatch(/"openclaw_tokens_total"/);
    expect(problems[0]).toMatch(/createQueryBuilder\(metricNamer\(settings\)\)/);
  });

  test('fails for a syntax error, an unknown label, a missing legend and a duplicate title', () => {
    const broken: DashboardRowSpec = {
      title: 'Broken',
      panels: [
        {
          title: 'Run duration (p50 / p95 / p99)',
          kind: 'timeseries',
          unit: 'ms',
          sources: [METRICS.runDuration],
          note: 'n',
          targets: [
            { expr: 'sum(rate(openclaw_tokens_total[5m]', legend: 'a' },
            { expr: 'sum by (openclaw_channel_id) (rate(openclaw_tokens_total[5m]))', legend: '' },
          ],
        },
      ],
    };
    const problems = checkDashboardRows([...dashboard.rows, broken], namer).join('\n');
    expect(problems).toMatch(/panel "Run duration \(p50 \/ p95 \/ p99\)": the title is used by another panel/);
    expect(problems).toMatch(/query A: .*syntax error/);
    expect(problems).toMatch(/query B: .*unknown label "openclaw_channel_id"/);
    expect(problems).toMatch(/query B: received an empty legend/);
  });
});

describe('openclaw app dashboard | extension rows', () => {
  test('appends a Loki row after the built-in sections with the DS_LOKI datasource', () => {
    const cron: DashboardRowSpec = {
      title: 'Cron Jobs',
      panels: [
        {
          title: 'Cron runs by status',
          kind: 'timeseries',
          unit: 'short',
          sources: [],
          note: 'from the cron run log in Loki',
          targets: [{ expr: cronRunsByStatusQuery(), legend: '{{status}}', language: 'logql' }],
        },
      ],
    };
    const extended = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer, extraRows: [cron] });
    expect(checkDashboardRows(extended.rows, namer)).toEqual([]);
    const model = JSON.parse(renderDashboardJson(extended.model)) as DashboardJson;
    expect([...panelsByRow(model).keys()].at(-1)).toBe('Cron Jobs');
    const panel = model.panels.at(-1);
    expect(panel?.datasource).toEqual({ type: 'loki', uid: '${DS_LOKI}' });
    expect(panel?.targets?.[0]?.datasource).toEqual({ type: 'loki', uid: '${DS_LOKI}' });
    expect(panel?.targets?.[0]?.refId).toBe('A');
  });

  test('fails for a Loki query with an unknown stream label', () => {
    const cron: DashboardRowSpec = {
      title: 'Cron Jobs',
      panels: [
        {
          title: 'Bad cron panel',
          kind: 'timeseries',
          unit: 'short',
          sources: [],
          note: 'n',
          targets: [{ expr: 'count_over_time({no_such_label="x"}[5m])', legend: 'x', language: 'logql' }],
        },
      ],
    };
    expect(checkDashboardRows([cron], namer).join('\n')).toMatch(/Bad cron panel.*no_such_label/);
  });
});

describe('refIdFor', () => {
  test('counts A..Z then AA', () => {
    expect([0, 1, 25, 26, 27].map(refIdFor)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});

describe('openclaw app dashboard | grafana compatibility', () => {
  test('uses the schema version of lolice dashboards, which Grafana 12.1 migrates forward', () => {
    const dashboard = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer: metricNamer() });
    expect(dashboard.model.schemaVersion).toBe(39);
  });
});
