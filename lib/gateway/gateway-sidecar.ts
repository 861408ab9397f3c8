// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import type * as k8s from 'cdk8s-plus-28/lib/imports/k8s';

/** A sidecar of Deployment `openclaw`, with what it needs from the pod. */
export interface GatewaySidecar {
  /** The container, added after today's sidecars. */
  readonly container: k8s.Container;
  /**
   * Pod volumes it needs, added after today's volumes.
   *
   * @default []
   */
  readonly volumes?: readonly k8s.Volume[];
  /**
   * Mounts it needs in container `openclaw` too (e.g. a directory the gateway writes and the sidecar reads).
   *
   * @default []
   */
  readonly gatewayMounts?: readonly k8s.VolumeMount[];
}
