/**
 * lolice's key ranking stated whole: every ranked key in order, before the keys it does not rank,
 * at every depth (the lolice-file tests in key-order.test.ts check the rendered files).
 */
import { orderManifestKeys } from '../../lib/files/key-order';

const keys = (value: unknown): string[] => Object.keys(value as Record<string, unknown>);

describe('the whole ranking', () => {
  // Every ranked key, in lolice's order: one object holding all of them in reverse comes out in this order.
  const RANKING = [
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
    'namespaceSelector',
    'podSelector',
    'ipBlock',
    'cidr',
    'except',
    'policyTypes',
    'ingress',
    'egress',
  ];

  it('orders nested objects and objects inside arrays, keeping values and array order', () => {
    const value = {
      spec: { b: 1, name: 'x' },
      list: [{ z: 1, kind: 'K' }, 'text', null, [{ y: 2, apiVersion: 'v' }]],
      kind: 'A',
    };
    const ordered = orderManifestKeys(value);
    expect(ordered).toEqual(value);
    expect(JSON.stringify(ordered)).toBe(
      '{"kind":"A","spec":{"name":"x","b":1},"list":[{"kind":"K","z":1},"text",null,[{"apiVersion":"v","y":2}]]}',
    );
    expect(ordered.spec).not.toBe(value.spec);
  });

  it('keeps keys that are already in ranked order in that order', () => {
    expect(keys(orderManifestKeys(Object.fromEntries(RANKING.map((key) => [key, 0]))))).toEqual(RANKING);
    const few = ['app.kubernetes.io/managed-by', 'runAsUser', 'readinessProbe', 'podSelector'];
    expect(keys(orderManifestKeys(Object.fromEntries(few.map((key) => [key, 0]))))).toEqual(few);
  });

  it('orders every ranked key, each before the unranked keys', () => {
    const reversed = Object.fromEntries([...RANKING].reverse().map((key) => [key, 0]));
    expect(keys(orderManifestKeys({ aUnranked: 0, ...reversed }))).toEqual([...RANKING, 'aUnranked']);
  });
});
