/**
 * The containers and volumes of the gateway pod, built from the config's {@link GatewayPodConfig}
 * (the values, lolice's among them, live in the config; this file only knows how each is written).
 * Shell scripts are `command: ["sh", "-c"]` plus the script as the single `args` entry.
 */
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import type { ImageReference } from '../core/image-reference';
import type {
  ContainerBodySpec,
  ContainerResourcesSpec,
  GatewayContainerSpec,
  HttpProbeSpec,
  PodContainerSpec,
  PodVolumeSpec,
} from './gateway-pod-config';
import { GATEWAY_CONTAINER_NAME, GATEWAY_PORT } from './gateway-labels';

/** Names of the pod's volumes the tool itself relies on. */
export const GatewayVolume = {
  /** The OpenClaw state directory (PVC root); the run-log shipper reads it. */
  DATA: 'data',
} as const;

export function imageOf(image: ImageReference): string {
  return `${image.repository}:${image.tag}`;
}

function quantities(values: Readonly<Record<string, string>> | undefined): Record<string, k8s.Quantity> | undefined {
  if (values === undefined) return undefined;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, k8s.Quantity.fromString(value)]));
}

function resources(spec: ContainerResourcesSpec | undefined): k8s.ResourceRequirements | undefined {
  if (spec === undefined) return undefined;
  return { requests: quantities(spec.requests), limits: quantities(spec.limits) };
}

function probe(spec: HttpProbeSpec | undefined): k8s.Probe | undefined {
  if (spec === undefined) return undefined;
  return {
    httpGet: { path: spec.httpGet.path, port: k8s.IntOrString.fromNumber(spec.httpGet.port) },
    initialDelaySeconds: spec.initialDelaySeconds,
    periodSeconds: spec.periodSeconds,
    timeoutSeconds: spec.timeoutSeconds,
    failureThreshold: spec.failureThreshold,
  };
}

/** `command: ["sh", "-c"]`, `args: [script]` (lines joined, with a trailing newline, as a YAML `|` block). */
function shellScript(lines: readonly string[] | undefined): Pick<k8s.Container, 'command' | 'args'> {
  return lines === undefined ? {} : { command: ['sh', '-c'], args: [`${lines.join('\n')}\n`] };
}

function body(spec: ContainerBodySpec): Omit<k8s.Container, 'name'> {
  return {
    ...shellScript(spec.script),
    resources: resources(spec.resources),
    securityContext: spec.securityContext && {
      ...spec.securityContext,
      capabilities: spec.securityContext.capabilities && {
        add: spec.securityContext.capabilities.add && [...spec.securityContext.capabilities.add],
        drop: spec.securityContext.capabilities.drop && [...spec.securityContext.capabilities.drop],
      },
    },
    volumeMounts: spec.volumeMounts?.map((mount) => ({ ...mount })),
  };
}

/** An init container or sidecar as the config declares it. */
export function podContainer(spec: PodContainerSpec): k8s.Container {
  return {
    name: spec.name,
    image: imageOf(spec.image),
    ...body(spec),
    ports: spec.ports?.map((containerPort) => ({ containerPort })),
    env: spec.env?.map((item) => ({ name: item.name, value: item.value })),
    readinessProbe: probe(spec.readinessProbe),
    livenessProbe: probe(spec.livenessProbe),
  };
}

/** Container `openclaw`: the config's script, resources and mounts, the graph's image, env and port. */
export function gatewayContainer(spec: GatewayContainerSpec, image: ImageReference, env: k8s.EnvVar[]): k8s.Container {
  return {
    name: GATEWAY_CONTAINER_NAME,
    image: imageOf(image),
    ...body(spec),
    ports: [{ containerPort: GATEWAY_PORT }],
    env,
  };
}

/** The pod's volumes; the openclaw.json volume gets the generated ConfigMap's name. */
export function podVolumes(specs: readonly PodVolumeSpec[], configMapName: string): k8s.Volume[] {
  return specs.map((spec) => {
    if (spec.openclawConfigMap === true) return { name: spec.name, configMap: { name: configMapName } };
    return {
      name: spec.name,
      emptyDir: spec.emptyDir && {},
      configMap: spec.configMap && { ...spec.configMap },
      persistentVolumeClaim: spec.persistentVolumeClaim && { ...spec.persistentVolumeClaim },
    };
  });
}
