/**
 * The "OpenClaw Application Metrics" Grafana dashboard (uid `openclaw-app-metrics`), built with
 * `@grafana/grafana-foundation-sdk` from the specs in `dashboard-queries.ts`, and the checks that
 * every query parses and names only what the catalog says Prometheus stores.
 *
 * Conventions of lolice's dashboards (docs/FACTS.md (lolice and arch)): datasource refs through the
 * `DS_PROMETHEUS` / `DS_LOKI` variables, timezone JST, last 6 h, shared crosshair, editable.
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  Dashboard,
  DashboardCursorSync,
  DashboardBuilder,
  DatasourceVariableBuilder,
  RowBuilder,
  VariableHide,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder as LokiQueryBuilder } from '@grafana/grafana-foundation-sdk/loki';
import {
  DataqueryBuilder as PrometheusQueryBuilder,
  QueryEditorMode,
} from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { DashboardPanelSpec, DashboardQueryLanguage, DashboardRowSpec, openClawAppRows } from './dashboard-queries';
import { checkLogQL } from '../../query/logql';
import { attributeKeysOf, OpenClawMetric } from '../../telemetry/metric-catalog';
import type { MetricNamer } from '../../telemetry/otlp-prometheus-naming';
import { checkPromQL, createQueryBuilder } from '../../query/promql';
import { compareText } from '../../core/compare-text';

/** Stable uid: Grafana keys provisioned dashboards by it. */
export const OPENCLAW_APP_DASHBOARD_UID = 'openclaw-app-metrics';

/** Dashboard title (the change in docs/FACTS.md). */
export const OPENCLAW_APP_DASHBOARD_TITLE = 'OpenClaw Application Metrics';

/** The datasource variables every query goes through. */
export const DATASOURCE_VARIABLES = { prometheus: 'DS_PROMETHEUS', loki: 'DS_LOKI' } as const;

/** Grafana datasource UIDs the variables default to. */
export interface DashboardDatasourceUids {
  /** UID of the Prometheus datasource. */
  readonly prometheus: string;
  /** UID of the Loki datasource. */
  readonly loki: string;
}

/** What a panel shows when a query returns nothing: never a number that looks healthy. */
export const NO_DATA_TEXT = 'no data — run `npm run verify -- --prometheus URL`';

/** Props of {@link buildOpenClawAppDashboard}. */
export interface OpenClawAppDashboardProps {
  /** Names under the configured translation strategy (`metricNamer(settings)`). */
  readonly namer: MetricNamer;
  /**
   * Defaults of the datasource variables.
   */
  readonly datasources: DashboardDatasourceUids;
  /**
   * Rows appended after the built-in sections (the extension point for the Loki-based Cron Jobs
   * and webhook delivery rows). Their queries are checked like the built-in ones.
   * @default []
   */
  readonly extraRows?: readonly DashboardRowSpec[];
}

/** One query of the dashboard, located by row, panel and refId (for messages and tests). */
export interface DashboardQueryRef {
  readonly row: string;
  readonly panel: string;
  readonly refId: string;
  readonly language: DashboardQueryLanguage;
  readonly expr: string;
  readonly legend: string;
}

/** The dashboard: specs, every query, and the Grafana JSON model. */
export interface OpenClawAppDashboard {
  /** Every row in display order (built-in sections, then extra rows). */
  readonly rows: readonly DashboardRowSpec[];
  /** Every query in display order. */
  readonly queries: readonly DashboardQueryRef[];
  /** The classic (v1) dashboard JSON model. */
  readonly model: Dashboard;
}

/** The dashboard schema version lolice's dashboards use (Grafana 12.1 migrates it forward on load). */
export const LOLICE_DASHBOARD_SCHEMA_VERSION = 39;

const GRID_WIDTH = 24;
const PANEL_HEIGHT = 8;
const STAT_HEIGHT = 8;

/** `A`, `B`, ..., `Z`, `AA`, ... for target index 0, 1, ... */
export function refIdFor(index: number): string {
  let value = index;
  let id = '';
  do {
    id = String.fromCharCode(65 + (value % 26)) + id;
    value = Math.floor(value / 26) - 1;
  } while (value >= 0);
  return id;
}

function datasourceRef(language: DashboardQueryLanguage): { type: string; uid: string } {
  return language === 'logql'
    ? { type: 'loki', uid: `\${${DATASOURCE_VARIABLES.loki}}` }
    : { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLES.prometheus}}` };
}

/**
 * The panel description: the panel's note, then for each source metric its OTLP instrument,
 * the Prometheus name under the configured strategy, its attributes and when OpenClaw records it.
 */
export function panelDescription(spec: DashboardPanelSpec, namer: MetricNamer): string {
  const sources = spec.sources.map((metric: OpenClawMetric) => {
    const names = namer.seriesNames(metric);
    const stored = names.histogram === undefined ? names.family : `${names.family}_{bucket,sum,count}`;
    const attributes = attributeKeysOf(metric);
    const labelText =
      attributes.length === 0
        ? 'no attributes'
        : `attributes ${attributes.map((key) => `${key} (label ${namer.labelName(key)})`).join(', ')}`;
    return (
      `Source: OTLP ${metric.instrument.toLowerCase()} ${metric.name} (unit "` +
      `${metric.unit}"), stored as ${stored}; ${labelText}; recorded ` +
      `${metric.recordedWhen}.`
    );
  });
  return [spec.note, ...sources].join('\n\n');
}

/**
 * Checks every query of every row: PromQL targets with {@link checkPromQL} (Grafana macros
 * substituted, names checked against the catalog under `namer`'s strategy), LogQL targets with
 * `checkLogQL`. Also rejects panels without targets, legends or sources. Returns one message per
 * problem, naming the row, the panel and the refId; empty when everything is fine.
 */
export function checkDashboardRows(rows: readonly DashboardRowSpec[], namer: MetricNamer): string[] {
  const problems: string[] = [];
  const titles = new Set<string>();
  for (const row of rows) {
    for (const panel of row.panels) {
      const where = `dashboard ${OPENCLAW_APP_DASHBOARD_UID} row "${row.title}" panel "${panel.title}"`;
      if (titles.has(panel.title)) {
        problems.push(`${where}: the title is used by another panel too; give every panel a unique title`);
      }
      titles.add(panel.title);
      if (panel.targets.length === 0) {
        problems.push(`${where}: received no targets, expected at least one query; add a target`);
      }
      const usesPrometheus = panel.targets.some((t) => (t.language ?? 'promql') === 'promql');
      if (usesPrometheus && panel.sources.length === 0) {
        problems.push(
          `${where}: received no source metrics, expected the catalog metrics it ` +
            `reads; set sources so the description says where the number comes from`,
        );
      }
      panel.targets.forEach((target, index) => {
        const refId = refIdFor(index);
        const at = `${where} query ${refId}`;
        if (target.legend.trim() === '') {
          problems.push(
            `${at}: received an empty legend, expected a legend format such as "{{label}}" or "p95"; set legend`,
          );
        }
        if ((target.language ?? 'promql') === 'logql') {
          for (const problem of checkLogQL(target.expr, { name: at }).problems) problems.push(problem.message);
          return;
        }
        const result = checkPromQL(target.expr, namer, { name: `${row.title} / ${panel.title} / ${refId}` });
        for (const error of result.errors) {
          problems.push(
            `${at}: ${error}; build the query from METRICS/ATTR with ` +
              `createQueryBuilder(metricNamer(settings)) instead of typing names`,
          );
        }
      });
    }
  }
  return problems;
}

function applyCommon<T extends TimeseriesPanelBuilder | StatPanelBuilder>(
  builder: T,
  spec: DashboardPanelSpec,
  id: number,
  gridPos: { x: number; y: number; w: number; h: number },
  namer: MetricNamer,
): T {
  const languages = new Set(spec.targets.map((t) => t.language ?? 'promql'));
  builder
    .id(id)
    .title(spec.title)
    .description(panelDescription(spec, namer))
    .gridPos(gridPos)
    .unit(spec.unit)
    .min(spec.min ?? 0)
    .noValue(NO_DATA_TEXT);
  if (spec.max !== undefined) builder.max(spec.max);
  if (languages.size === 1) builder.datasource(datasourceRef([...languages][0] as DashboardQueryLanguage));
  spec.targets.forEach((target, index) => {
    const language = target.language ?? 'promql';
    const instant = spec.kind === 'stat';
    if (language === 'logql') {
      builder.withTarget(
        new LokiQueryBuilder()
          .datasource(datasourceRef(language))
          .expr(target.expr)
          .legendFormat(target.legend)
          .refId(refIdFor(index)),
      );
      return;
    }
    const query = new PrometheusQueryBuilder()
      .datasource(datasourceRef(language))
      .editorMode(QueryEditorMode.Code)
      .expr(target.expr)
      .legendFormat(target.legend)
      .refId(refIdFor(index));
    builder.withTarget(instant ? query.instant() : query.range());
  });
  return builder;
}

function panelBuilder(
  spec: DashboardPanelSpec,
  id: number,
  gridPos: { x: number; y: number; w: number; h: number },
  namer: MetricNamer,
): TimeseriesPanelBuilder | StatPanelBuilder {
  if (spec.kind === 'stat') {
    return applyCommon(
      new StatPanelBuilder()
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
        .graphMode(common.BigValueGraphMode.None)
        .colorMode(common.BigValueColorMode.None)
        .textMode(common.BigValueTextMode.Value),
      spec,
      id,
      gridPos,
      namer,
    );
  }
  const builder = new TimeseriesPanelBuilder()
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(common.LegendDisplayMode.List)
        .placement(common.LegendPlacement.Bottom)
        .calcs([]),
    )
    .tooltip(
      new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending),
    )
    .drawStyle(common.GraphDrawStyle.Line)
    .lineWidth(1)
    .fillOpacity(10)
    .showPoints(common.VisibilityMode.Never)
    .spanNulls(false);
  if (spec.axisLabel !== undefined) builder.axisLabel(spec.axisLabel);
  return applyCommon(builder, spec, id, gridPos, namer);
}

/**
 * Builds the dashboard. Throws nothing about queries: call {@link checkDashboardRows} (the
 * provisioning construct does so in `node.addValidation`, so a bad query fails synth).
 */
export function buildOpenClawAppDashboard(props: OpenClawAppDashboardProps): OpenClawAppDashboard {
  const datasources = props.datasources;
  const q = createQueryBuilder(props.namer);
  const rows = [...openClawAppRows(q), ...(props.extraRows ?? [])];

  const dashboard = new DashboardBuilder(OPENCLAW_APP_DASHBOARD_TITLE)
    .uid(OPENCLAW_APP_DASHBOARD_UID)
    .description(
      'OpenClaw diagnostics-otel metrics pushed over OTLP to Prometheus. Empty ' +
        'panels mean no data, never zero: run `npm run verify -- --prometheus ' +
        'URL` to see which metrics are missing and why. Generated by ' +
        'openclaw-ops; edit the code, not this JSON.',
    )
    .tags(['openclaw', 'otel', 'usage'])
    .timezone('JST')
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .tooltip(DashboardCursorSync.Crosshair)
    .editable()
    .withVariable(
      new DatasourceVariableBuilder(DATASOURCE_VARIABLES.prometheus)
        .label('Prometheus')
        .type('prometheus')
        .hide(VariableHide.DontHide)
        .current({ text: 'prometheus', value: datasources.prometheus }),
    )
    .withVariable(
      new DatasourceVariableBuilder(DATASOURCE_VARIABLES.loki)
        .label('Loki')
        .type('loki')
        .hide(VariableHide.DontHide)
        .current({ text: 'Loki', value: datasources.loki }),
    );

  let id = 1;
  let y = 0;
  const queries: DashboardQueryRef[] = [];
  for (const row of rows) {
    dashboard.withRow(new RowBuilder(row.title).id(id++).gridPos({ x: 0, y, w: GRID_WIDTH, h: 1 }));
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const spec of row.panels) {
      const w = spec.width ?? (spec.kind === 'stat' ? 6 : 12);
      const h = spec.kind === 'stat' ? STAT_HEIGHT : PANEL_HEIGHT;
      if (x + w > GRID_WIDTH) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      dashboard.withPanel(panelBuilder(spec, id++, { x, y, w, h }, props.namer));
      x += w;
      rowHeight = Math.max(rowHeight, h);
      spec.targets.forEach((target, index) => {
        queries.push({
          row: row.title,
          panel: spec.title,
          refId: refIdFor(index),
          language: target.language ?? 'promql',
          expr: target.expr,
          legend: target.legend,
        });
      });
    }
    y += rowHeight;
  }
  // The SDK stamps schemaVersion 42 (Grafana ≥ 12.2); lolice runs Grafana 12.1 and its dashboards
  // use 39. Grafana migrates older schema versions forward on load, never newer ones back.
  const model: Dashboard = { ...dashboard.build(), schemaVersion: LOLICE_DASHBOARD_SCHEMA_VERSION };
  return { rows, queries, model };
}

/** Returns a copy of a JSON value with object keys sorted (arrays keep their order). */
export function sortJsonKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortJsonKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareText(a, b));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortJsonKeys(v)]));
  }
  return value;
}

/** The dashboard JSON as provisioned: sorted keys, 2-space indent, trailing newline. */
export function renderDashboardJson(model: Dashboard): string {
  return `${JSON.stringify(sortJsonKeys(model), null, 2)}\n`;
}
