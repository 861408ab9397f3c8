import { cronDashboardRows } from '../../../lib/observability/dashboard/cron-dashboard-rows';
import { checkLogQL } from '../../../lib/query/logql';
import {
  buildOpenClawAppDashboard,
  checkDashboardRows,
} from '../../../lib/observability/dashboard/openclaw-app-dashboard';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { loliceConfig } from '../../../config/lolice';

const DATASOURCES = loliceConfig.telemetry.datasources;

const namer = metricNamer();

describe('Cron Jobs and webhook delivery panels (Loki)', () => {
  const rows = cronDashboardRows();
  const panels = rows.flatMap((row) => row.panels.map((panel) => ({ row: row.title, ...panel })));

  it('has the two cron rows with their panels', () => {
    expect(rows.map((r) => r.title)).toEqual(['Cron Jobs', 'Cron Webhook Delivery']);
    expect(panels.map((p) => p.title)).toEqual([
      'Cron runs by status per job',
      'Cron run duration per job',
      'Cron input / output tokens per job and model',
      'Cron prompt size per job and model (OpenClaw "total_tokens")',
      'Cron webhook delivery failures per job',
      'Cron webhooks blocked by the SSRF guard',
    ]);
  });

  it('every query is LogQL that parses and selects only labels Alloy sets', () => {
    for (const panel of panels) {
      for (const target of panel.targets) {
        expect(target.language, panel.title).toBe('logql');
        const result = checkLogQL(target.expr, { name: panel.title });
        expect(result.problems, `${panel.title}: ${target.expr}`).toEqual([]);
        expect(result.streamLabels.every((l) => ['container', 'namespace'].includes(l))).toBe(true);
      }
    }
  });

  it('groups runs by job and status, duration by job, tokens by job and model', () => {
    const exprOf = (title: string): string[] => panels.find((p) => p.title === title)?.targets.map((t) => t.expr) ?? [];
    expect(exprOf('Cron runs by status per job')[0]).toMatch(/^sum by \(jobId, status\)/);
    expect(exprOf('Cron run duration per job').every((e) => e.endsWith('by (jobId)'))).toBe(true);
    const tokens = exprOf('Cron input / output tokens per job and model');
    expect(tokens.map((e) => /unwrap (\w+)/.exec(e)?.[1])).toEqual(['usage_input_tokens', 'usage_output_tokens']);
    expect(tokens.every((e) => e.startsWith('sum by (jobId, model)'))).toBe(true);
  });

  it('labels total_tokens honestly: a separate panel that says it is the prompt size, not input + output', () => {
    const input = panels.find((p) => p.title.startsWith('Cron input / output'));
    expect(input?.targets.some((t) => t.expr.includes('usage_total_tokens'))).toBe(false);
    const total = panels.find((p) => p.title.includes('total_tokens'));
    expect(total?.targets.map((t) => /unwrap (\w+)/.exec(t.expr)?.[1])).toEqual(['usage_total_tokens']);
    expect(total?.note).toMatch(/prompt\/context size/);
    expect(total?.note).toMatch(/NOT input \+ output/);
    expect(total?.targets[0]?.legend).toMatch(/prompt size/);
  });

  it('the webhook row counts the gateway file-log warnings per job and the SSRF refusals', () => {
    const failures = panels.find((p) => p.title === 'Cron webhook delivery failures per job');
    expect(failures?.targets[0]?.expr).toContain('msg="cron: webhook delivery failed"');
    const blocked = panels.find((p) => p.title === 'Cron webhooks blocked by the SSRF guard');
    expect(blocked?.targets[0]?.expr).toContain('msg="cron: webhook delivery blocked by SSRF guard"');
    expect(blocked?.targets[1]?.expr).toContain('{namespace="openclaw", container="openclaw"}');
  });

  it('plugs into the dashboard through extraRows and passes its checks', () => {
    expect(checkDashboardRows(rows, namer)).toEqual([]);
    const dashboard = buildOpenClawAppDashboard({ datasources: DATASOURCES, namer, extraRows: rows });
    const titles = dashboard.rows.map((r) => r.title);
    expect(titles.slice(-2)).toEqual(['Cron Jobs', 'Cron Webhook Delivery']);
    const json = JSON.stringify(dashboard.model);
    expect(json).toContain('container=\\"cron-run-log\\"');
  });

  it('applies a jobId variable filter to the per-job queries', () => {
    const filtered = cronDashboardRows({ jobIdRegex: '${jobId:regex}', range: '$__interval' });
    const runs = filtered[0]?.panels[0]?.targets[0]?.expr ?? '';
    expect(runs).toContain('| jobId=~`${jobId:regex}`');
    expect(runs).toContain('[$__interval]');
    expect(checkLogQL(runs).problems).toEqual([]);
  });

  it('fails on a range that is not a duration or macro', () => {
    expect(() => cronDashboardRows({ range: 'five minutes' })).toThrow(/not a LogQL duration or Grafana macro/);
  });
});
