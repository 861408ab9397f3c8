import { ApiObject } from 'cdk8s';
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { GitOpsFileChart } from '../../gitops/gitops-file-chart';
import { GitOpsTextFile } from '../../gitops/lolice-tree';
import { addManifestComment } from '../../gitops/yaml-comments';
import { LOLICE_PROMETHEUS_OPERATOR_DIR } from '../../gitops/lolice-paths';

/** kube-prometheus' dashboard file provider scans this directory recursively (docs/FACTS.md (lolice and arch)). */
export const GRAFANA_DASHBOARD_ROOT = '/grafana-dashboard-definitions/0';

/**
 * A ConfigMap ships at most 1 MiB, and client-side apply's `last-applied-configuration`
 * annotation at most 256 KiB. Dashboards are rejected at synth well before that.
 */
export const DASHBOARD_CONFIGMAP_BUDGET_BYTES = 128 * 1024;

/** Props of {@link GrafanaDashboardProvisioning}. */
export interface GrafanaDashboardProvisioningProps {
  /**
   * Short dashboard name, e.g. `openclaw-app`: ConfigMap and volume `grafana-dashboard-<name>`,
   * data key `<name>.json`, mount `/grafana-dashboard-definitions/0/<name>`.
   */
  readonly name: string;
  /** The dashboard JSON exactly as Grafana should read it. */
  readonly dashboardJson: string;
  /**
   * Problems found in the dashboard (bad queries, unknown names); every one fails synth.
   * @default - no dashboard-level checks
   */
  readonly validate?: () => readonly string[];
  /**
   * Strategic-merge patch of the Prometheus CR (a full `apiVersion/kind/metadata/spec` object),
   * shipped in the same component, e.g. `prometheusOtlpPatch(settings)`.
   * @default - the component does not touch Prometheus
   */
  readonly prometheusPatch?: Readonly<Record<string, unknown>>;
  /**
   * Directory of the kustomize Component, relative to the lolice repo root.
   * @default `argoproj/prometheus-operator/components/<name>-dashboard`
   */
  readonly componentDir?: string;
  /**
   * Namespace of Grafana and the ConfigMap.
   * @default 'monitoring'
   */
  readonly namespace?: string;
  /**
   * Name of the Grafana Deployment (kube-prometheus).
   * @default 'grafana'
   */
  readonly grafanaDeployment?: string;
  /**
   * Name of the Grafana container in it.
   * @default 'grafana'
   */
  readonly grafanaContainer?: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * One Grafana dashboard provisioned the kube-prometheus way, delivered as a kustomize Component
 * the tool fully owns (`components/<name>-dashboard/`):
 *
 * - `grafana-dashboard-<name>.yaml`: the ConfigMap with the JSON;
 * - `grafana-deployment-patch.yaml`: the volume and the read-only volumeMount on the `grafana`
 *   container (strategic merge: volumes by name, mounts by mountPath);
 * - `prometheus-otlp-receiver-patch.yaml` (when `prometheusPatch` is set);
 * - `kustomization.yaml`: `kind: Component` listing the above, with the one line to add to
 *   lolice's `argoproj/prometheus-operator/kustomization.yaml` in its header.
 */
export class GrafanaDashboardProvisioning extends Construct {
  /** `grafana-dashboard-<name>`: ConfigMap and volume name. */
  public readonly configMapName: string;
  /** `<name>.json`. */
  public readonly dataKey: string;
  /** `/grafana-dashboard-definitions/0/<name>`. */
  public readonly mountPath: string;
  /** Repo-relative directory of the component. */
  public readonly componentDir: string;
  /** The component path as lolice's kustomization lists it (relative to `argoproj/prometheus-operator`). */
  public readonly componentReference: string;
  /** The one line (in YAML) the user adds to lolice's kustomization. */
  public readonly kustomizationLine: string;
  /** The ConfigMap holding the dashboard JSON. */
  public readonly configMap: k8s.KubeConfigMap;

  constructor(scope: Construct, id: string, props: GrafanaDashboardProvisioningProps) {
    super(scope, id);
    if (!DNS_LABEL.test(props.name) || props.name.length > 63 - 'grafana-dashboard-'.length) {
      throw new Error(
        `grafana dashboard provisioning: received name ` +
          `${JSON.stringify(props.name)}, expected a short DNS label (lowercase ` +
          `letters, digits, "-"); it becomes ConfigMap grafana-dashboard-<name>`,
      );
    }
    const namespace = props.namespace ?? 'monitoring';
    this.configMapName = `grafana-dashboard-${props.name}`;
    this.dataKey = `${props.name}.json`;
    this.mountPath = `${GRAFANA_DASHBOARD_ROOT}/${props.name}`;
    this.componentDir = props.componentDir ?? `${LOLICE_PROMETHEUS_OPERATOR_DIR}/components/${props.name}-dashboard`;
    if (!this.componentDir.startsWith(`${LOLICE_PROMETHEUS_OPERATOR_DIR}/`)) {
      throw new Error(
        `grafana dashboard provisioning ${props.name}: received componentDir ` +
          `${JSON.stringify(this.componentDir)}, expected a directory under ` +
          `${LOLICE_PROMETHEUS_OPERATOR_DIR}/ so that its kustomization can list it`,
      );
    }
    this.componentReference = this.componentDir.slice(LOLICE_PROMETHEUS_OPERATOR_DIR.length + 1);
    this.kustomizationLine = `components: [${this.componentReference}]`;

    const configMapFile = `grafana-dashboard-${props.name}.yaml`;
    const deploymentPatchFile = 'grafana-deployment-patch.yaml';
    const prometheusPatchFile = 'prometheus-otlp-receiver-patch.yaml';

    const configMapChart = new GitOpsFileChart(this, 'ConfigMapFile', {
      path: `${this.componentDir}/${configMapFile}`,
    });
    this.configMap = new k8s.KubeConfigMap(configMapChart, 'Dashboard', {
      metadata: { name: this.configMapName, namespace },
      data: { [this.dataKey]: props.dashboardJson },
    });
    addManifestComment(
      this.configMap,
      [],
      `Generated by openclaw-ops: edit the dashboard code, not this file. ` +
        `Mounted at ${this.mountPath} by grafana-deployment-patch.yaml.`,
    );

    const patchChart = new GitOpsFileChart(this, 'GrafanaPatchFile', {
      path: `${this.componentDir}/${deploymentPatchFile}`,
    });
    const deploymentPatch = new ApiObject(patchChart, 'GrafanaDeploymentPatch', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: props.grafanaDeployment ?? 'grafana', namespace },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: props.grafanaContainer ?? 'grafana',
                volumeMounts: [{ mountPath: this.mountPath, name: this.configMapName, readOnly: true }],
              },
            ],
            volumes: [{ configMap: { name: this.configMapName }, name: this.configMapName }],
          },
        },
      },
    });
    addManifestComment(
      deploymentPatch,
      [],
      `Strategic-merge patch: adds volume ${this.configMapName} and its ` +
        `read-only mount (kube-prometheus layout: one volume per dashboard ` +
        `ConfigMap).`,
    );

    const resources = [configMapFile];
    const patches = [deploymentPatchFile];
    if (props.prometheusPatch !== undefined) {
      const prometheusChart = new GitOpsFileChart(this, 'PrometheusPatchFile', {
        path: `${this.componentDir}/${prometheusPatchFile}`,
      });
      const prometheusPatch = new ApiObject(
        prometheusChart,
        'PrometheusOtlpPatch',
        toApiObjectProps(props.prometheusPatch),
      );
      addManifestComment(
        prometheusPatch,
        [],
        'Strategic-merge patch: turns on the OTLP receiver (Prometheus 3 ignores ' +
          'the 2.x flag otlp-write-receiver) with the translation strategy the ' +
          'dashboard queries are written for. A component runs before the parent ' +
          "kustomization's own patches, so an enableFeatures list in " +
          'overlays/prometheus.yaml still wins: delete the otlp-write-receiver ' +
          'entry there.',
      );
      patches.push(prometheusPatchFile);
    }

    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      resources,
      patches: patches.map((path) => ({ path })),
    };
    const header = [
      '# Generated by openclaw-ops; do not edit.',
      `# Dashboard ${this.configMapName} (mount ${this.mountPath}).`,
      '# To enable, add this one line to argoproj/prometheus-operator/kustomization.yaml:',
      `#   ${this.kustomizationLine}`,
      ...(props.prometheusPatch === undefined
        ? []
        : [
            '# and delete "otlp-write-receiver" from enableFeatures in overlays/prometheus.yaml: kustomize',
            "# applies a component before the parent's patches, so that overlay would put the dead flag back.",
          ]),
    ];
    new GitOpsTextFile(this, 'Kustomization', {
      path: `${this.componentDir}/kustomization.yaml`,
      content: `${header.join('\n')}\n${stringify(kustomization, { lineWidth: 0 })}`,
    });

    this.node.addValidation({
      validate: () => {
        const problems = [...(props.validate?.() ?? [])];
        const bytes = Buffer.byteLength(JSON.stringify(this.configMap.toJson()), 'utf8');
        if (bytes > DASHBOARD_CONFIGMAP_BUDGET_BYTES) {
          problems.push(
            `configmap ${this.configMapName} is ${bytes} bytes, expected at most ` +
              `${DASHBOARD_CONFIGMAP_BUDGET_BYTES} (half the 256 KiB last-applied ` +
              `annotation limit); split the dashboard or drop panels`,
          );
        }
        return problems;
      },
    });
  }
}

function toApiObjectProps(patch: Readonly<Record<string, unknown>>): {
  apiVersion: string;
  kind: string;
  [key: string]: unknown;
} {
  const { apiVersion, kind } = patch;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    throw new Error(
      `grafana dashboard provisioning: received a prometheus patch without ` +
        `apiVersion/kind (${JSON.stringify({ apiVersion, kind })}), expected a ` +
        `full object such as prometheusOtlpPatch(settings) returns`,
    );
  }
  return { ...patch, apiVersion, kind };
}
