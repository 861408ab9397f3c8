/**
 * A kustomize Component that adds one ConfigMap to the deployment's Grafana (kube-prometheus): the
 * ConfigMap file, a strategic-merge patch on the Grafana Deployment that mounts it read-only, any
 * further patches, and `kustomization.yaml` (`kind: Component`) listing them. The dashboard and the
 * alert provisioning are both delivered this way; the owner enables each with one `components:` line
 * in the kustomization of the Grafana app (`paths.grafanaApp`).
 */
import { ApiObject } from 'cdk8s';
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { yamlText } from '../files/yaml-emitter';
import { GitOpsFileChart } from '../files/gitops-file-chart';
import { GitOpsTextFile } from '../files/lolice-tree';
import { addManifestComment } from '../files/yaml-comments';

/** How the Grafana app's kustomization lists a Component. */
export interface GrafanaComponentReference {
  /** The Component directory relative to the Grafana app, e.g. `components/openclaw-alerting`. */
  readonly componentReference: string;
  /** The one line (in YAML) that enables it, e.g. `components: [components/openclaw-alerting]`. */
  readonly kustomizationLine: string;
}

/**
 * The reference for a Component in `componentDir`; throws unless the directory is under `grafanaApp`
 * (the kustomize app of Grafana: only its kustomization can list the Component).
 */
export function grafanaComponentReference(componentDir: string, grafanaApp: string): GrafanaComponentReference {
  if (!componentDir.startsWith(`${grafanaApp}/`)) {
    throw new Error(
      `grafana component: received componentDir ${JSON.stringify(componentDir)}, expected a ` +
        `directory under ${grafanaApp}/ (paths.grafanaApp) so that its kustomization can list it`,
    );
  }
  const componentReference = componentDir.slice(grafanaApp.length + 1);
  return { componentReference, kustomizationLine: `components: [${componentReference}]` };
}

/** The ConfigMap a {@link GrafanaComponent} adds. */
export interface GrafanaComponentConfigMap {
  /** File name in the Component directory. */
  readonly fileName: string;
  /** ConfigMap name. */
  readonly name: string;
  /** The files it holds (key → content). */
  readonly data: Readonly<Record<string, string>>;
  /**
   * Labels of the ConfigMap.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** The comment above the ConfigMap in its file (one paragraph). */
  readonly comment: string;
}

/** The Grafana Deployment patch of a {@link GrafanaComponent}: one volume of the ConfigMap, mounted read-only. */
export interface GrafanaComponentMount {
  /** File name of the patch in the Component directory. */
  readonly fileName: string;
  /** Name of the pod volume. */
  readonly volumeName: string;
  /** Where the Grafana container sees the ConfigMap's files. */
  readonly mountPath: string;
  /**
   * Mount the ConfigMap as a projected volume (further ConfigMaps can be added as sources later).
   * @default false
   */
  readonly projected?: boolean;
  /**
   * Pod template annotations the patch sets (e.g. a content digest, so that Grafana restarts when
   * files it reads only at start change).
   * @default - none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * Name the Deployment as the patch's explicit `target` in the kustomization.
   * @default false
   */
  readonly explicitTarget?: boolean;
  /** The comment above the patch in its file (joined into one paragraph). */
  readonly comment: readonly string[];
}

/** A further strategic-merge patch shipped in a {@link GrafanaComponent} (e.g. of the Prometheus CR). */
export interface GrafanaComponentPatch {
  /** File name in the Component directory. */
  readonly fileName: string;
  /** The full patch object (`apiVersion`, `kind`, `metadata`, and what it changes). */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** The comment above the patch in its file (one paragraph). */
  readonly comment: string;
}

/** Props of {@link GrafanaComponent}. */
export interface GrafanaComponentProps {
  /** Repo-relative directory of the Component, under {@link grafanaApp}. */
  readonly componentDir: string;
  /** The kustomize app of Grafana (`paths.grafanaApp`), whose kustomization lists the Component. */
  readonly grafanaApp: string;
  /** Comment lines at the top of `kustomization.yaml`, without the leading `# `. */
  readonly header: readonly string[];
  /** The ConfigMap the Component adds. */
  readonly configMap: GrafanaComponentConfigMap;
  /** How Grafana mounts it. */
  readonly mount: GrafanaComponentMount;
  /**
   * Further patches, listed after the Grafana patch.
   * @default - none
   */
  readonly patches?: readonly GrafanaComponentPatch[];
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

/** The kustomize Component adding one ConfigMap to Grafana (see the file comment). */
export class GrafanaComponent extends Construct {
  /** Repo-relative directory of the Component. */
  public readonly componentDir: string;
  /** The Component directory relative to the Grafana app (`paths.grafanaApp`). */
  public readonly componentReference: string;
  /** The one line (in YAML) the user adds to lolice's kustomization. */
  public readonly kustomizationLine: string;
  /** The ConfigMap. */
  public readonly configMap: k8s.KubeConfigMap;

  constructor(scope: Construct, id: string, props: GrafanaComponentProps) {
    super(scope, id);
    const reference = grafanaComponentReference(props.componentDir, props.grafanaApp);
    this.componentDir = props.componentDir;
    this.componentReference = reference.componentReference;
    this.kustomizationLine = reference.kustomizationLine;
    const dir = props.componentDir;
    const namespace = props.namespace ?? 'monitoring';
    const deployment = props.grafanaDeployment ?? 'grafana';
    const { configMap, mount } = props;

    const configMapChart = new GitOpsFileChart(this, 'ConfigMapFile', { path: `${dir}/${configMap.fileName}` });
    this.configMap = new k8s.KubeConfigMap(configMapChart, 'ConfigMap', {
      metadata: {
        name: configMap.name,
        namespace,
        ...(configMap.labels === undefined ? {} : { labels: { ...configMap.labels } }),
      },
      data: { ...configMap.data },
    });
    addManifestComment(this.configMap, [], configMap.comment);

    const grafanaPatch = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: deployment, namespace },
      spec: {
        template: {
          ...(mount.podAnnotations === undefined ? {} : { metadata: { annotations: { ...mount.podAnnotations } } }),
          spec: {
            containers: [
              {
                name: props.grafanaContainer ?? 'grafana',
                volumeMounts: [{ mountPath: mount.mountPath, name: mount.volumeName, readOnly: true }],
              },
            ],
            volumes: [
              mount.projected === true
                ? { name: mount.volumeName, projected: { sources: [{ configMap: { name: configMap.name } }] } }
                : { name: mount.volumeName, configMap: { name: configMap.name } },
            ],
          },
        },
      },
    };
    const patchChart = new GitOpsFileChart(this, 'GrafanaPatchFile', { path: `${dir}/${mount.fileName}` });
    const patch = new ApiObject(patchChart, 'GrafanaDeploymentPatch', grafanaPatch);
    addManifestComment(patch, [], mount.comment.join(' '));

    for (const extra of props.patches ?? []) {
      const chart = new GitOpsFileChart(this, `Patch-${extra.fileName}`, { path: `${dir}/${extra.fileName}` });
      const patch = new ApiObject(chart, 'Patch', toApiObjectProps(extra));
      addManifestComment(patch, [], extra.comment);
    }

    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      resources: [configMap.fileName],
      patches: [
        mount.explicitTarget === true
          ? { path: mount.fileName, target: { kind: 'Deployment', name: deployment, namespace } }
          : { path: mount.fileName },
        ...(props.patches ?? []).map((extra) => ({ path: extra.fileName })),
      ],
    };
    new GitOpsTextFile(this, 'Kustomization', {
      path: `${dir}/kustomization.yaml`,
      content: `${props.header.map((line) => `# ${line}\n`).join('')}${yamlText(kustomization)}`,
    });
  }
}

function toApiObjectProps(patch: GrafanaComponentPatch): { apiVersion: string; kind: string; [key: string]: unknown } {
  const { apiVersion, kind } = patch.manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    throw new Error(
      `grafana component patch ${patch.fileName}: received a patch without apiVersion/kind ` +
        `(${JSON.stringify({ apiVersion, kind })}), expected a full object such as ` +
        `prometheusOtlpPatch(settings) returns`,
    );
  }
  return { ...patch.manifest, apiVersion, kind };
}
