/**
 * lolice's key order, stated (the snapshots would accept a reordering after `vitest -u`): the
 * ranking applied to one object, and the order of the keys in the rendered lolice files.
 */
import { parseAllDocuments } from 'yaml';
import { orderManifestKeys } from '../../lib/files/key-order';
import { buildApp } from '../support/openclaw-ops-harness';

type Json = Record<string, unknown>;
const keys = (value: unknown): string[] => Object.keys(value as Json);
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, p) => (v as Record<string | number, unknown>)[p], value);

describe('orderManifestKeys', () => {
  // alphabetical, as cdk8s writes it
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { annotations: { a: '1' }, labels: { x: 'y' }, name: 'web', namespace: 'app' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'Recreate' },
      template: {
        spec: {
          containers: [
            {
              args: ['serve'],
              command: ['node'],
              env: [{ name: 'A', value: '1' }],
              image: 'web:1',
              name: 'web',
              resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '512Mi' } },
              zUnranked: true,
              aUnranked: true,
            },
          ],
          nodeSelector: { 'kubernetes.io/arch': 'amd64' },
          securityContext: { fsGroup: 1000 },
          volumes: [],
        },
      },
    },
  };
  const ordered = orderManifestKeys(deployment);
  const container = at(ordered, 'spec', 'template', 'spec', 'containers', 0);

  it('puts apiVersion, kind, metadata, spec first', () => {
    expect(keys(ordered)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  it('orders metadata name, namespace, labels, annotations', () => {
    expect(keys(at(ordered, 'metadata'))).toEqual(['name', 'namespace', 'labels', 'annotations']);
  });

  it('puts metadata finalizers after annotations and before keys it does not rank', () => {
    const metadata = orderManifestKeys({
      metadata: { creationTimestamp: null, finalizers: ['x'], annotations: {}, name: 'a' },
    });
    expect(keys(at(metadata, 'metadata'))).toEqual(['name', 'annotations', 'finalizers', 'creationTimestamp']);
  });

  it('orders a Deployment spec replicas, strategy, selector, template', () => {
    expect(keys(at(ordered, 'spec'))).toEqual(['replicas', 'strategy', 'selector', 'template']);
  });

  it('orders a pod spec securityContext, nodeSelector, containers, volumes', () => {
    expect(keys(at(ordered, 'spec', 'template', 'spec'))).toEqual([
      'securityContext',
      'nodeSelector',
      'containers',
      'volumes',
    ]);
  });

  it('puts a container name, image before command and args, resources requests before limits', () => {
    expect(keys(container)).toEqual(['name', 'image', 'command', 'args', 'env', 'resources', 'zUnranked', 'aUnranked']);
    expect(keys(at(container, 'resources'))).toEqual(['requests', 'limits']);
    expect(keys(at(container, 'resources', 'limits'))).toEqual(['cpu', 'memory']);
    expect(keys(at(container, 'env', 0))).toEqual(['name', 'value']);
  });

  it('keeps unranked keys after the ranked ones, in their order', () => {
    expect(keys(orderManifestKeys({ zeta: 1, kind: 'X', alpha: 2, apiVersion: 'v1' }))).toEqual([
      'apiVersion',
      'kind',
      'zeta',
      'alpha',
    ]);
  });

  it('is a deep copy: values kept, arrays in place, primitives and null as they are', () => {
    expect(ordered).toEqual(deployment);
    expect(ordered).not.toBe(deployment);
    expect(keys(deployment.metadata)).toEqual(['annotations', 'labels', 'name', 'namespace']);
    expect(orderManifestKeys([{ b: 1, name: 'n' }, 'x', null, 3])).toEqual([{ name: 'n', b: 1 }, 'x', null, 3]);
    expect(keys(orderManifestKeys([{ b: 1, name: 'n' }])[0])).toEqual(['name', 'b']);
    expect(orderManifestKeys(null)).toBeNull();
    expect(orderManifestKeys('text')).toBe('text');
  });
});

describe('key order of the rendered lolice files', () => {
  const tree = buildApp().renderLolice();
  const objects = (file: string): Json[] => {
    const text = tree.get(file);
    expect(text, file).toBeDefined();
    return parseAllDocuments(text ?? '').map((d) => d.toJSON() as Json);
  };

  it('the Deployment: top level, metadata, spec, the gateway container and its resources', () => {
    const [deployment] = objects('argoproj/openclaw/deployment-openclaw.yaml');
    expect(keys(deployment)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(keys(at(deployment, 'metadata'))).toEqual(['name', 'namespace', 'labels', 'annotations']);
    expect(keys(at(deployment, 'metadata', 'labels'))).toEqual([
      'app.kubernetes.io/name',
      'app.kubernetes.io/component',
      'app.kubernetes.io/managed-by',
    ]);
    expect(keys(at(deployment, 'spec'))).toEqual(['replicas', 'strategy', 'selector', 'template']);
    const pod = at(deployment, 'spec', 'template', 'spec') as Json;
    expect(keys(pod).slice(0, 5)).toEqual([
      'automountServiceAccountToken',
      'securityContext',
      'nodeSelector',
      'initContainers',
      'containers',
    ]);
    const init = (pod.initContainers as Json[])[0];
    expect(keys(init).slice(0, 4)).toEqual(['name', 'image', 'command', 'args']);
    for (const container of pod.containers as Json[]) {
      const resources = container.resources;
      if (resources !== undefined) expect(keys(resources), String(container.name)).toEqual(['requests', 'limits']);
    }
    expect((pod.containers as Json[]).filter((c) => c.resources !== undefined).length).toBeGreaterThan(0);
  });

  it('the ExternalSecret: spec and each data item', () => {
    const [es] = objects('argoproj/openclaw/external-secret.yaml');
    expect(keys(es)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(keys(at(es, 'spec'))).toEqual(['refreshInterval', 'secretStoreRef', 'target', 'data']);
    expect(keys(at(es, 'spec', 'secretStoreRef'))).toEqual(['name', 'kind']);
    expect(keys(at(es, 'spec', 'target'))).toEqual(['name', 'creationPolicy', 'deletionPolicy']);
    expect(keys(at(es, 'spec', 'data', 0))).toEqual(['secretKey', 'remoteRef']);
    expect(keys(at(es, 'spec', 'data', 0, 'remoteRef'))).toEqual([
      'conversionStrategy',
      'decodingStrategy',
      'key',
      'metadataPolicy',
    ]);
  });

  it('the NetworkPolicies: podSelector, policyTypes, ingress, egress', () => {
    const policies = objects('argoproj/openclaw/networkpolicy.yaml');
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      expect(keys(policy)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
      const spec = keys(at(policy, 'spec'));
      const order = ['podSelector', 'policyTypes', 'ingress', 'egress'].filter((k) => spec.includes(k));
      expect(spec, String(at(policy, 'metadata', 'name'))).toEqual(order);
    }
  });
});
