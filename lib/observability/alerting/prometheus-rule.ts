/**
 * PrometheusRule `openclaw-rules` in `monitoring`, following lolice's later convention
 * (docs/FACTS.md (lolice and arch)): labels `prometheus: k8s`, `role: alert-rules`,
 * `release: prometheus`, group `<topic>.rules`, rules with `severity` and `summary`/`description`.
 *
 * Alertmanager in lolice has no receivers, so these rules reach nobody on their own: they make the
 * alerts visible in Prometheus (and testable with promtool). The copies that page are the
 * Grafana-managed rules of `grafana-alert-provisioning.ts`.
 */
import { Construct } from 'constructs';
import { PrometheusRule, PrometheusRuleSpecGroupsRulesExpr } from '../../../imports/prom-monitoring.coreos.com';
import type { AlertRule } from './alert-rule';

/** One rule of a Prometheus rule group, as promtool and the CRD spell it. */
export interface PrometheusAlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A Prometheus rule group (`spec.groups[]` of a PrometheusRule, `groups[]` of a rule file). */
export interface PrometheusRuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: readonly PrometheusAlertingRule[];
}

/** Options of {@link prometheusRuleGroups}. */
export interface PrometheusRuleGroupOptions {
  /** Topic; the group is named `<topic>.rules`. */
  readonly topic: string;
  /**
   * Evaluation interval of the group.
   * @default - the Prometheus global evaluation interval (field omitted)
   */
  readonly interval?: string;
  /** `runbook_url` = base + `#` + anchor. */
  readonly runbookBaseUrl: string;
}

/**
 * The rule group of the PromQL rules in `rules` (LogQL rules are skipped: the Loki ruler is off).
 * Annotations: `summary`, `description`, `runbook` (one line) and `runbook_url`; label `severity`.
 * Keys are sorted.
 */
export function prometheusRuleGroups(
  rules: readonly AlertRule[],
  options: PrometheusRuleGroupOptions,
): PrometheusRuleGroup[] {
  const promql = rules.filter((rule) => rule.language === 'promql');
  return [
    {
      name: `${options.topic}.rules`,
      ...(options.interval === undefined ? {} : { interval: options.interval }),
      rules: promql.map((rule) => ({
        alert: rule.name,
        annotations: {
          description: rule.description,
          runbook: rule.runbook,
          runbook_url: `${options.runbookBaseUrl}#${rule.runbookAnchor}`,
          summary: rule.summary,
        },
        expr: rule.expr,
        ...(rule.for === '0m' || rule.for === '0' ? {} : { for: rule.for }),
        labels: { severity: rule.severity },
      })),
    },
  ];
}

/** Props of {@link OpenClawPrometheusRule}. */
export interface OpenClawPrometheusRuleProps {
  /** The rule groups (from {@link prometheusRuleGroups}). */
  readonly groups: readonly PrometheusRuleGroup[];
  /**
   * `metadata.name`.
   * @default 'openclaw-rules'
   */
  readonly name?: string;
  /**
   * `metadata.namespace`.
   * @default 'monitoring'
   */
  readonly namespace?: string;
}

/** lolice's PrometheusRule labels (conventional; the ruleSelector of Prometheus k8s is `{}`). */
export const PROMETHEUS_RULE_LABELS: Readonly<Record<string, string>> = {
  prometheus: 'k8s',
  release: 'prometheus',
  role: 'alert-rules',
};

/** A PrometheusRule holding the given groups. */
export class OpenClawPrometheusRule extends Construct {
  /** The PrometheusRule object. */
  public readonly resource: PrometheusRule;

  constructor(scope: Construct, id: string, props: OpenClawPrometheusRuleProps) {
    super(scope, id);
    if (props.groups.every((group) => group.rules.length === 0)) {
      throw new Error(
        'prometheusrule openclaw-rules: received no rules, expected at least one ' +
          'promql alert; pass the rules or do not create the object',
      );
    }
    this.resource = new PrometheusRule(this, 'Resource', {
      metadata: {
        name: props.name ?? 'openclaw-rules',
        namespace: props.namespace ?? 'monitoring',
        labels: { ...PROMETHEUS_RULE_LABELS },
      },
      spec: {
        groups: props.groups.map((group) => ({
          name: group.name,
          ...(group.interval === undefined ? {} : { interval: group.interval }),
          rules: group.rules.map((rule) => ({
            alert: rule.alert,
            expr: PrometheusRuleSpecGroupsRulesExpr.fromString(rule.expr),
            ...(rule.for === undefined ? {} : { for: rule.for }),
            labels: { ...rule.labels },
            annotations: { ...rule.annotations },
          })),
        })),
      },
    });
  }
}
