import { ApiObject, App } from 'cdk8s';
import { Construct } from 'constructs';
import { findEnvPlaceholders } from './openclaw/env-placeholders';
import { ssmParameterNameProblems } from './secrets/ssm-parameter-name';
import { GATEWAY_CONTAINER_NAME } from './gateway/gateway-labels';
import { OPENCLAW_CONFIG_KEY } from './openclaw/openclaw-config-map';
import { manifestJson } from './files/manifest-json';

/** A synthesized Kubernetes object, as plain JSON. */
export interface Manifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly [key: string]: unknown;
}

export interface GraphInvariantsProps {
  /** Every SSM parameter the graph declares (generated here or existing), by name. */
  readonly declaredParameters: ReadonlySet<string>;
  /** Every SSM parameter name must start with this prefix. */
  readonly ssmPrefix: string;
  /**
   * The container whose env `${VAR}` references in openclaw.json resolve against.
   *
   * @default "openclaw"
   */
  readonly gatewayContainerName?: string;
}

/**
 * Cross-object rules of the lolice graph, checked on the synthesized manifests of the whole app
 * (so they hold for what is written, not only for what was declared):
 *
 * - `env-var-unique`: no env var is defined twice in a container;
 * - `no-env-from`: container env is explicit `env[].valueFrom.secretKeyRef`, never `envFrom`;
 * - `secret-key-produced`: every secretKeyRef names a Secret and key some ExternalSecret produces;
 * - `secret-key-unique`: no ExternalSecret writes the same key twice;
 * - `remote-ref-declared`: every ExternalSecret remoteRef names a declared SSM parameter;
 * - `ssm-parameter-name`: every remoteRef that is not a declared parameter is a valid SSM name
 *   inside the configured prefix (declared ones are checked where they are built: the
 *   ExternalSecret and the SSM parameter constructs);
 * - `config-env-defined`: every `${VAR}` in openclaw.json is an env var of the gateway container,
 *   and a literal env var it names is not empty (OpenClaw refuses to start otherwise).
 *
 * OpenClaw's own rules for openclaw.json (`openclaw-config`) live with the document, in the
 * `OpenClawConfig` construct.
 */
export class GraphInvariants extends Construct {
  constructor(scope: App, id: string, props: GraphInvariantsProps) {
    super(scope, id);
    this.node.addValidation({
      validate: () => checkGraphInvariants(collectManifests(scope), props),
    });
  }
}

/** Every ApiObject of the app, synthesized to JSON. */
export function collectManifests(app: App): Manifest[] {
  return app.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject)
    .map((o) => manifestJson(o) as Manifest);
}

interface ProducedKey {
  readonly externalSecret: string;
}

interface ContainerJson {
  readonly name?: string;
  readonly env?: readonly {
    readonly name?: string;
    readonly value?: string;
    readonly valueFrom?: { readonly secretKeyRef?: { readonly name?: string; readonly key?: string } };
  }[];
  readonly envFrom?: readonly unknown[];
}

/** Checks the cross-object rules on plain manifests; returns one message per violation. */
export function checkGraphInvariants(manifests: readonly Manifest[], props: GraphInvariantsProps): string[] {
  const errors: string[] = [];
  const gatewayName = props.gatewayContainerName ?? GATEWAY_CONTAINER_NAME;
  const produced = new Map<string, Map<string, ProducedKey>>();

  for (const manifest of manifests.filter((m) => m.kind === 'ExternalSecret')) {
    const esName = describe(manifest);
    const spec = (manifest.spec ?? {}) as {
      target?: { name?: string };
      data?: readonly { secretKey?: string; remoteRef?: { key?: string } }[];
    };
    const target = spec.target?.name ?? manifest.metadata?.name ?? '';
    const keys = produced.get(target) ?? new Map<string, ProducedKey>();
    produced.set(target, keys);
    for (const entry of spec.data ?? []) {
      const key = entry.secretKey ?? '';
      const remote = entry.remoteRef?.key ?? '';
      if (keys.has(key)) {
        errors.push(
          `[secret-key-unique] ${esName}: secret ${target} key ${key} is written ` +
            `twice (also by ${keys.get(key)?.externalSecret}): declare each secret ` +
            `key once`,
        );
      }
      keys.set(key, { externalSecret: esName });
      if (!props.declaredParameters.has(remote)) {
        for (const problem of ssmParameterNameProblems(remote, props.ssmPrefix)) {
          errors.push(`[ssm-parameter-name] ${esName} key ${key}: ${problem}`);
        }
        errors.push(
          `[remote-ref-declared] ${esName} key ${key}: remoteRef "${remote}" is ` +
            `not a declared ssm parameter, so ESO would fail with "parameter not ` +
            `found": declare it in the secrets list (owner generated to create it in ` +
            `arch, or existing if another state owns it)`,
        );
      }
    }
  }

  const gatewayEnv = new Map<string, string | undefined>();
  for (const manifest of manifests.filter((m) => m.kind === 'Deployment')) {
    const podSpec =
      (
        manifest.spec as
          { template?: { spec?: { containers?: ContainerJson[]; initContainers?: ContainerJson[] } } } | undefined
      )?.template?.spec ?? {};
    for (const container of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])]) {
      const where = `${describe(manifest)} container ${container.name}`;
      if (container.envFrom && container.envFrom.length > 0) {
        errors.push(
          `[no-env-from] ${where}: uses envFrom, which injects every key of a ` +
            `secret implicitly: list each variable in env[] with ` +
            `valueFrom.secretKeyRef`,
        );
      }
      const seen = new Set<string>();
      for (const env of container.env ?? []) {
        const name = env.name ?? '';
        if (seen.has(name)) {
          errors.push(
            `[env-var-unique] ${where}: env var ${name} is defined twice (the last one silently wins): declare it once`,
          );
        }
        seen.add(name);
        if (container.name === gatewayName) {
          gatewayEnv.set(name, env.valueFrom ? undefined : (env.value ?? ''));
        }
        const ref = env.valueFrom?.secretKeyRef;
        if (ref) {
          const keys = produced.get(ref.name ?? '');
          if (!keys) {
            errors.push(
              `[secret-key-produced] ${where} env ${name}: reads secret ${ref.name}, ` +
                `which no ExternalSecret produces (known: ` +
                `${[...produced.keys()].sort().join(', ') || 'none'}): add an ` +
                `ExternalSecret declaration with target ${ref.name}, or point the env ` +
                `var at an existing secret`,
            );
          } else if (!keys.has(ref.key ?? '')) {
            errors.push(
              `[secret-key-produced] ${where} env ${name}: reads key ${ref.key} of ` +
                `secret ${ref.name}, which no ExternalSecret produces (${ref.name} has: ` +
                `${[...keys.keys()].sort().join(', ')}); the pod would fail with ` +
                `CreateContainerConfigError: add ${ref.key} to the secret declarations ` +
                `or fix the key name`,
            );
          }
        }
      }
    }
  }

  for (const manifest of manifests.filter((m) => m.kind === 'ConfigMap')) {
    const text = (manifest.data as Record<string, string> | undefined)?.[OPENCLAW_CONFIG_KEY];
    if (text === undefined) {
      continue;
    }
    const where = `${describe(manifest)} ${OPENCLAW_CONFIG_KEY}`;
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      errors.push(`[openclaw-config] ${where}: is not valid JSON (${(error as Error).message}): fix the document`);
      continue;
    }
    for (const placeholder of findEnvPlaceholders(document)) {
      if (!gatewayEnv.has(placeholder.name)) {
        errors.push(
          `[config-env-defined] ${where}: \${${placeholder.name}} at ` +
            `${placeholder.path} has no env var on container ${gatewayName}; ` +
            `OpenClaw refuses to start with "Missing env var": add a secret ` +
            `declaration with envVars ["${placeholder.name}"] (or a literal env var)`,
        );
      } else if (gatewayEnv.get(placeholder.name) === '') {
        errors.push(
          `[config-env-defined] ${where}: \${${placeholder.name}} at ` +
            `${placeholder.path} names a literal env var that is empty; OpenClaw ` +
            `treats empty as missing and refuses to start: give it a value`,
        );
      }
    }
  }
  return errors;
}

function describe(manifest: Manifest): string {
  const ns = manifest.metadata?.namespace;
  return `${(manifest.kind ?? 'object').toLowerCase()} ${ns ? `${ns}/` : ''}${manifest.metadata?.name ?? '<unnamed>'}`;
}
