/**
 * The dashboard component for lolice's prometheus-operator app: generated files, schema
 * validation, synth-time failures, and `kubectl kustomize` over the live lolice tree
 * (test/fixtures/live, the remote kube-prometheus base replaced by a local stand-in) with the
 * component added.
 */
import { handWrittenTokensRow } from '../../support/hand-written-row';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OpenClawOpsConfig } from '../../../lib/config/openclaw-ops-config';
import type { TelemetryConfig } from '../../../lib/observability/telemetry-config';
import { LOLICE_PATHS } from '../../../config/lolice-paths';

const PROMETHEUS_OPERATOR_DIR = LOLICE_PATHS.grafanaApp;
import { METRICS } from '../../../lib/telemetry/metric-catalog';
import { LEGACY_OTLP_FEATURE_FLAG } from '../../../lib/telemetry/prometheus-otlp-settings';
import {
  buildApp,
  configVariant,
  K8sObject,
  makeTempDir,
  parseYamlDocuments,
  removeTempDirs,
} from '../../support/openclaw-ops-harness';
import { kustomizeBuild, liveLoliceCopy } from '../../support/live-tree';
import { validateKubernetesObject } from '../../support/validate-model';

const COMPONENT = `${PROMETHEUS_OPERATOR_DIR}/components/openclaw-app-dashboard`;
const MOUNT = '/grafana-dashboard-definitions/0/openclaw-app';
const VOLUME = 'grafana-dashboard-openclaw-app';

/** Renders the lolice tree of the app (the dashboard is part of it). */
function renderWithTelemetry(config?: OpenClawOpsConfig): ReadonlyMap<string, string> {
  return buildApp(config).renderLolice();
}

const tree = renderWithTelemetry();
const componentFiles = new Map([...tree].filter(([file]) => file.startsWith(`${COMPONENT}/`)));
const file = (name: string): string => {
  const content = componentFiles.get(`${COMPONENT}/${name}`);
  if (content === undefined) throw new Error(`component file ${name} was not rendered`);
  return content;
};
const single = (name: string): K8sObject => {
  const documents = parseYamlDocuments(file(name), name);
  expect(documents).toHaveLength(1);
  return documents[0] as K8sObject;
};

afterAll(() => removeTempDirs());

describe('grafana dashboard provisioning | generated files', () => {
  test('writes exactly the component files, all under components/openclaw-app-dashboard', () => {
    expect([...componentFiles.keys()]).toEqual([
      `${COMPONENT}/grafana-dashboard-openclaw-app.yaml`,
      `${COMPONENT}/grafana-deployment-patch.yaml`,
      `${COMPONENT}/kustomization.yaml`,
      `${COMPONENT}/prometheus-otlp-receiver-patch.yaml`,
    ]);
    // the only other prometheus-operator files belong to the alerting
    const alertingFiles = (f: string): boolean =>
      f.startsWith(`${PROMETHEUS_OPERATOR_DIR}/components/openclaw-alerting/`) ||
      f === `${PROMETHEUS_OPERATOR_DIR}/openclaw-rules.yaml`;
    expect(
      [...tree.keys()].filter(
        (f) => f.startsWith(`${PROMETHEUS_OPERATOR_DIR}/`) && !f.startsWith(`${COMPONENT}/`) && !alertingFiles(f),
      ),
    ).toEqual([]);
  });

  test('the kustomization is a Component listing the ConfigMap and both patches, and documents the one line to add', () => {
    const kustomization = single('kustomization.yaml');
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      resources: ['grafana-dashboard-openclaw-app.yaml'],
      patches: [{ path: 'grafana-deployment-patch.yaml' }, { path: 'prometheus-otlp-receiver-patch.yaml' }],
    });
    expect(file('kustomization.yaml')).toContain('#   components: [components/openclaw-app-dashboard]');
  });

  test('the ConfigMap carries the dashboard JSON under openclaw-app.json in monitoring, far below the annotation limit', () => {
    const configMap = single('grafana-dashboard-openclaw-app.yaml');
    expect(configMap.metadata).toEqual({ name: VOLUME, namespace: 'monitoring' });
    const data = configMap.data as Record<string, string>;
    expect(Object.keys(data)).toEqual(['openclaw-app.json']);
    const dashboard = JSON.parse(data['openclaw-app.json'] as string) as { uid: string };
    expect(dashboard.uid).toBe('openclaw-app-metrics');
    const bytes = Buffer.byteLength(JSON.stringify(configMap), 'utf8');
    // 256 KiB is client-side apply's last-applied limit; Argo CD already syncs this app with SSA.
    expect(bytes).toBeLessThan(64 * 1024);
    expect(configMap.metadata.annotations).toBeUndefined();
    expect(() => validateKubernetesObject(configMap)).not.toThrow();
  });

  test('the Deployment patch adds one read-only mount and one ConfigMap volume to container grafana', () => {
    expect(single('grafana-deployment-patch.yaml')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'grafana', namespace: 'monitoring' },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'grafana', volumeMounts: [{ mountPath: MOUNT, name: VOLUME, readOnly: true }] }],
            volumes: [{ configMap: { name: VOLUME }, name: VOLUME }],
          },
        },
      },
    });
  });

  test('the Prometheus patch enables the OTLP receiver with the configured strategy and validates against the CRD schema', () => {
    const patch = single('prometheus-otlp-receiver-patch.yaml');
    expect(patch).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'k8s', namespace: 'monitoring' },
      spec: { enableOTLPReceiver: true, otlp: { translationStrategy: 'UnderscoreEscapingWithSuffixes' } },
    });
    expect(() => validateKubernetesObject(patch)).not.toThrow();
    expect(file('prometheus-otlp-receiver-patch.yaml')).not.toContain(LEGACY_OTLP_FEATURE_FLAG + '\n');
  });

  test('the manifests match the snapshot (dashboard JSON is snapshotted in dashboard.test.ts)', () => {
    const { data: _data, ...configMapWithoutJson } = single('grafana-dashboard-openclaw-app.yaml');
    expect({
      kustomization: file('kustomization.yaml'),
      deploymentPatch: file('grafana-deployment-patch.yaml'),
      prometheusPatch: file('prometheus-otlp-receiver-patch.yaml'),
      configMap: configMapWithoutJson,
    }).toMatchSnapshot();
  });

  test('the configured strategy reaches both the CR patch and the dashboard queries', () => {
    const utf8 = renderWithTelemetry(
      configVariant((draft) => {
        draft.telemetry = { ...draft.telemetry, prometheus: { translationStrategy: 'NoUTF8EscapingWithSuffixes' } };
      }),
    );
    const patch = parseYamlDocuments(
      utf8.get(`${COMPONENT}/prometheus-otlp-receiver-patch.yaml`) ?? '',
    )[0] as K8sObject;
    expect((patch.spec as { otlp: { translationStrategy: string } }).otlp.translationStrategy).toBe(
      'NoUTF8EscapingWithSuffixes',
    );
    expect(utf8.get(`${COMPONENT}/grafana-dashboard-openclaw-app.yaml`)).toContain(
      `\\"${METRICS.tokens.name}_total\\"`,
    );
  });
});

describe('grafana dashboard provisioning | synth failures', () => {
  test('fails synth when an extra dashboard row names openclaw_tokens without _total', () => {
    const telemetry: TelemetryConfig = {
      datasources: { prometheus: 'prometheus', loki: 'loki' },
      extraDashboardRows: [handWrittenTokensRow({ rowTitle: 'Cron Jobs', panelTitle: 'Tokens typed by hand' })],
    };
    // The draft's types are mutable copies; the rows are plain data, so assign them as they are.
    const config = configVariant((draft) => Object.assign(draft, { telemetry }));
    expect(() => renderWithTelemetry(config)).toThrow(
      /panel "Tokens typed by hand" query A: .*unknown metric "openclaw_tokens".*"openclaw_tokens_total"/,
    );
  });

  test('fails synth when the translation strategy is newer than the Prometheus version', () => {
    const config = configVariant((draft) => {
      draft.telemetry = {
        ...draft.telemetry,
        prometheus: { prometheusVersion: '3.5.0', translationStrategy: 'UnderscoreEscapingWithoutSuffixes' },
      };
    });
    expect(() => renderWithTelemetry(config)).toThrow(/needs prometheus >= 3\.6\.0, received prometheus 3\.5\.0/);
  });
});

function kustomize(dir: string): K8sObject[] {
  return parseYamlDocuments(kustomizeBuild(dir), 'kubectl kustomize output');
}

/** The live prometheus-operator directory (a temp copy), optionally with the generated component in it. */
function liveOperatorDir(files: ReadonlyMap<string, string> = new Map()): string {
  return path.join(liveLoliceCopy(makeTempDir('kustomize'), files), PROMETHEUS_OPERATOR_DIR);
}

/** The live tree with the generated component written into it. */
function fixtureWithComponent(): string {
  return liveOperatorDir(componentFiles);
}

/** The user's one line. */
function addComponentLine(dir: string): void {
  fs.appendFileSync(path.join(dir, 'kustomization.yaml'), 'components: [components/openclaw-app-dashboard]\n');
}

/** The documented cleanup in overlays/prometheus.yaml: drop the dead 2.x flag. */
function dropLegacyFlagFromOverlay(dir: string): void {
  const overlay = path.join(dir, 'overlays/prometheus.yaml');
  const before = fs.readFileSync(overlay, 'utf8');
  const after = before.replace(`  enableFeatures:\n    - ${LEGACY_OTLP_FEATURE_FLAG}\n`, '');
  expect(after).not.toBe(before);
  fs.writeFileSync(overlay, after);
}

interface GrafanaPodSpec {
  containers: { name: string; volumeMounts: { mountPath: string; name: string; readOnly?: boolean }[] }[];
  volumes: {
    name: string;
    configMap?: { name: string };
    emptyDir?: unknown;
    persistentVolumeClaim?: { claimName: string };
  }[];
}

const find = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (found === undefined) throw new Error(`kustomize output has no ${kind}/${name}`);
  return found;
};
const grafanaPod = (objects: K8sObject[]): GrafanaPodSpec =>
  (find(objects, 'Deployment', 'grafana').spec as { template: { spec: GrafanaPodSpec } }).template.spec;
const prometheusSpec = (objects: K8sObject[]): Record<string, unknown> =>
  find(objects, 'Prometheus', 'k8s').spec as Record<string, unknown>;

describe('grafana dashboard provisioning | kubectl kustomize over the lolice fixture', () => {
  test('the fixture alone builds and has no openclaw-app dashboard (so the checks below can fail)', () => {
    const objects = kustomize(liveOperatorDir());
    expect(objects.some((o) => o.metadata.name === VOLUME)).toBe(false);
    expect(grafanaPod(objects).volumes.some((v) => v.name === VOLUME)).toBe(false);
    expect(prometheusSpec(objects).enableFeatures).toEqual([LEGACY_OTLP_FEATURE_FLAG]);
    expect(prometheusSpec(objects).enableOTLPReceiver).toBeUndefined();
  });

  test('with the one components line: one ConfigMap, exactly one volume and one read-only mount, existing layout intact, receiver on', () => {
    const dir = fixtureWithComponent();
    addComponentLine(dir);
    const objects = kustomize(dir);

    const configMaps = objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === VOLUME);
    expect(configMaps).toHaveLength(1);
    expect(configMaps[0]?.metadata.namespace).toBe('monitoring');

    const pod = grafanaPod(objects);
    expect(pod.volumes.filter((v) => v.name === VOLUME)).toEqual([{ configMap: { name: VOLUME }, name: VOLUME }]);
    const grafana = pod.containers.find((c) => c.name === 'grafana');
    expect(grafana?.volumeMounts.filter((m) => m.mountPath === MOUNT || m.name === VOLUME)).toEqual([
      { mountPath: MOUNT, name: VOLUME, readOnly: true },
    ]);
    // lolice's own changes still apply: grafana-storage is the PVC (emptyDir removed by the JSON6902 patch), openclaw dashboard mounted.
    expect(pod.volumes.find((v) => v.name === 'grafana-storage')).toEqual({
      name: 'grafana-storage',
      persistentVolumeClaim: { claimName: 'grafana-pvc' },
    });
    expect(grafana?.volumeMounts.some((m) => m.mountPath === '/grafana-dashboard-definitions/0/openclaw')).toBe(true);
    expect(new Set(pod.volumes.map((v) => v.name)).size).toBe(pod.volumes.length);

    const spec = prometheusSpec(objects);
    expect(spec.enableOTLPReceiver).toBe(true);
    expect(spec.otlp).toEqual({ translationStrategy: 'UnderscoreEscapingWithSuffixes' });
    expect(spec.retention).toBe('31d');
    // A component runs before the parent's patchesStrategicMerge, so today's overlay re-adds the dead flag.
    expect(spec.enableFeatures).toEqual([LEGACY_OTLP_FEATURE_FLAG]);
  });

  test('after the documented overlay cleanup the output has no otlp-write-receiver anywhere', () => {
    const dir = fixtureWithComponent();
    addComponentLine(dir);
    dropLegacyFlagFromOverlay(dir);
    const objects = kustomize(dir);
    const spec = prometheusSpec(objects);
    expect(spec.enableOTLPReceiver).toBe(true);
    expect(spec.otlp).toEqual({ translationStrategy: 'UnderscoreEscapingWithSuffixes' });
    expect(JSON.stringify(find(objects, 'Prometheus', 'k8s'))).not.toContain(LEGACY_OTLP_FEATURE_FLAG);
    // kubernetes-models' Prometheus schema wants apiVersion/kind inside storage.volumeClaimTemplate,
    // which lolice's overlay (and the fixture) omit; validate the merged CR without it.
    const { storage: _storage, ...specWithoutStorage } = spec;
    const prometheusWithoutStorage = { ...find(objects, 'Prometheus', 'k8s'), spec: specWithoutStorage };
    expect(() => validateKubernetesObject(prometheusWithoutStorage)).not.toThrow();
    expect(() => validateKubernetesObject(find(objects, 'Deployment', 'grafana'))).not.toThrow();
    expect(() => validateKubernetesObject(find(objects, 'ConfigMap', VOLUME))).not.toThrow();
  });
});
