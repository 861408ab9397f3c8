import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AlertRule, assertAlertRules, checkAlertRule } from '../../../lib/observability/alerting/alert-rule';
import { DEFAULT_ALERT_THRESHOLDS, resolveAlertingConfig } from '../../../lib/observability/alerting/alerting-config';
import { loliceConfig } from '../../../config/lolice';
import { OPENCLAW_ALERT_NAMES, openClawAlertRules } from '../../../lib/observability/alerting/openclaw-alert-rules';
import { checkLogQL } from '../../../lib/query/logql';
import { RUN_LOG_SHIPPER_CONTAINER } from '../../../lib/telemetry/loki-streams';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { evaluateAlert, LogStream, shipOnce } from '../../support/logql-evaluator';
import { OPENCLAW_POD_LABELS } from '../../support/mini-loki';

const namer = metricNamer();
const DATASOURCES = loliceConfig.telemetry.datasources;
const GATEWAY = { namespace: 'openclaw', deployment: 'openclaw' };
const rulesWith = (thresholds = {}): readonly AlertRule[] =>
  openClawAlertRules(resolveAlertingConfig({ ...loliceConfig.alerting, thresholds }, DATASOURCES), namer, GATEWAY);
const byName = (rules: readonly AlertRule[], name: string): AlertRule => {
  const rule = rules.find((r) => r.name === name);
  if (!rule) throw new Error(`no rule ${name}`);
  return rule;
};

describe('the OpenClaw alert rules', () => {
  const rules = rulesWith();

  it('has the six alerts of the issue, each with summary, description, severity and runbook', () => {
    expect(rules.map((r) => r.name)).toEqual(Object.values(OPENCLAW_ALERT_NAMES).sort());
    for (const rule of rules) {
      expect(rule.summary, rule.name).not.toBe('');
      expect(rule.description, rule.name).not.toBe('');
      expect(rule.runbook, rule.name).not.toBe('');
      expect(['critical', 'warning']).toContain(rule.severity);
    }
    expect(rules.filter((r) => r.language === 'logql').map((r) => r.name)).toEqual([
      'OpenClawCronJobFailingRepeatedly',
      'OpenClawCronWebhookBlockedBySsrfGuard',
      'OpenClawCronWebhookDeliveryFailed',
    ]);
  });

  it('passes every synth check: PromQL names against the catalog, LogQL against Alloy labels', () => {
    for (const rule of rules) expect(checkAlertRule(rule, namer), rule.name).toEqual([]);
    expect(() => assertAlertRules(rules, namer)).not.toThrow();
    for (const rule of rules.filter((r) => r.language === 'logql')) {
      expect(checkLogQL(rule.expr).streamLabels, rule.name).toEqual(['container', 'namespace']);
    }
  });

  it('takes metric names from the configured translation strategy', () => {
    const tokens = byName(rules, OPENCLAW_ALERT_NAMES.tokenUsageAnomaly);
    expect(tokens.expr).toContain('openclaw_tokens_total{openclaw_token="total"}[1h]');
    expect(byName(rules, OPENCLAW_ALERT_NAMES.costBudget).expr).toBe(
      'sum (increase(openclaw_cost_usd_total[24h])) > 10',
    );
    expect(byName(rules, OPENCLAW_ALERT_NAMES.telemetryAbsent).expr).toBe(
      'absent_over_time(openclaw_queue_depth_count[15m]) and on () (kube_deployment_status_replicas_available{namespace="openclaw", deployment="openclaw"} > 0)',
    );
    const noSuffix = openClawAlertRules(
      resolveAlertingConfig(loliceConfig.alerting, DATASOURCES),
      metricNamer({
        prometheusVersion: '3.6.0',
        operatorVersion: '0.86.0',
        translationStrategy: 'UnderscoreEscapingWithoutSuffixes',
      }),
      GATEWAY,
    );
    expect(byName(noSuffix, OPENCLAW_ALERT_NAMES.costBudget).expr).toContain('openclaw_cost_usd[24h]');
  });

  it('puts the thresholds from config into the expressions', () => {
    const tuned = rulesWith({
      dailyCostBudgetUsd: 3.5,
      cronFailuresPerJob: 5,
      cronFailureWindow: '12h',
      tokenAnomalyFactor: 8,
      tokenAnomalyFloorPerHour: 1000,
    });
    expect(byName(tuned, OPENCLAW_ALERT_NAMES.costBudget).expr).toMatch(/> 3\.5$/);
    expect(byName(tuned, OPENCLAW_ALERT_NAMES.cronJobFailing).expr).toMatch(/\[12h\]\)\) >= 5$/);
    expect(byName(tuned, OPENCLAW_ALERT_NAMES.tokenUsageAnomaly).expr).toContain('> 8 * sum(rate(');
    expect(byName(tuned, OPENCLAW_ALERT_NAMES.tokenUsageAnomaly).expr).toContain('* 3600 > 1000)');
  });

  it('fails on a metric name the catalog does not know', () => {
    const bad: AlertRule = {
      ...byName(rules, OPENCLAW_ALERT_NAMES.costBudget),
      expr: 'sum(increase(openclaw_cost_usd[24h])) > 1',
    };
    expect(checkAlertRule(bad, namer).join('\n')).toMatch(/unknown metric "openclaw_cost_usd"/);
    expect(() => assertAlertRules([bad], namer)).toThrow(/1 alert rule problem/);
  });

  it('fails on a kube-state-metrics label that does not exist', () => {
    const rule = byName(rules, OPENCLAW_ALERT_NAMES.telemetryAbsent);
    const bad: AlertRule = { ...rule, expr: rule.expr.replace('deployment=', 'app=') };
    expect(checkAlertRule(bad, namer).join('\n')).toMatch(
      /unknown label "app" on kube-state-metrics metric "kube_deployment_status_replicas_available"/,
    );
  });

  it('fails on a LogQL stream label Alloy never sets and on duplicate names', () => {
    const rule = byName(rules, OPENCLAW_ALERT_NAMES.cronJobFailing);
    const bad: AlertRule = { ...rule, expr: rule.expr.replace('container="cron-run-log"', 'app="openclaw"') };
    expect(checkAlertRule(bad, namer).join('\n')).toMatch(/app/);
    expect(() => assertAlertRules([rule, rule], namer)).toThrow(/declared twice/);
  });

  it('fails on bad threshold config, saying what it received', () => {
    expect(() =>
      resolveAlertingConfig({ ...loliceConfig.alerting, thresholds: { dailyCostBudgetUsd: 0 } }, DATASOURCES),
    ).toThrow(/dailyCostBudgetUsd: received 0, expected a finite number above 0/);
    expect(() =>
      resolveAlertingConfig({ ...loliceConfig.alerting, thresholds: { cronFailureWindow: '6 hours' } }, DATASOURCES),
    ).toThrow(/cronFailureWindow: received "6 hours"/);
    expect(() =>
      resolveAlertingConfig({ ...loliceConfig.alerting, thresholds: { tokenBaselineWindow: '30m' } }, DATASOURCES),
    ).toThrow(/longer than tokenRateWindow/);
    expect(() => resolveAlertingConfig({ ...loliceConfig.alerting, contactPoint: ' ' }, DATASOURCES)).toThrow(
      /contactPoint/,
    );
    expect(resolveAlertingConfig(loliceConfig.alerting, DATASOURCES).thresholds).toEqual(DEFAULT_ALERT_THRESHOLDS);
  });
});

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'openclaw-logs');
const POD = OPENCLAW_POD_LABELS;
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the real shipper once over a run-log dir and a gateway-log dir; returns the shipper stream with Loki-like timestamps. */
function shipperStream(runsDir: string, gatewayDir: string): LogStream {
  return { labels: { ...POD, container: RUN_LOG_SHIPPER_CONTAINER }, lines: shipOnce(runsDir, gatewayDir) };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alert-fixture-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const at = (iso: string): number => Date.parse(iso);
const FAILING_JOB = '0badc0de-0000-4000-8000-000000000001';

describe('LogQL alerts over the fixture log lines (mini evaluator)', () => {
  const rules = rulesWith();
  const fixtureGatewayLog = fs.readFileSync(path.join(FIXTURES, 'gateway-file', 'openclaw-2026-02-19.log'), 'utf8');
  const cleanGatewayLog = fixtureGatewayLog
    .split('\n')
    .filter((line) => !line.includes('cron: webhook delivery'))
    .join('\n');
  let failing: LogStream[];
  let clean: LogStream[];
  let failingJobRuns: LogStream[];

  beforeAll(() => {
    failing = [shipperStream(path.join(FIXTURES, 'runs'), path.join(FIXTURES, 'gateway-file'))];
    clean = [shipperStream(path.join(FIXTURES, 'runs'), tempDir({ 'openclaw-2026-02-19.log': cleanGatewayLog }))];
    const base = at('2026-02-19T06:00:00.000Z');
    const run = (hour: number, status: string): string =>
      JSON.stringify({
        ts: base + hour * 3_600_000,
        jobId: FAILING_JOB,
        action: 'finished',
        status,
        ...(status === 'error' ? { error: 'model not found' } : {}),
        durationMs: 1200,
      });
    failingJobRuns = [
      shipperStream(
        tempDir({
          [`${FAILING_JOB}.jsonl`]: [run(0, 'ok'), run(1, 'error'), run(2, 'error'), run(3, 'error')].join('\n') + '\n',
        }),
        tempDir({}),
      ),
    ];
  });

  it('the fixtures really contain what the alerts look for (and the clean variant does not)', () => {
    expect(failing[0]?.lines.filter((l) => l.line.includes('"kind":"gateway_log"')).length).toBeGreaterThanOrEqual(4);
    expect(clean[0]?.lines.some((l) => l.line.includes('webhook delivery'))).toBe(false);
  });

  it('OpenClawCronWebhookDeliveryFailed fires within its window after a failed POST and stays quiet otherwise', () => {
    const rule = byName(rules, OPENCLAW_ALERT_NAMES.webhookDeliveryFailed);
    const firing = evaluateAlert(rule.expr, failing, at('2026-02-19T09:10:00Z'));
    expect(firing).toEqual([{ labels: { jobId: '6f1c9a52-3b7e-4d2a-9c41-2e8f5a7b0d13' }, value: 1 }]);
    expect(evaluateAlert(rule.expr, failing, at('2026-02-19T10:00:00Z'))).toEqual([]);
    expect(evaluateAlert(rule.expr, clean, at('2026-02-19T09:10:00Z'))).toEqual([]);
    expect(evaluateAlert(rule.expr, clean, at('2026-02-19T11:05:00Z'))).toEqual([]);
  });

  it('OpenClawCronWebhookBlockedBySsrfGuard fires on the blocked POSTs and not on other warnings', () => {
    const rule = byName(rules, OPENCLAW_ALERT_NAMES.webhookBlockedBySsrfGuard);
    const firing = evaluateAlert(rule.expr, failing, at('2026-02-19T09:50:00Z'));
    expect(firing).toHaveLength(1);
    expect(firing[0]?.labels.jobId).toBeTruthy();
    expect(firing[0]?.value).toBe(1); // 09:45 only: the 09:30 block left the 15m window
    expect(evaluateAlert(rule.expr, failing, at('2026-02-19T09:31:00Z'))).toHaveLength(1);
    // 11:00 has a delivery failure but no SSRF block
    expect(evaluateAlert(rule.expr, failing, at('2026-02-19T11:05:00Z'))).toEqual([]);
    expect(evaluateAlert(rule.expr, clean, at('2026-02-19T09:50:00Z'))).toEqual([]);
  });

  it('OpenClawCronJobFailingRepeatedly fires on three errors in 6h and stays quiet on the fixtures (one error per job)', () => {
    const rule = byName(rules, OPENCLAW_ALERT_NAMES.cronJobFailing);
    expect(evaluateAlert(rule.expr, failingJobRuns, at('2026-02-19T09:30:00Z'))).toEqual([
      { labels: { jobId: FAILING_JOB }, value: 3 },
    ]);
    // two errors only (the 07:00 one left the 6h window)
    expect(evaluateAlert(rule.expr, failingJobRuns, at('2026-02-19T13:30:00Z'))).toEqual([]);
    for (const hour of ['08', '10', '12', '14']) {
      expect(evaluateAlert(rule.expr, failing, at(`2026-02-19T${hour}:00:00Z`)), hour).toEqual([]);
    }
    const sensitive = byName(rulesWith({ cronFailuresPerJob: 1 }), OPENCLAW_ALERT_NAMES.cronJobFailing);
    expect(evaluateAlert(sensitive.expr, failing, at('2026-02-19T11:00:00Z')).map((s) => s.labels.jobId)).toEqual([
      '6f1c9a52-3b7e-4d2a-9c41-2e8f5a7b0d13',
      'a8d2e4f6-1c3b-4e5a-8f7d-9b0c1d2e3f40',
    ]);
  });

  it('fails loudly on an expression shape the evaluator does not know (so a changed builder is noticed)', () => {
    expect(() => evaluateAlert('rate({namespace="openclaw"}[5m])', failing, 0)).toThrow(/unsupported range op Rate/);
  });
});
