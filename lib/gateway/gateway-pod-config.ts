/**
 * The gateway pod as the config declares it: every container other than the tool's own sidecars,
 * with its image, script, resources, probes, security context and mounts, and the pod's volumes.
 * Plain values only: the gateway's section of the config. The constructs in this folder turn them into
 * Kubernetes objects and add what the graph derives (the gateway's env, its port, the generated
 * ConfigMap's name, the tool's sidecars).
 */
import type { ImageReference } from '../core/image-reference';
import type { LiteralEnvVar } from '../secrets/secret-declaration';

/** CPU and memory, as Kubernetes quantities (`"500m"`, `"1Gi"`). */
export interface ContainerResourcesSpec {
  /** @default - none */
  readonly requests?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly limits?: Readonly<Record<string, string>>;
}

/** A container's security context (the fields the pod uses). */
export interface ContainerSecurityContextSpec {
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly runAsNonRoot?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly privileged?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
}

/** An HTTP GET probe. */
export interface HttpProbeSpec {
  readonly httpGet: { readonly path: string; readonly port: number };
  /** @default - Kubernetes' default (0) */
  readonly initialDelaySeconds?: number;
  /** @default - Kubernetes' default (10) */
  readonly periodSeconds?: number;
  /** @default - Kubernetes' default (1) */
  readonly timeoutSeconds?: number;
  /** @default - Kubernetes' default (3) */
  readonly failureThreshold?: number;
}

/** A volume mount. */
export interface VolumeMountSpec {
  readonly name: string;
  readonly mountPath: string;
  /** @default - the volume's root */
  readonly subPath?: string;
  /** @default false */
  readonly readOnly?: boolean;
}

/** What every container of the pod may carry. */
export interface ContainerBodySpec {
  /**
   * The comment written above the container in the manifest.
   * @default - none
   */
  readonly comment?: string;
  /**
   * A shell script, written as `command: ["sh", "-c"]` and the script (lines joined, with a
   * trailing newline) as the single `args` entry.
   * @default - the image's entrypoint
   */
  readonly script?: readonly string[];
  /** @default - none */
  readonly resources?: ContainerResourcesSpec;
  /** @default - none */
  readonly securityContext?: ContainerSecurityContextSpec;
  /** @default [] */
  readonly volumeMounts?: readonly VolumeMountSpec[];
}

/** An init container or sidecar of the gateway pod. */
export interface PodContainerSpec extends ContainerBodySpec {
  readonly name: string;
  readonly image: ImageReference;
  /** Literal env vars, in file order. @default [] */
  readonly env?: readonly LiteralEnvVar[];
  /** Container ports (TCP). @default [] */
  readonly ports?: readonly number[];
  /** @default - none */
  readonly readinessProbe?: HttpProbeSpec;
  /** @default - none */
  readonly livenessProbe?: HttpProbeSpec;
}

/** Container `openclaw` itself: its image, env and port come from the rest of the config. */
export interface GatewayContainerSpec extends ContainerBodySpec {
  /**
   * Comments above env vars of container `openclaw`, by env var name.
   * @default - none
   */
  readonly envComments?: Readonly<Record<string, string>>;
}

/** A pod volume. Exactly one source. */
export interface PodVolumeSpec {
  readonly name: string;
  /** An empty directory. */
  readonly emptyDir?: Readonly<Record<string, never>>;
  /** A ConfigMap the config names. */
  readonly configMap?: { readonly name: string; readonly defaultMode?: number };
  /** The ConfigMap the tool generates with openclaw.json (its name comes from the graph). */
  readonly openclawConfigMap?: true;
  /** A PersistentVolumeClaim. */
  readonly persistentVolumeClaim?: { readonly claimName: string };
}

/** The pod of Deployment `openclaw`. */
export interface GatewayPodConfig {
  /** Run before the gateway, in order. */
  readonly initContainers: readonly PodContainerSpec[];
  /** Container `openclaw`. */
  readonly gateway: GatewayContainerSpec;
  /** Containers after `openclaw`, in order (the tool's own sidecars follow them). */
  readonly sidecars: readonly PodContainerSpec[];
  /**
   * The pod's volumes, in order (the tool's sidecars add theirs after). Volume `data` is the
   * OpenClaw state directory (`/home/node/.openclaw`), which the run-log shipper reads.
   */
  readonly volumes: readonly PodVolumeSpec[];
  /** @default - none */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /** Pod-level `securityContext.fsGroup`. @default - none */
  readonly fsGroup?: number;
}
