import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { resolveAlertingConfig } from '../../../lib/observability/alerting/alerting-config';
import { loliceConfig } from '../../../config/lolice';
import {
  grafanaAlertProvisioningFile,
  grafanaRuleUid,
} from '../../../lib/observability/alerting/grafana-alert-provisioning';
import { OPENCLAW_ALERT_NAMES, openClawAlertRules } from '../../../lib/observability/alerting/openclaw-alert-rules';
import { metricNamer } from '../../../lib/telemetry/prometheus-otlp-settings';
import { buildApp, configVariant, parseYamlDocuments } from '../../support/openclaw-ops-harness';
import { KUBERNETES_MODELS, validateModel } from '../../support/validate-model';
import { toolPath } from '../../support/provision/tool-path';
import { LOLICE_PATHS } from '../../../config/lolice-paths';

const COMPONENT = 'argoproj/prometheus-operator/components/openclaw-alerting';

function render(config = configVariant(() => undefined)): ReadonlyMap<string, string> {
  return buildApp(config).renderLolice();
}

function provisioningOf(tree: ReadonlyMap<string, string>): {
  apiVersion: number;
  groups: Array<{
    orgId: number;
    name: string;
    folder: string;
    interval: string;
    rules: Array<Record<string, unknown>>;
  }>;
} {
  const [configMap] = parseYamlDocuments(tree.get(`${COMPONENT}/configmap-grafana-alerting-openclaw.yaml`) ?? '');
  const data = (configMap as unknown as { data: Record<string, string> }).data;
  return YAML.parse(data['openclaw-rules.yaml'] as string) as ReturnType<typeof provisioningOf>;
}

describe('Grafana alert provisioning', () => {
  const tree = render();

  it('writes the PrometheusRule, the ConfigMap, the patch and the Component', () => {
    expect(
      [...tree.keys()].filter(
        (p) =>
          p.startsWith('argoproj/prometheus-operator/') &&
          (p.includes('openclaw-alerting') || p.endsWith('openclaw-rules.yaml')),
      ),
    ).toEqual([
      `${COMPONENT}/configmap-grafana-alerting-openclaw.yaml`,
      `${COMPONENT}/grafana-alerting-volume.yaml`,
      `${COMPONENT}/kustomization.yaml`,
      LOLICE_PATHS.prometheusRules,
    ]);
  });

  it('the PrometheusRule follows lolice conventions and validates against the CRD schema', () => {
    const [rule] = parseYamlDocuments(tree.get(LOLICE_PATHS.prometheusRules) ?? '');
    expect(rule?.kind).toBe('PrometheusRule');
    expect(rule?.metadata).toMatchObject({
      name: 'openclaw-rules',
      namespace: 'monitoring',
      labels: { prometheus: 'k8s', release: 'prometheus', role: 'alert-rules' },
    });
    const spec = (
      rule as unknown as {
        spec: {
          groups: Array<{
            name: string;
            rules: Array<{ labels: { severity: string }; annotations: Record<string, string> }>;
          }>;
        };
      }
    ).spec;
    expect(spec.groups.map((g) => g.name)).toEqual(['openclaw.rules']);
    for (const r of spec.groups[0]?.rules ?? []) {
      expect(Object.keys(r.annotations).sort()).toEqual(['description', 'runbook', 'runbook_url', 'summary']);
      expect(['critical', 'warning']).toContain(r.labels.severity);
    }
    for (const object of [
      rule,
      ...parseYamlDocuments(tree.get(`${COMPONENT}/configmap-grafana-alerting-openclaw.yaml`) ?? ''),
    ]) {
      const factory = KUBERNETES_MODELS.get(`${object?.apiVersion}/${object?.kind}`);
      expect(factory, object?.kind).toBeDefined();
      validateModel(factory?.(object));
    }
  });

  it('provisions every alert (PromQL and LogQL) with the contact point and datasource UIDs from config', () => {
    const doc = provisioningOf(tree);
    expect(doc.apiVersion).toBe(1);
    expect(doc.groups).toHaveLength(1);
    expect(doc.groups[0]).toMatchObject({ orgId: 1, name: 'openclaw', folder: 'OpenClaw', interval: '1m' });
    const rules = doc.groups[0]?.rules ?? [];
    expect(rules.map((r) => r.title)).toEqual(Object.values(OPENCLAW_ALERT_NAMES).sort());
    for (const rule of rules) {
      expect(rule.notification_settings).toEqual({ receiver: 'boxlab alert' });
      expect(rule.condition).toBe('C');
      expect(rule.noDataState).toBe('OK');
      expect(rule.execErrState).toBe('Error');
      const data = rule.data as Array<{ refId: string; datasourceUid: string; model: Record<string, unknown> }>;
      expect(data.map((d) => d.refId)).toEqual(['A', 'B', 'C']);
      expect(data[1]?.datasourceUid).toBe('__expr__');
      expect(data[2]?.model).toMatchObject({
        type: 'threshold',
        expression: 'B',
        conditions: [{ evaluator: { type: 'gt', params: [0] } }],
      });
      const isLoki = String(rule.title).startsWith('OpenClawCron');
      expect(data[0]?.datasourceUid, String(rule.title)).toBe(isLoki ? 'P8E80F9AEF21F6940' : 'P1809F7CD0C75ACF3');
      expect(String(rule.uid).length).toBeLessThanOrEqual(40);
    }
  });

  it('takes the contact point and UIDs from config (telemetry datasources as the fallback)', () => {
    const tuned = render(
      configVariant((draft) => {
        draft.alerting = { ...draft.alerting, contactPoint: 'onitiku server', lokiDatasourceUid: 'loki-uid-x' };
        delete draft.alerting.prometheusDatasourceUid;
        draft.telemetry = { ...draft.telemetry, datasources: { prometheus: 'prom-uid-y', loki: 'ignored-loki' } };
      }),
    );
    const rules = provisioningOf(tuned).groups[0]?.rules ?? [];
    const uids = new Set(rules.map((r) => (r.data as Array<{ datasourceUid: string }>)[0]?.datasourceUid));
    expect([...uids].sort()).toEqual(['loki-uid-x', 'prom-uid-y']);
    expect(rules.every((r) => (r.notification_settings as { receiver: string }).receiver === 'onitiku server')).toBe(
      true,
    );
  });

  it('fails on an alert name whose Grafana uid would exceed 40 characters', () => {
    expect(grafanaRuleUid('OpenClawTelemetryAbsent')).toBe('oc-telemetry-absent');
    expect(() => grafanaRuleUid('OpenClawAVeryLongAlertNameThatGrafanaWouldRefuseToStore')).toThrow(/1-40 characters/);
  });

  it('builds with kubectl kustomize onto a Grafana Deployment: projected volume at the provisioning dir, restart digest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grafana-alerting-'));
    try {
      for (const [file, content] of tree) {
        if (!file.startsWith(`${COMPONENT}/`)) continue;
        const target = path.join(dir, file.replace('argoproj/prometheus-operator/', ''));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
      fs.writeFileSync(
        path.join(dir, 'grafana.yaml'),
        YAML.stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'grafana', namespace: 'monitoring' },
          spec: {
            selector: { matchLabels: { app: 'grafana' } },
            template: {
              metadata: { labels: { app: 'grafana' } },
              spec: {
                containers: [
                  {
                    name: 'grafana',
                    image: 'grafana/grafana:12.1.0',
                    volumeMounts: [{ name: 'grafana-storage', mountPath: '/var/lib/grafana' }],
                  },
                ],
                volumes: [{ name: 'grafana-storage', emptyDir: {} }],
              },
            },
          },
        }),
      );
      fs.writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        YAML.stringify({ resources: ['grafana.yaml'], components: ['components/openclaw-alerting'] }),
      );
      const result = spawnSync(toolPath('kubectl'), ['kustomize', dir], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const objects = parseYamlDocuments(result.stdout);
      expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
        'ConfigMap/grafana-alerting-openclaw',
        'Deployment/grafana',
      ]);
      const deployment = objects.find((o) => o.kind === 'Deployment') as unknown as {
        spec: {
          template: {
            metadata: { annotations: Record<string, string> };
            spec: {
              containers: Array<{ volumeMounts: Array<{ mountPath: string; name: string }> }>;
              volumes: Array<Record<string, unknown>>;
            };
          };
        };
      };
      const template = deployment.spec.template;
      expect(template.spec.containers[0]?.volumeMounts.map((m) => m.mountPath)).toEqual([
        '/etc/grafana/provisioning/alerting',
        '/var/lib/grafana',
      ]);
      expect(template.spec.volumes).toContainEqual({
        name: 'grafana-provisioning-alerting',
        projected: { sources: [{ configMap: { name: 'grafana-alerting-openclaw' } }] },
      });
      expect(template.metadata.annotations['openclaw-ops/grafana-alerting-digest']).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('changes the restart digest when a threshold changes', () => {
    const digest = (t: ReadonlyMap<string, string>): string | undefined =>
      /grafana-alerting-digest: (\w+)/.exec(t.get(`${COMPONENT}/grafana-alerting-volume.yaml`) ?? '')?.[1];
    const tuned = render(
      configVariant((draft) => void (draft.alerting = { ...draft.alerting, thresholds: { dailyCostBudgetUsd: 25 } })),
    );
    expect(digest(tree)).toBeDefined();
    expect(digest(tuned)).not.toBe(digest(tree));
  });

  it('renders the same document as grafanaAlertProvisioningFile', () => {
    const config = resolveAlertingConfig(loliceConfig.alerting, loliceConfig.telemetry.datasources);
    const doc = grafanaAlertProvisioningFile(
      openClawAlertRules(config, metricNamer(), { namespace: 'openclaw', deployment: 'openclaw' }),
      config,
    );
    expect(provisioningOf(tree)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
