import { parseAllDocuments } from 'yaml';
import { alertRunbookMarkdown } from '../../../lib/observability/alerting/alert-runbook';
import { loliceConfig } from '../../../config/lolice';
import type { AlertRule } from '../../../lib/observability/alerting/alert-rule';
import { buildApp, renderLolice } from '../../support/openclaw-ops-harness';
import { LOLICE_PATHS } from '../../../config/lolice-paths';

describe('alert runbook |', () => {
  const tree = renderLolice();
  const runbook = tree.get(LOLICE_PATHS.alertRunbook) ?? '';

  it('is written into lolice next to the gateway files', () => {
    expect(runbook).toMatch(/^# OpenClaw alerts: runbook\n/);
  });

  it('has a section for every alert, and every runbook_url points at an existing heading', () => {
    const rulesFile = tree.get('argoproj/prometheus-operator/openclaw-rules.yaml') ?? '';
    const grafanaFile =
      tree.get('argoproj/prometheus-operator/components/openclaw-alerting/configmap-grafana-alerting-openclaw.yaml') ??
      '';
    const urls = [...`${rulesFile}\n${grafanaFile}`.matchAll(/runbook_url: (\S+)/g)].map((m) => m[1]);
    const app = buildApp();
    expect(urls.length).toBe(
      app.alerting.rules.filter((r) => r.language === 'promql').length + app.alerting.rules.length,
    );
    const headings = new Set([...runbook.matchAll(/^## (\S+)$/gm)].map((m) => m[1].toLowerCase()));
    for (const url of urls) {
      const [base, anchor] = url.split('#');
      expect(base).toBe(loliceConfig.alerting.runbookBaseUrl);
      expect(headings.has(anchor), `${anchor} has a heading`).toBe(true);
    }
    expect(headings.size).toBe(app.alerting.rules.length);
  });

  it('shows each expression and threshold, with label templates as placeholders', () => {
    const app = buildApp();
    for (const rule of app.alerting.rules) {
      expect(runbook).toContain(rule.expr);
      expect(runbook).toContain(`Threshold: ${rule.threshold}.`);
    }
    expect(runbook).not.toContain('{{');
    expect(parseAllDocuments(tree.get('argoproj/prometheus-operator/openclaw-rules.yaml') ?? '')).toHaveLength(1);
  });

  it('fails when a rule anchor does not match its heading', () => {
    const [rule] = buildApp().alerting.rules;
    const broken: AlertRule = { ...rule, runbookAnchor: 'somewhere-else' };
    expect(() => alertRunbookMarkdown([broken], { contactPoint: 'x' })).toThrow(
      `alert ${rule.name}: runbook anchor "somewhere-else" does not match its runbook heading: expected "${rule.name.toLowerCase()}"`,
    );
  });
});
