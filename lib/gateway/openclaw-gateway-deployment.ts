// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { addManifestComment } from '../files/yaml-comments';
import type { ImageReference } from '../core/image-reference';
import type { GatewayPodConfig } from './gateway-pod-config';
import { GatewayVolume, gatewayContainer, podContainer, podVolumes } from './gateway-containers';
import { DeclaredOnce } from '../core/declared-once';
import { SYNC_WAVE_ANNOTATION } from '../files/argocd';
import type { GatewayEnv } from './gateway-env';
import { GATEWAY_CONTAINER_NAME, GATEWAY_DEPLOYMENT_LABELS, GATEWAY_SELECTOR_LABELS } from './gateway-labels';
import type { GatewaySidecar } from './gateway-sidecar';

export interface OpenClawGatewayDeploymentProps {
  /** Namespace of the Deployment. */
  readonly namespace: string;
  /** The OpenClaw image (gateway, init containers, config-manager). */
  readonly image: ImageReference;
  /** Env of container `openclaw`: secret env vars (never `envFrom`, never optional), then literal ones. */
  readonly env: GatewayEnv;
  /** The ConfigMap holding openclaw.json. */
  readonly configMapName: string;
  /** The pod: init containers, container `openclaw`'s script and mounts, sidecars, volumes. */
  readonly pod: GatewayPodConfig;
  /**
   * Sidecars after today's ones (e.g. the cron run-log shipper), with their volumes and mounts.
   *
   * @default []
   */
  readonly sidecars?: readonly GatewaySidecar[];
  /**
   * Argo CD sync wave. The ExternalSecrets sit one wave earlier, so Argo CD waits until they are
   * healthy (the Secret exists with every key) before it touches the Deployment.
   *
   * @default 1
   */
  readonly syncWave?: number;
}

/**
 * Deployment `openclaw`: the gateway with the config's init containers and sidecars (Recreate, one
 * replica: the PVC has one writer; lolice's labels and selector), with the secret env generated
 * from the secret declarations.
 */
export class OpenClawGatewayDeployment extends Construct {
  /** The Deployment object. */
  public readonly resource: k8s.KubeDeployment;

  constructor(scope: Construct, id: string, props: OpenClawGatewayDeploymentProps) {
    super(scope, id);
    const env: k8s.EnvVar[] = [
      ...props.env.secret.map((item) => ({
        name: item.name,
        valueFrom: { secretKeyRef: { name: item.value.secretName, key: item.value.key } },
      })),
      ...props.env.literal.map((item) => ({ name: item.name, value: item.value })),
    ];
    const sidecars = props.sidecars ?? [];
    const containers = uniqueBy(
      sidecars.map((s) => s.container),
      (c) => c.name,
      (name) => `deployment openclaw already has a sidecar named "${name}": choose another name`,
    );
    const volumes = uniqueBy(
      sidecars.flatMap((s) => s.volumes ?? []),
      (v) => v.name,
      (name) => `deployment openclaw already has a volume named "${name}": choose another name`,
    );
    const gatewayMounts = uniqueBy(
      sidecars.flatMap((s) => s.gatewayMounts ?? []),
      (m) => m.mountPath,
      (path) => `container openclaw already mounts something at ${path}: choose another path`,
    );

    const pod = props.pod;
    const podVolumeList = podVolumes(pod.volumes, props.configMapName);
    if (sidecars.length > 0 && !podVolumeList.some((v) => v.name === GatewayVolume.DATA)) {
      throw new Error(
        `deployment openclaw: the pod has no volume "${GatewayVolume.DATA}", expected it (the OpenClaw ` +
          `state directory the sidecars ${sidecars.map((s) => s.container.name).join(', ')} read): ` +
          `add it to gatewayPod.volumes in the config`,
      );
    }
    uniqueBy(
      [GATEWAY_CONTAINER_NAME, ...pod.sidecars.map((c) => c.name), ...containers.map((c) => c.name)],
      (name) => name,
      (name) => `deployment openclaw already has a container named "${name}": choose another name`,
    );
    uniqueBy(
      [...podVolumeList, ...volumes],
      (v) => v.name,
      (name) => `deployment openclaw already has a volume named "${name}": choose another name`,
    );

    this.resource = new k8s.KubeDeployment(this, 'Resource', {
      metadata: {
        name: 'openclaw',
        namespace: props.namespace,
        labels: { ...GATEWAY_DEPLOYMENT_LABELS },
        annotations: { [SYNC_WAVE_ANNOTATION]: String(props.syncWave ?? 1) },
      },
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { ...GATEWAY_SELECTOR_LABELS } },
        template: {
          metadata: { labels: { ...GATEWAY_SELECTOR_LABELS } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: pod.fsGroup === undefined ? undefined : { fsGroup: pod.fsGroup },
            nodeSelector: pod.nodeSelector && { ...pod.nodeSelector },
            initContainers: pod.initContainers.map(podContainer),
            containers: [
              withExtraMounts(gatewayContainer(pod.gateway, props.image, env), gatewayMounts),
              ...pod.sidecars.map(podContainer),
              ...containers,
            ],
            volumes: [...podVolumeList, ...volumes],
          },
        },
      },
    });
    // The config's comments on its containers and on the gateway's env vars.
    const podPath = ['spec', 'template', 'spec'];
    pod.initContainers.forEach((spec, index) => {
      if (spec.comment !== undefined)
        addManifestComment(this.resource, [...podPath, 'initContainers', index], spec.comment);
    });
    [pod.gateway, ...pod.sidecars].forEach((spec, index) => {
      if (spec.comment !== undefined)
        addManifestComment(this.resource, [...podPath, 'containers', index], spec.comment);
    });
    for (const [name, text] of Object.entries(pod.gateway.envComments ?? {})) {
      const index = env.findIndex((e) => e.name === name);
      if (index < 0) {
        throw new Error(
          `deployment openclaw: gatewayPod.gateway.envComments names env var "${name}", expected one ` +
            `container openclaw has (${env.map((e) => e.name).join(', ')}): fix the name or remove the comment`,
        );
      }
      addManifestComment(this.resource, [...podPath, 'containers', 0, 'env', index], text);
    }
  }
}

function withExtraMounts(container: k8s.Container, mounts: readonly k8s.VolumeMount[]): k8s.Container {
  return mounts.length === 0
    ? container
    : { ...container, volumeMounts: [...(container.volumeMounts ?? []), ...mounts] };
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string, duplicate: (key: string) => string): T[] {
  const declared = new DeclaredOnce((key) => duplicate(key));
  for (const item of items) {
    declared.claim(keyOf(item), 'sidecar');
  }
  return [...items];
}
