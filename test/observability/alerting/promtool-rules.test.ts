import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { resolveAlertingConfig } from '../../../lib/observability/alerting/alerting-config';
import { loliceConfig } from '../../../config/lolice';
import { OPENCLAW_ALERT_NAMES, openClawAlertRules } from '../../../lib/observability/alerting/openclaw-alert-rules';
import {
  PrometheusAlertingRule,
  PrometheusRuleGroup,
  prometheusRuleGroups,
} from '../../../lib/observability/alerting/prometheus-rule';
import { ATTR, METRICS } from '../../../lib/telemetry/metric-catalog';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { toolPath } from '../../support/provision/tool-path';

// promtool (Debian prometheus 2.42) checks and unit-tests the `spec.groups` of the PrometheusRule.
// Input series are named by the namer of the configured translation strategy, never by hand.

const namer = metricNamer();
const config = resolveAlertingConfig(loliceConfig.alerting, loliceConfig.telemetry.datasources);
const rules = openClawAlertRules(config, namer, { namespace: 'openclaw', deployment: 'openclaw' });
const groups = prometheusRuleGroups(rules, {
  topic: 'openclaw',
  interval: config.evaluationInterval,
  runbookBaseUrl: config.runbookBaseUrl,
});
const ruleByName = (name: string): PrometheusAlertingRule => {
  const rule = groups.flatMap((g) => g.rules).find((r) => r.alert === name);
  if (!rule) throw new Error(`no prometheus rule ${name}`);
  return rule;
};

const label = (key: string): string => namer.labelName(key);
const usageLabels = `${label(ATTR.channel)}="discord", ${label(ATTR.provider)}="litellm", ${label(ATTR.model)}="anthropic/claude-sonnet-4-5", job="openclaw", instance="gw-1"`;
const tokensTotal = `${namer.metricName(METRICS.tokens)}{${usageLabels}, ${label(ATTR.token)}="total"}`;
const costTotal = `${namer.metricName(METRICS.costUsd)}{${usageLabels}}`;
const heartbeat = `${namer.seriesName(METRICS.queueDepth, 'count')}{${label(ATTR.channel)}="heartbeat", job="openclaw", instance="gw-1"}`;
const gatewayAvailable = (value: string): { series: string; values: string } => ({
  series:
    'kube_deployment_status_replicas_available{namespace="openclaw", deployment="openclaw", job="kube-state-metrics"}',
  values: value,
});

function expected(name: string): { exp_labels: Record<string, string>; exp_annotations: Record<string, string> } {
  const rule = ruleByName(name);
  return { exp_labels: { ...rule.labels }, exp_annotations: { ...rule.annotations } };
}

// The token series are sampled every 15m (4 samples per 1h rate window): 672 steps = 7 days, and
// promtool's 7d rate at each evaluation reads a third of what 5m samples would make it read.
const TOKEN_STEP_MINUTES = 15;
const WEEK_STEPS = (7 * 24 * 60) / TOKEN_STEP_MINUTES;
const TWO_HOURS_STEPS = 120 / TOKEN_STEP_MINUTES;
const AFTER_WEEK = `${WEEK_STEPS * TOKEN_STEP_MINUTES}m`;
const AFTER_WEEK_PLUS_2H = `${(WEEK_STEPS + TWO_HOURS_STEPS) * TOKEN_STEP_MINUTES}m`;
/** A counter growing by `perHour` per hour for `steps` samples, starting at `from`. */
const tokensPerHour = (perHour: number, steps: number, from = 0): string =>
  `${from}+${(perHour * TOKEN_STEP_MINUTES) / 60}x${steps}`;

/** A week at `baselinePerHour`, then two hours at `spikePerHour`. */
function afterAWeek(baselinePerHour: number, spikePerHour: number): string {
  const spikeStep = (spikePerHour * TOKEN_STEP_MINUTES) / 60;
  const weekEnd = ((baselinePerHour * TOKEN_STEP_MINUTES) / 60) * WEEK_STEPS;
  return `${tokensPerHour(baselinePerHour, WEEK_STEPS)} ${weekEnd + spikeStep}+${spikeStep}x${TWO_HOURS_STEPS - 1}`;
}

const unitTests = {
  rule_files: ['rules.yaml'],
  // 5m (the CR says 1m): every `for` is a multiple of 5m. The token cases have their own file below.
  evaluation_interval: '5m',
  tests: [
    {
      name: 'telemetry absent while the gateway runs: fires',
      interval: '1m',
      input_series: [gatewayAvailable('1x60')],
      alert_rule_test: [
        { eval_time: '3m', alertname: OPENCLAW_ALERT_NAMES.telemetryAbsent, exp_alerts: [] },
        {
          eval_time: '30m',
          alertname: OPENCLAW_ALERT_NAMES.telemetryAbsent,
          exp_alerts: [expected(OPENCLAW_ALERT_NAMES.telemetryAbsent)],
        },
      ],
    },
    {
      name: 'telemetry present: quiet; telemetry stops: fires after the window plus for',
      interval: '1m',
      input_series: [gatewayAvailable('1x90'), { series: heartbeat, values: '1+2x30' }],
      alert_rule_test: [
        { eval_time: '20m', alertname: OPENCLAW_ALERT_NAMES.telemetryAbsent, exp_alerts: [] },
        { eval_time: '40m', alertname: OPENCLAW_ALERT_NAMES.telemetryAbsent, exp_alerts: [] },
        {
          eval_time: '60m',
          alertname: OPENCLAW_ALERT_NAMES.telemetryAbsent,
          exp_alerts: [expected(OPENCLAW_ALERT_NAMES.telemetryAbsent)],
        },
      ],
    },
    {
      name: 'gateway scaled to 0 (or no kube-state-metrics series): no telemetry-absent alert',
      interval: '1m',
      input_series: [gatewayAvailable('0x60')],
      alert_rule_test: [{ eval_time: '30m', alertname: OPENCLAW_ALERT_NAMES.telemetryAbsent, exp_alerts: [] }],
    },
    {
      name: 'cost over budget (~28.8 USD in 24h > 10): fires; under budget (~5.8 USD): quiet',
      interval: '5m',
      input_series: [{ series: costTotal, values: '0+0.1x300' }],
      alert_rule_test: [
        {
          eval_time: '24h',
          alertname: OPENCLAW_ALERT_NAMES.costBudget,
          exp_alerts: [expected(OPENCLAW_ALERT_NAMES.costBudget)],
        },
        { eval_time: '2h', alertname: OPENCLAW_ALERT_NAMES.costBudget, exp_alerts: [] },
      ],
    },
    {
      name: 'cost under budget: quiet',
      interval: '5m',
      input_series: [{ series: costTotal, values: '0+0.02x300' }],
      alert_rule_test: [{ eval_time: '24h', alertname: OPENCLAW_ALERT_NAMES.costBudget, exp_alerts: [] }],
    },
  ],
};

function promtool(args: readonly string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(toolPath('promtool'), args, { cwd, encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `promtool is not runnable (${result.error.message}): npm test's setup provisions Debian's prometheus package`,
    );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A week of input evaluated every 5m is 2,000 rule evaluations per case, most of promtool's time; the
 * token anomaly alert has `for: 15m` over a 1h and a 7d window, so evaluating every 15m checks the same.
 */
const tokenTests = {
  rule_files: ['rules.yaml'],
  evaluation_interval: `${TOKEN_STEP_MINUTES}m`,
  tests: [
    {
      name: 'token spike: 600k tokens/h after a week at 12k/h fires',
      interval: `${TOKEN_STEP_MINUTES}m`,
      input_series: [{ series: tokensTotal, values: afterAWeek(12_000, 600_000) }],
      alert_rule_test: [
        { eval_time: AFTER_WEEK, alertname: OPENCLAW_ALERT_NAMES.tokenUsageAnomaly, exp_alerts: [] },
        {
          eval_time: AFTER_WEEK_PLUS_2H,
          alertname: OPENCLAW_ALERT_NAMES.tokenUsageAnomaly,
          exp_alerts: [expected(OPENCLAW_ALERT_NAMES.tokenUsageAnomaly)],
        },
      ],
    },
    {
      name: 'token spike below the absolute floor (10x baseline, 12k/h): quiet',
      interval: `${TOKEN_STEP_MINUTES}m`,
      input_series: [{ series: tokensTotal, values: afterAWeek(1_200, 12_000) }],
      alert_rule_test: [
        { eval_time: AFTER_WEEK_PLUS_2H, alertname: OPENCLAW_ALERT_NAMES.tokenUsageAnomaly, exp_alerts: [] },
      ],
    },
    {
      name: 'steady heavy usage above the floor but at its baseline: quiet',
      interval: `${TOKEN_STEP_MINUTES}m`,
      input_series: [{ series: tokensTotal, values: tokensPerHour(600_000, WEEK_STEPS + TWO_HOURS_STEPS) }],
      alert_rule_test: [
        { eval_time: AFTER_WEEK_PLUS_2H, alertname: OPENCLAW_ALERT_NAMES.tokenUsageAnomaly, exp_alerts: [] },
      ],
    },
  ],
};

/** Writes `spec.groups` as a rule file; the group interval is dropped so the test's evaluation_interval applies. */
function writeRules(dir: string, ruleGroups: readonly PrometheusRuleGroup[]): void {
  const withoutInterval = ruleGroups.map(({ interval: _interval, ...group }) => group);
  fs.writeFileSync(path.join(dir, 'rules.yaml'), YAML.stringify({ groups: withoutInterval }, { lineWidth: 0 }));
}

describe('promtool over the PrometheusRule groups', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-rules-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds exactly the PromQL alerts in group openclaw.rules', () => {
    expect(groups.map((g) => g.name)).toEqual(['openclaw.rules']);
    expect(groups[0]?.rules.map((r) => r.alert)).toEqual([
      OPENCLAW_ALERT_NAMES.costBudget,
      OPENCLAW_ALERT_NAMES.telemetryAbsent,
      OPENCLAW_ALERT_NAMES.tokenUsageAnomaly,
    ]);
  });

  it('promtool check rules accepts them (with the group interval of the CR)', () => {
    fs.writeFileSync(path.join(dir, 'rules.yaml'), YAML.stringify({ groups }, { lineWidth: 0 }));
    const result = promtool(['check', 'rules', 'rules.yaml'], dir);
    expect(result.output).toMatch(/SUCCESS: 3 rules found/);
    expect(result.status).toBe(0);
  });

  it('promtool test rules: each alert fires on its failure and stays quiet otherwise', () => {
    writeRules(dir, groups);
    fs.writeFileSync(path.join(dir, 'tests.yaml'), YAML.stringify(unitTests, { lineWidth: 0 }));
    fs.writeFileSync(path.join(dir, 'token-tests.yaml'), YAML.stringify(tokenTests, { lineWidth: 0 }));
    const result = promtool(['test', 'rules', 'tests.yaml', 'token-tests.yaml'], dir);
    expect(result.output.match(/SUCCESS/g)).toHaveLength(2);
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.status, result.output).toBe(0);
  });

  it('fails the unit tests when a threshold no longer matches the cases (the suite can fail)', () => {
    const loose = openClawAlertRules(
      resolveAlertingConfig(
        { ...loliceConfig.alerting, thresholds: { dailyCostBudgetUsd: 1 } },
        loliceConfig.telemetry.datasources,
      ),
      namer,
      {
        namespace: 'openclaw',
        deployment: 'openclaw',
      },
    );
    const looseGroups = prometheusRuleGroups(loose, {
      topic: 'openclaw',
      interval: '1m',
      runbookBaseUrl: config.runbookBaseUrl,
    });
    const looseDir = fs.mkdtempSync(path.join(dir, 'loose-'));
    writeRules(looseDir, looseGroups);
    const costOnly = { ...unitTests, tests: unitTests.tests.filter((t) => t.name.startsWith('cost')) };
    fs.writeFileSync(path.join(looseDir, 'tests.yaml'), YAML.stringify(costOnly, { lineWidth: 0 }));
    const result = promtool(['test', 'rules', 'tests.yaml'], looseDir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/OpenClawEstimatedCostBudgetExceeded/);
  });

  it('fails promtool check rules on a broken expression', () => {
    const brokenDir = fs.mkdtempSync(path.join(dir, 'broken-'));
    writeRules(brokenDir, [
      {
        name: 'openclaw.rules',
        rules: [{ alert: 'Broken', expr: 'sum(rate(openclaw_tokens_total[5m]', labels: {}, annotations: {} }],
      },
    ]);
    const result = promtool(['check', 'rules', 'rules.yaml'], brokenDir);
    expect(result.status).not.toBe(0);
  });
});
