import { Construct } from 'constructs';
import type { ImageReference } from '../core/image-reference';
import type { GatewayPodConfig } from './gateway-pod-config';
import { GitOpsFileChart } from '../files/gitops-file-chart';
import type { OpenClawConfig } from '../openclaw/openclaw-config';
import type { GatewayEnv } from './gateway-env';
import type { GatewaySidecar } from './gateway-sidecar';
import { OpenClawGatewayDeployment } from './openclaw-gateway-deployment';

/** Props of {@link OpenClawGateway}. */
export interface OpenClawGatewayProps {
  /** Where the Deployment file goes, relative to the GitOps repo root (the config's `paths.gatewayDeployment`). */
  readonly path: string;
  /** Namespace of the Deployment. */
  readonly namespace: string;
  /** The OpenClaw image (gateway, init containers, config-manager). */
  readonly image: ImageReference;
  /** Env of container `openclaw`; secret values only as references to produced Secret keys. */
  readonly env: GatewayEnv;
  /** The `openclaw.json` the gateway mounts. */
  readonly config: OpenClawConfig;
  /** The pod: init containers, container `openclaw`'s script and mounts, sidecars, volumes. */
  readonly pod: GatewayPodConfig;
  /**
   * Sidecars after today's ones.
   *
   * @default []
   */
  readonly sidecars?: readonly GatewaySidecar[];
}

/** The OpenClaw gateway: Deployment `openclaw` in the file `paths.gatewayDeployment` names. */
export class OpenClawGateway extends Construct {
  /** The Deployment construct. */
  public readonly deployment: OpenClawGatewayDeployment;

  constructor(scope: Construct, id: string, props: OpenClawGatewayProps) {
    super(scope, id);
    const chart = new GitOpsFileChart(this, 'deployment-openclaw', { path: props.path });
    this.deployment = new OpenClawGatewayDeployment(chart, 'Gateway', {
      namespace: props.namespace,
      image: props.image,
      env: props.env,
      configMapName: props.config.configMapName,
      pod: props.pod,
      sidecars: props.sidecars,
    });
  }

  /** `metadata.name` of the Deployment. */
  public get deploymentName(): string {
    return this.deployment.resource.name;
  }
}
