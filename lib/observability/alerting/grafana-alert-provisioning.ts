/**
 * Grafana-managed alert rules for OpenClaw, as a Grafana file-provisioning document
 * (`apiVersion: 1`, `groups[].rules[]`), a ConfigMap holding it, and a kustomize Component that
 * mounts it into lolice's Grafana.
 *
 * Why Grafana: a cluster whose Alertmanager has receivers without integrations and whose Loki ruler
 * is off (lolice's, docs/FACTS.md) reaches its chat only through Grafana-managed alerting and the
 * config's contact point (`alerting.contactPoint`). Every rule names its contact point in
 * `notification_settings.receiver` (simplified routing), so no notification policy is needed.
 */
import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { yamlText } from '../../files/yaml-emitter';
import { GrafanaComponent, grafanaComponentReference } from '../grafana-component';
import type { AlertRule } from './alert-rule';
import { durationToSeconds, ResolvedAlertingConfig } from './alerting-config';

/** One query or expression of a Grafana alert rule (`data[]`). */
export interface GrafanaAlertQuery {
  readonly refId: string;
  readonly relativeTimeRange?: { readonly from: number; readonly to: number };
  readonly datasourceUid: string;
  readonly model: Readonly<Record<string, unknown>>;
}

/** One rule of a Grafana alert provisioning file. */
export interface GrafanaProvisionedAlertRule {
  readonly uid: string;
  readonly title: string;
  readonly condition: string;
  readonly data: readonly GrafanaAlertQuery[];
  readonly noDataState: 'OK' | 'NoData' | 'Alerting';
  readonly execErrState: 'OK' | 'Error' | 'Alerting';
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly isPaused: boolean;
  readonly notification_settings: { readonly receiver: string };
}

/** A Grafana alert provisioning file (`/etc/grafana/provisioning/alerting/*.yaml`). */
export interface GrafanaAlertProvisioningFile {
  readonly apiVersion: 1;
  readonly groups: ReadonlyArray<{
    readonly orgId: 1;
    readonly name: string;
    readonly folder: string;
    readonly interval: string;
    readonly rules: readonly GrafanaProvisionedAlertRule[];
  }>;
}

/** The datasource UID Grafana uses for server-side expressions (reduce, threshold, math). */
export const GRAFANA_EXPRESSION_DATASOURCE_UID = '__expr__';

/** Where Grafana reads alert provisioning files (not recursive: files must sit directly in it). */
export const GRAFANA_ALERTING_PROVISIONING_DIR = '/etc/grafana/provisioning/alerting';

const UID = /^[a-zA-Z0-9_-]{1,40}$/;

/** `OpenClawCronJobFailingRepeatedly` → `oc-cron-job-failing-repeatedly` (Grafana uids are at most 40 characters). */
export function grafanaRuleUid(alertName: string): string {
  const kebab = alertName
    .replace(/^OpenClaw/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  const uid = `oc-${kebab}`;
  if (!UID.test(uid)) {
    throw new Error(
      `grafana alert rule ${alertName}: uid "${uid}" is not 1-40 characters of [a-zA-Z0-9_-]; shorten the alert name`,
    );
  }
  return uid;
}

/** Options of {@link grafanaAlertProvisioningFile}. */
export interface GrafanaAlertProvisioningOptions {
  /**
   * Name of the rule group in Grafana.
   * @default 'openclaw'
   */
  readonly groupName?: string;
}

function queryModel(rule: AlertRule, config: ResolvedAlertingConfig): GrafanaAlertQuery {
  const uid = rule.language === 'promql' ? config.prometheusDatasourceUid : config.lokiDatasourceUid;
  const type = rule.language === 'promql' ? 'prometheus' : 'loki';
  const model: Record<string, unknown> =
    rule.language === 'promql'
      ? {
          datasource: { type, uid },
          expr: rule.expr,
          instant: true,
          intervalMs: 60000,
          maxDataPoints: 43200,
          range: false,
          refId: 'A',
        }
      : {
          datasource: { type, uid },
          expr: rule.expr,
          intervalMs: 60000,
          maxDataPoints: 43200,
          queryType: 'instant',
          refId: 'A',
        };
  return {
    refId: 'A',
    relativeTimeRange: { from: Math.max(600, durationToSeconds(rule.lookback)), to: 0 },
    datasourceUid: uid,
    model,
  };
}

function expressionModel(refId: string, model: Record<string, unknown>): GrafanaAlertQuery {
  return {
    refId,
    datasourceUid: GRAFANA_EXPRESSION_DATASOURCE_UID,
    model: { datasource: { type: '__expr__', uid: GRAFANA_EXPRESSION_DATASOURCE_UID }, refId, ...model },
  };
}

/**
 * The provisioning document for `rules`: per rule, query A (the rule's expression, instant),
 * B = reduce(last, A), C = B > 0 (the condition). Each expression returns a series only while the
 * alert condition holds, so "no data" means OK (`noDataState: OK`); query errors page
 * (`execErrState: Error`, Grafana's DatasourceError alert).
 */
export function grafanaAlertProvisioningFile(
  rules: readonly AlertRule[],
  config: ResolvedAlertingConfig,
  options: GrafanaAlertProvisioningOptions = {},
): GrafanaAlertProvisioningFile {
  const uids = new Set<string>();
  const provisioned = rules.map((rule): GrafanaProvisionedAlertRule => {
    const uid = grafanaRuleUid(rule.name);
    if (uids.has(uid)) {
      throw new Error(`grafana alert rule ${rule.name}: uid "${uid}" is used twice; rename one of the alerts`);
    }
    uids.add(uid);
    return {
      uid,
      title: rule.name,
      condition: 'C',
      data: [
        queryModel(rule, config),
        expressionModel('B', { expression: 'A', reducer: 'last', settings: { mode: 'dropNN' }, type: 'reduce' }),
        expressionModel('C', {
          conditions: [{ evaluator: { params: [0], type: 'gt' } }],
          expression: 'B',
          type: 'threshold',
        }),
      ],
      noDataState: 'OK',
      execErrState: 'Error',
      for: rule.for,
      labels: { severity: rule.severity },
      annotations: {
        description: rule.description,
        runbook: rule.runbook,
        runbook_url: `${config.runbookBaseUrl}#${rule.runbookAnchor}`,
        summary: rule.summary,
      },
      isPaused: false,
      notification_settings: { receiver: config.contactPoint },
    };
  });
  return {
    apiVersion: 1,
    groups: [
      {
        orgId: 1,
        name: options.groupName ?? 'openclaw',
        folder: config.folder,
        interval: config.evaluationInterval,
        rules: provisioned,
      },
    ],
  };
}

/** Props of {@link GrafanaAlertProvisioning}. */
export interface GrafanaAlertProvisioningProps {
  /** The rules that must page (all of them: PromQL and LogQL). */
  readonly rules: readonly AlertRule[];
  /** The resolved alerting settings: contact point, datasource UIDs, folder, interval, runbook URL. */
  readonly config: ResolvedAlertingConfig;
  /** Repo-relative directory of the kustomize Component (`paths.alertingComponent`). */
  readonly componentDir: string;
  /** The kustomize app of Grafana (`paths.grafanaApp`), whose kustomization lists the Component. */
  readonly grafanaApp: string;
  /**
   * Namespace of Grafana.
   * @default 'monitoring'
   */
  readonly namespace?: string;
  /**
   * Name of the Grafana Deployment and of its container.
   * @default 'grafana'
   */
  readonly grafanaDeployment?: string;
}

/** The ConfigMap holding the provisioning file. */
export const GRAFANA_ALERTING_CONFIGMAP = 'grafana-alerting-openclaw';

/** The data key (file name under {@link GRAFANA_ALERTING_PROVISIONING_DIR}). */
export const GRAFANA_ALERTING_FILE = 'openclaw-rules.yaml';

/** The pod volume the Component adds to Grafana. */
export const GRAFANA_ALERTING_VOLUME = 'grafana-provisioning-alerting';

/**
 * The Grafana alert provisioning as a kustomize Component of its own
 * (`components/openclaw-alerting/`): the ConfigMap, a strategic-merge patch on Deployment
 * `grafana` that mounts it at `/etc/grafana/provisioning/alerting` (a projected volume, so that a
 * later contact-point ConfigMap can be added as another source) and restarts Grafana when the rules
 * change (Grafana reads provisioning files only at start), and the Component's kustomization.
 * lolice enables it with `components: [components/openclaw-alerting]`.
 */
export class GrafanaAlertProvisioning extends Construct {
  /** The provisioning document. */
  public readonly document: GrafanaAlertProvisioningFile;
  /** The kustomize Component: its directory, the line that enables it, and the ConfigMap. */
  public readonly component: GrafanaComponent;

  constructor(scope: Construct, id: string, props: GrafanaAlertProvisioningProps) {
    super(scope, id);
    const dir = props.componentDir;
    const grafana = props.grafanaDeployment ?? 'grafana';
    this.document = grafanaAlertProvisioningFile(props.rules, props.config);
    const content = yamlText(this.document);
    const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);

    this.component = new GrafanaComponent(this, 'Component', {
      componentDir: dir,
      grafanaApp: props.grafanaApp,
      header: [
        'Grafana-managed alerts for OpenClaw (generated by openclaw-ops).',
        `Enable in ${props.grafanaApp}/kustomization.yaml: ` +
          grafanaComponentReference(dir, props.grafanaApp).kustomizationLine,
      ],
      configMap: {
        fileName: `configmap-${GRAFANA_ALERTING_CONFIGMAP}.yaml`,
        name: GRAFANA_ALERTING_CONFIGMAP,
        labels: { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/part-of': 'openclaw-ops' },
        data: { [GRAFANA_ALERTING_FILE]: content },
        comment:
          `Grafana-managed alert rules for OpenClaw (generated by openclaw-ops). ` +
          `Mounted at ${GRAFANA_ALERTING_PROVISIONING_DIR}; every rule notifies ` +
          `contact point "${props.config.contactPoint}", which must exist in ` +
          `Grafana first.`,
      },
      mount: {
        fileName: 'grafana-alerting-volume.yaml',
        volumeName: GRAFANA_ALERTING_VOLUME,
        mountPath: GRAFANA_ALERTING_PROVISIONING_DIR,
        projected: true,
        podAnnotations: { 'openclaw-ops/grafana-alerting-digest': digest },
        explicitTarget: true,
        comment: [
          'Mounts the OpenClaw alert provisioning into Grafana (generated by openclaw-ops).',
          'The digest annotation changes with the rules, so Grafana restarts and re-reads them.',
        ],
      },
      namespace: props.namespace,
      grafanaDeployment: grafana,
      grafanaContainer: grafana,
    });
  }
}
