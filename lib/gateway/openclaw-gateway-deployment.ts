import { Lazy } from 'cdk8s';
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import type { ImageReference } from '../config/openclaw-ops-config';
import type { LiteralEnvVar } from '../secrets/secret-declaration';
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
import { GATEWAY_DEPLOYMENT_LABELS, GATEWAY_SELECTOR_LABELS, SYNC_WAVE_ANNOTATION } from './gateway-labels';

/** An env var of container `openclaw` read from a Kubernetes Secret key. */
export interface SecretEnvVar {
  readonly name: string;
  readonly secretName: string;
  readonly key: string;
}

export interface OpenClawGatewayDeploymentProps {
  /** Namespace of the Deployment. */
  readonly namespace: string;
  /** The OpenClaw image (gateway, init containers, config-manager). */
  readonly image: ImageReference;
  /** Secret env vars of container `openclaw`, in order. Never `envFrom`, never optional. */
  readonly secretEnv: readonly SecretEnvVar[];
  /** Literal env vars of container `openclaw`, after the secret ones. */
  readonly literalEnv: readonly LiteralEnvVar[];
  /** The ConfigMap holding openclaw.json. */
  readonly configMapName: string;
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
  private readonly sidecars: k8s.Container[] = [];
  private readonly extraVolumes: k8s.Volume[] = [];
  private readonly extraGatewayMounts: k8s.VolumeMount[] = [];

  constructor(scope: Construct, id: string, props: OpenClawGatewayDeploymentProps) {
    super(scope, id);
    const env: k8s.EnvVar[] = [
      ...props.secretEnv.map((item) => ({
        name: item.name,
        valueFrom: { secretKeyRef: { name: item.secretName, key: item.key } },
      })),
      ...props.literalEnv.map((item) => ({ name: item.name, value: item.value })),
    ];

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
            containers: Lazy.any({
              produce: () => [
                withExtraMounts(gatewayContainer(props.image, env), this.extraGatewayMounts),
                configManagerContainer(props.image),
                dindContainer(),
                boardServerContainer(),
                dockerGcContainer(),
                ...this.sidecars,
              ],
            }),
            volumes: Lazy.any({ produce: () => [...gatewayVolumes(props.configMapName), ...this.extraVolumes] }),
          },
        },
      },
    });
  }

  /** Adds a sidecar container after today's ones (e.g. the cron run-log shipper). */
  public addSidecar(container: k8s.Container): void {
    if (this.sidecars.some((c) => c.name === container.name)) {
      throw new Error(`deployment openclaw already has a sidecar named "${container.name}": choose another name`);
    }
    this.sidecars.push(container);
  }

  /** Mounts a pod volume into container `openclaw` too (e.g. the gateway's file log directory). */
  public addGatewayVolumeMount(mount: k8s.VolumeMount): void {
    if (this.extraGatewayMounts.some((m) => m.mountPath === mount.mountPath)) {
      throw new Error(`container openclaw already mounts something at ${mount.mountPath}: choose another path`);
    }
    this.extraGatewayMounts.push(mount);
  }

  /** Adds a pod volume after today's ones. */
  public addVolume(volume: k8s.Volume): void {
    if (this.extraVolumes.some((v) => v.name === volume.name)) {
      throw new Error(`deployment openclaw already has a volume named "${volume.name}": choose another name`);
    }
    this.extraVolumes.push(volume);
  }
}

function withExtraMounts(container: k8s.Container, mounts: readonly k8s.VolumeMount[]): k8s.Container {
  return mounts.length === 0 ? container : { ...container, volumeMounts: [...(container.volumeMounts ?? []), ...mounts] };
}
