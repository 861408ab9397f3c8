/**
 * The key order of lolice's hand-written manifests. cdk8s sorts keys alphabetically; lolice writes
 * `apiVersion, kind, metadata, spec`, `name` first, a container's `image` before its `command`,
 * `requests` before `limits`. Rendering reorders every object by this one ranking so a generated file
 * that replaces a live one differs from it only where the content does. Keys not ranked keep
 * their (alphabetical) order after the ranked ones.
 */
const KEY_RANK: readonly string[] = [
  'apiVersion',
  'automountServiceAccountToken',
  'name',
  'kind',
  'metadata',
  'namespace',
  'alert',
  'record',
  'expr',
  'for',
  'labels',
  'annotations',
  'finalizers',
  'app.kubernetes.io/name',
  'app.kubernetes.io/component',
  'app.kubernetes.io/managed-by',
  'spec',
  // Deployment and pod
  'replicas',
  'strategy',
  'type',
  'selector',
  'template',
  'matchLabels',
  'image',
  'command',
  'args',
  'from',
  'to',
  'ports',
  'containerPort',
  'env',
  'value',
  'valueFrom',
  'secretKeyRef',
  'resources',
  'requests',
  'limits',
  'cpu',
  'memory',
  'securityContext',
  'fsGroup',
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'readOnlyRootFilesystem',
  'allowPrivilegeEscalation',
  'capabilities',
  'privileged',
  'drop',
  'nodeSelector',
  'initContainers',
  'containers',
  'readinessProbe',
  'livenessProbe',
  'httpGet',
  'path',
  'protocol',
  'port',
  'initialDelaySeconds',
  'periodSeconds',
  'volumeMounts',
  'mountPath',
  'subPath',
  'readOnly',
  'volumes',
  'emptyDir',
  'configMap',
  'secret',
  'persistentVolumeClaim',
  'claimName',
  'defaultMode',
  // ExternalSecret (then ConfigMap and Secret data)
  'refreshInterval',
  'secretStoreRef',
  'target',
  'creationPolicy',
  'deletionPolicy',
  'data',
  'stringData',
  'secretKey',
  'remoteRef',
  'conversionStrategy',
  'decodingStrategy',
  'key',
  'metadataPolicy',
  // NetworkPolicy
  'namespaceSelector',
  'podSelector',
  'ipBlock',
  'cidr',
  'except',
  'policyTypes',
  'ingress',
  'egress',
];

const RANK = new Map(KEY_RANK.map((key, index) => [key, index]));

/** A deep copy of `value` with every object's keys in lolice's order. */
export function orderManifestKeys<T>(value: T): T {
  return reorder(value) as T;
}

function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  const ranked = keys.filter((k) => RANK.has(k)).sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
  const rest = keys.filter((k) => !RANK.has(k));
  const out: Record<string, unknown> = {};
  for (const key of [...ranked, ...rest]) out[key] = reorder((value as Record<string, unknown>)[key]);
  return out;
}
