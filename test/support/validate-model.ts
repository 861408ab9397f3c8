/**
 * Schema validation of synthesized Kubernetes objects with kubernetes-models (core kinds,
 * prometheus-operator) and, for ExternalSecret v1, the CRD schema in `crds/`. Tests only.
 */
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { ExternalSecret, Prometheus } from './crd-schema-model';

/**
 * Runs a kubernetes-models object's schema validation (throws on the first violation).
 *
 * `@kubernetes-models/base` only publishes an `exports` map, which our `moduleResolution: node`
 * cannot follow, so tsc does not see `Model#validate`; narrow it at runtime instead.
 */
export function validateModel(model: unknown): void {
  const validate = (model as { validate?: unknown }).validate;
  if (typeof validate !== 'function') {
    throw new Error(`expected a kubernetes-models object with validate(), received ${typeof validate}`);
  }
  validate.call(model);
}

type ModelFactory = (object: unknown) => unknown;

/**
 * `apiVersion/kind` → model constructor. A kind the tree emits but this table lacks is a test
 * failure: add its model here (core kinds from `kubernetes-models`, CRDs from `@kubernetes-models/*` or `crd-schema-model.ts`).
 */
export const KUBERNETES_MODELS: ReadonlyMap<string, ModelFactory> = new Map<string, ModelFactory>([
  ['v1/ConfigMap', (o) => new ConfigMap(o as never)],
  ['v1/Namespace', (o) => new Namespace(o as never)],
  ['v1/PersistentVolumeClaim', (o) => new PersistentVolumeClaim(o as never)],
  ['v1/Secret', (o) => new Secret(o as never)],
  ['v1/Service', (o) => new Service(o as never)],
  ['v1/ServiceAccount', (o) => new ServiceAccount(o as never)],
  ['apps/v1/Deployment', (o) => new Deployment(o as never)],
  ['apps/v1/StatefulSet', (o) => new StatefulSet(o as never)],
  ['batch/v1/CronJob', (o) => new CronJob(o as never)],
  ['batch/v1/Job', (o) => new Job(o as never)],
  ['networking.k8s.io/v1/NetworkPolicy', (o) => new NetworkPolicy(o as never)],
  ['external-secrets.io/v1/ExternalSecret', (o) => new ExternalSecret(o as never)],
  ['monitoring.coreos.com/v1/Prometheus', (o) => new Prometheus(o as never)],
  ['monitoring.coreos.com/v1/PrometheusRule', (o) => new PrometheusRule(o as never)],
  ['monitoring.coreos.com/v1/ServiceMonitor', (o) => new ServiceMonitor(o as never)],
  ['monitoring.coreos.com/v1/PodMonitor', (o) => new PodMonitor(o as never)],
]);

/**
 * Validates one object against its upstream schema; throws when the schema rejects it or when
 * no model is registered for its `apiVersion/kind`.
 */
export function validateKubernetesObject(object: { readonly apiVersion?: unknown; readonly kind?: unknown }): void {
  const gvk = `${String(object.apiVersion)}/${String(object.kind)}`;
  const factory = KUBERNETES_MODELS.get(gvk);
  if (!factory) {
    throw new Error(
      `no kubernetes-models schema registered for ${gvk}: expected one of ${[...KUBERNETES_MODELS.keys()].join(', ')}; add its model to test/support/validate-model.ts`,
    );
  }
  validateModel(factory(object));
}
