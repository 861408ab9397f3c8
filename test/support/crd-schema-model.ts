/**
 * Schema validation against a CRD file in `crds/` (its `openAPIV3Schema`), for kinds whose
 * kubernetes-models package needs a newer Node than the project supports (ExternalSecret v1).
 * Same shape as a kubernetes-models object: `new Model(object).validate()` throws on the first
 * violation, with the path and ajv's message (`spec/data/0 must have required property remoteRef`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prometheus as KmPrometheus } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Prometheus';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import * as YAML from 'yaml';

const CRDS_DIR = join(__dirname, '..', '..', 'crds');
const OTLP_FRAGMENT = join(__dirname, '..', 'fixtures', 'prometheus-crd-otlp.yaml');

// strict: false — CRD schemas carry x-kubernetes-* keywords and Kubernetes-only formats
const compile = (schema: object): ValidateFunction =>
  new Ajv({ strict: false, validateFormats: false }).compile(schema);

function firstError(errors: ErrorObject[] | null | undefined, prefix = ''): Error {
  const [first] = errors ?? [];
  return new Error(`${prefix}${first?.instancePath.replace(/^\//, '') ?? ''} ${first?.message ?? 'is invalid'}`.trim());
}

interface CrdDocument {
  readonly spec: {
    readonly versions: readonly { readonly name: string; readonly schema: { readonly openAPIV3Schema: object } }[];
  };
}

/** A model whose `validate()` checks the object against `version` of the CRD in `crds/<file>`. */
export type CrdModel = new (object: unknown) => { validate(): void };

/** Builds the model class for one CRD version; the schema is compiled on first use. */
export function crdModel(file: string, version: string): CrdModel {
  let compiled: ValidateFunction | undefined;
  const schema = (): ValidateFunction => {
    if (compiled !== undefined) return compiled;
    const crd = YAML.parse(readFileSync(join(CRDS_DIR, file), 'utf8')) as CrdDocument;
    const found = crd.spec.versions.find((v) => v.name === version);
    if (found === undefined) throw new Error(`crds/${file} has no version ${version}`);
    compiled = compile(found.schema.openAPIV3Schema);
    return compiled;
  };
  return class {
    constructor(private readonly object: unknown) {}

    validate(): void {
      const validate = schema();
      if (validate(this.object)) return;
      throw firstError(validate.errors);
    }
  };
}

/** ExternalSecret `external-secrets.io/v1`, from the CRD `imports/` is generated from. */
export const ExternalSecret = crdModel('external-secrets.io_externalsecrets.yaml', 'v1');

let otlpSpec: ValidateFunction | undefined;

/**
 * Prometheus `monitoring.coreos.com/v1`: the kubernetes-models schema (which predates the OTLP
 * fields) plus `spec.enableOTLPReceiver` and `spec.otlp` from the operator's CRD
 * (`test/fixtures/prometheus-crd-otlp.yaml`).
 */
export class Prometheus {
  constructor(private readonly object: { readonly spec?: unknown }) {}

  validate(): void {
    (new KmPrometheus(this.object as never) as unknown as { validate(): void }).validate();
    otlpSpec ??= compile({ type: 'object', properties: YAML.parse(readFileSync(OTLP_FRAGMENT, 'utf8')) as object });
    if (this.object.spec !== undefined && !otlpSpec(this.object.spec)) throw firstError(otlpSpec.errors, 'spec/');
  }
}
