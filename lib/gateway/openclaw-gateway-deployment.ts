// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { addManifestComment } from '../gitops/yaml-comments';
import type { ImageReference } from '../config/openclaw-ops-config';
import {
  boardServerContainer,
  configManagerContainer,
  dindContainer,
  dockerGcContainer,
  gatewayContainer,
  gatewayVolumes,
  initConfigContainer,
  initDotfilesContainer,
} from './gateway-containers';
import { DeclaredOnce } from '../config/declared-once';
import { SYNC_WAVE_ANNOTATION } from '../gitops/argocd';
import type { GatewayEnv } from './gateway-env';
import { GATEWAY_DEPLOYMENT_LABELS, GATEWAY_SELECTOR_LABELS } from './gateway-labels';
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
 * Deployment `openclaw`: the gateway with its init containers and sidecars, exactly as lolice
 * runs it (Recreate, one replica, today's labels and selector), with the secret env generated
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
            securityContext: { fsGroup: 1000 },
            nodeSelector: { 'kubernetes.io/arch': 'amd64' },
            initContainers: [initConfigContainer(props.image), initDotfilesContainer(props.image)],
            containers: [
              withExtraMounts(gatewayContainer(props.image, env), gatewayMounts),
              configManagerContainer(props.image),
              dindContainer(),
              boardServerContainer(),
              dockerGcContainer(),
              ...containers,
            ],
            volumes: [...gatewayVolumes(props.configMapName), ...volumes],
          },
        },
      },
    });
    // lolice's comments on its containers, where lolice has them.
    const pod = ['spec', 'template', 'spec'];
    CONTAINER_COMMENTS.initContainers.forEach((text, index) => {
      if (text !== undefined) addManifestComment(this.resource, [...pod, 'initContainers', index], text);
    });
    CONTAINER_COMMENTS.containers.forEach((text, index) => {
      if (text !== undefined) addManifestComment(this.resource, [...pod, 'containers', index], text);
    });
    const nodeOptions = env.findIndex((e) => e.name === 'NODE_OPTIONS');
    if (nodeOptions >= 0) {
      addManifestComment(this.resource, [...pod, 'containers', 0, 'env', nodeOptions], NODE_OPTIONS_COMMENT);
    }
  }
}

const NODE_OPTIONS_COMMENT = [
  'Limit Node.js heap to prevent unbounded memory growth.',
  'Without this, Node.js may use up to 75% of the container',
  'memory limit (3 GiB of 4 GiB), causing pressure on the node.',
].join('\n');

/** The comments above the pod's containers, by index, as lolice writes them. */
const CONTAINER_COMMENTS: {
  readonly initContainers: readonly (string | undefined)[];
  readonly containers: readonly (string | undefined)[];
} = {
  initContainers: [
    [
      'Copy config from ConfigMap to PVC.',
      'OpenClaw resolves ${VAR_NAME} in memory at config load time',
      'for top-level string values (e.g. tokens, apiKeys).',
    ].join('\n'),
    'Clone/update dotfiles and create symlink for .claude config',
  ],
  containers: [
    undefined,
    [
      'Config manager sidecar: periodically syncs ConfigMap to PVC',
      "so that OpenClaw's chokidar file watcher detects changes and",
      'hot-reloads configuration without Pod restart.',
    ].join('\n'),
    [
      'Docker-in-Docker sidecar for sandbox mode',
      'WARNING: privileged: true is required for DinD but carries container escape risk.',
      'Mitigations: NetworkPolicy blocks RFC1918, automountServiceAccountToken: false,',
      'consider dedicated node with taint/toleration for blast radius limitation.',
    ].join('\n'),
    'board-server sidecar: serves board.md as a web page via nginx',
    [
      'Docker GC sidecar: periodically prunes unused Docker resources',
      '(stopped containers, dangling images, build cache) to prevent',
      'memory growth in the dind container.',
    ].join('\n'),
  ],
};

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
