/** Numbers and durations in the wrong unit or notation. */
import type { MisconfigurationCase, MutableConfig } from '../misconfiguration-case';
import { job } from '../misconfiguration-case';

function every(c: MutableConfig, everyMs: number): void {
  job(c).schedule = { kind: 'every', everyMs };
}

function thresholds(c: MutableConfig): Record<string, unknown> {
  const alerting = c.alerting as { thresholds?: Record<string, unknown> };
  return (alerting.thresholds ??= {});
}

const REFRESH = 'config.externalSecretRefreshInterval';

export const unitSlipCases: readonly MisconfigurationCase[] = [
  {
    id: 'every-30s',
    title: 'everyMs 30000 (30 s)',
    rule: 'cron-every-floor',
    object: 'config.cronJobs[0].schedule.everyMs',
    fix: /write the interval in milliseconds/,
    variant: (c) => every(c, 30_000),
  },
  {
    id: 'every-60-minutes-as-ms',
    title: 'everyMs 60 (meant minutes)',
    rule: 'cron-every-floor',
    object: 'config.cronJobs[0].schedule.everyMs',
    fix: /e\.g\. 3600000 for hourly/,
    variant: (c) => every(c, 60),
  },
  {
    id: 'every-1',
    title: 'everyMs 1',
    rule: 'cron-every-floor',
    object: 'config.cronJobs[0].schedule.everyMs',
    fix: /write the interval in milliseconds/,
    variant: (c) => every(c, 1),
  },
  {
    id: 'every-3600-seconds-as-ms',
    title: 'everyMs 3600 (meant seconds)',
    rule: 'cron-every-floor',
    object: 'config.cronJobs[0].schedule.everyMs',
    fix: /write the interval in milliseconds/,
    variant: (c) => every(c, 3600),
  },
  {
    id: 'timeout-ms-as-seconds',
    title: 'timeoutSeconds 600000 (milliseconds written as seconds)',
    rule: 'cron-timeout-ceiling',
    object: 'payload.timeoutSeconds',
    fix: /fix the unit, or set allowLongTimeout: true/,
    variant: (c) => {
      job(c).payload.timeoutSeconds = 600_000;
    },
  },
  {
    id: 'timeout-two-days',
    title: 'timeoutSeconds of two days without the opt-in',
    rule: 'cron-timeout-ceiling',
    object: 'payload.timeoutSeconds',
    fix: /set allowLongTimeout: true/,
    variant: (c) => {
      job(c).payload.timeoutSeconds = 172_800;
    },
  },
  {
    id: 'long-timeout-opt-in-unused',
    title: 'allowLongTimeout without a long timeout',
    rule: 'cron-timeout-ceiling',
    object: 'allowLongTimeout',
    fix: /remove allowLongTimeout/,
    variant: (c) => {
      job(c).allowLongTimeout = true;
    },
  },
  {
    id: 'cron-six-fields',
    title: 'a 6-field cron expression (seconds first)',
    rule: 'cron-expr-fields',
    object: 'config.cronJobs[0].schedule.expr',
    fix: /drop the seconds field/,
    variant: (c) => {
      job(c).schedule.expr = '0 0 9 * * *';
    },
  },
  {
    id: 'cron-six-fields-every-5s',
    title: 'a 6-field expression that fires every 5 seconds',
    rule: 'cron-expr-fields',
    object: 'config.cronJobs[0].schedule.expr',
    fix: /drop the seconds field/,
    variant: (c) => {
      job(c).schedule.expr = '*/5 * * * * *';
    },
  },
  {
    id: 'cron-seven-fields',
    title: 'a 7-field (Quartz, with year) expression',
    rule: 'cron-expr-fields',
    object: 'config.cronJobs[0].schedule.expr',
    fix: /fix the expression/,
    variant: (c) => {
      job(c).schedule.expr = '0 0 9 * * ? 2026';
    },
  },
  {
    id: 'refresh-1-hour',
    title: 'refreshInterval "1 hour"',
    rule: 'go-duration',
    object: REFRESH,
    fix: /write e\.g\. "1h"/,
    variant: (c) => {
      c.externalSecretRefreshInterval = '1 hour';
    },
  },
  {
    id: 'refresh-days',
    title: 'refreshInterval "1d" (Go has no days)',
    rule: 'go-duration',
    object: REFRESH,
    fix: /write e\.g\. "1h"/,
    variant: (c) => {
      c.externalSecretRefreshInterval = '1d';
    },
  },
  {
    id: 'refresh-bare-number',
    title: 'refreshInterval "3600" (no unit)',
    rule: 'go-duration',
    object: REFRESH,
    fix: /write e\.g\. "1h"/,
    variant: (c) => {
      c.externalSecretRefreshInterval = '3600';
    },
  },
  {
    id: 'refresh-5s',
    title: 'refreshInterval "5s" (hammers SSM)',
    rule: 'go-duration',
    object: REFRESH,
    fix: /use e\.g\. "1h"/,
    variant: (c) => {
      c.externalSecretRefreshInterval = '5s';
    },
  },
  {
    id: 'evaluation-interval-words',
    title: 'alerting.evaluationInterval "1 minute"',
    rule: 'prometheus-duration',
    object: 'config.alerting.evaluationInterval',
    fix: /fix the duration/,
    variant: (c) => {
      (c.alerting as Record<string, unknown>).evaluationInterval = '1 minute';
    },
  },
  {
    id: 'threshold-window-words',
    title: 'thresholds.cronFailureWindow "6 hours"',
    rule: 'prometheus-duration',
    object: 'config.alerting.thresholds.cronFailureWindow',
    fix: /fix the duration/,
    variant: (c) => {
      thresholds(c).cronFailureWindow = '6 hours';
    },
  },
  {
    id: 'threshold-budget-zero',
    title: 'dailyCostBudgetUsd 0',
    rule: 'alert-threshold',
    object: 'config.alerting.thresholds.dailyCostBudgetUsd',
    fix: /set a positive threshold/,
    variant: (c) => {
      thresholds(c).dailyCostBudgetUsd = 0;
    },
  },
  {
    id: 'threshold-factor-negative',
    title: 'tokenAnomalyFactor -1',
    rule: 'alert-threshold',
    object: 'config.alerting.thresholds.tokenAnomalyFactor',
    fix: /set a positive threshold/,
    variant: (c) => {
      thresholds(c).tokenAnomalyFactor = -1;
    },
  },
  {
    id: 'stagger-negative',
    title: 'staggerMs -1',
    rule: 'config-range',
    object: 'config.cronJobs[0].schedule.staggerMs',
    fix: /fix the value/,
    variant: (c) => {
      job(c).schedule.staggerMs = -1;
    },
  },
];
