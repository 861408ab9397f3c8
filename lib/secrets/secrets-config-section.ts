/**
 * The secrets' section of the config: its schema (declarations, ExternalSecrets, literal env, the SSM
 * prefix, the store, the refresh interval) and its rules (SSM names and owners, ExternalSecret paths,
 * no credential in a literal env var). `config/` composes it into the whole config.
 */
import { z } from 'zod';
import type { ConfigProblem } from '../core/config-problem';
import { controlCharacters, goDurationMs, kmsKeyId, secretKeyName } from '../core/formats';
import { checked, envName, firstOf, objectName, singleLine, trimmed, type RuleParams } from '../core/zod-checks';
import { fixedGitOpsFiles, gitOpsDirOf, type GitOpsPaths } from '../files/gitops-paths';
import { repoYamlFileProblem } from '../files/paths-config-section';
import { CREDENTIAL_ENV, tokenFormat } from './credential-patterns';
import {
  SecretValueOwner,
  type ExternalSecretDeclaration,
  type LiteralEnvVar,
  type SecretDeclaration,
} from './secret-declaration';
import { ssmParameterNameProblems } from './ssm-parameter-name';

export const secretDeclarationSchema = z.strictObject({
  key: checked('secret-key-name', firstOf(trimmed('a Secret key'), secretKeyName)),
  secretName: objectName('a Secret name'),
  parameterName: z.string(),
  owner: z.enum(SecretValueOwner),
  description: checked(
    'ssm-description',
    firstOf(
      (v) =>
        v.length > 1024
          ? `received a description of ${v.length} characters, expected at most 1024 ` +
            `(the SSM limit; terraform apply would fail): shorten it`
          : undefined,
      singleLine,
    ),
  ),
  envVars: z.array(envName).readonly().optional(),
  managedBy: z.string().optional(),
  kmsKeyId: checked('kms-key-id', kmsKeyId).optional(),
  generatedLength: z
    .number()
    .int()
    .superRefine((length, ctx) => {
      if (length < 64 || length > 4096) {
        ctx.addIssue({
          code: 'custom',
          message:
            `received ${length}, expected an integer from 64 (≥ 32 bytes of entropy ` +
            `in alphanumerics) to 4096 (the SSM standard-tier value limit): set ` +
            `generatedLength in that range`,
          params: { rule: 'generated-length' } satisfies RuleParams,
        });
      }
    })
    .optional(),
});

export const externalSecretSchema = z.strictObject({
  name: objectName('an ExternalSecret name'),
  targetSecretName: objectName('a Secret name'),
  path: checked('gitops-path', repoYamlFileProblem),
  comment: checked('config-text', singleLine).optional(),
});

export const literalEnvSchema = z.strictObject({
  name: envName,
  value: checked('config-text', (v) => controlCharacters(v)),
});

/** ESO re-reads every parameter this often; below a minute it mostly burns SSM API quota. */
export const MIN_REFRESH_INTERVAL_MS = 60_000;

/** The section's fields of the whole config. */
export const secretsConfigShape = {
  ssmPrefix: checked('ssm-prefix', (v) =>
    /^\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/$/.test(v) && !/^\/(aws|ssm)/i.test(v)
      ? undefined
      : `received ${JSON.stringify(v)}, expected a prefix that starts and ends ` +
        `with "/" and uses only a-z, A-Z, 0-9, "_", "." and "-" (not starting ` +
        `with aws or ssm): fix ssmPrefix, e.g. "/lolice/openclaw/"`,
  ),
  secretStore: z.strictObject({
    kind: z.enum(['ClusterSecretStore', 'SecretStore']),
    name: objectName('a store name'),
  }),
  externalSecretRefreshInterval: checked('go-duration', (v) => {
    const ms = goDurationMs(v);
    if (ms === undefined) {
      return (
        `received ${JSON.stringify(v)}, expected a Go duration such as "1h", ` +
        `"30m" or "1h30m" (units ns, us, ms, s, m, h; no spaces, no days): ESO ` +
        `would reject the ExternalSecret; write e.g. "1h"`
      );
    }
    if (ms < MIN_REFRESH_INTERVAL_MS) {
      return (
        `received ${JSON.stringify(v)} (${ms} ms), expected at least "1m": ESO ` +
        `would re-read every parameter that often and burn the SSM API quota; ` +
        `use e.g. "1h"`
      );
    }
    return undefined;
  }),
  externalSecrets: z.array(externalSecretSchema).readonly(),
  secrets: z.array(secretDeclarationSchema).readonly(),
  gatewayLiteralEnv: z.array(literalEnvSchema).readonly(),
};

/** The secret declaration behind an env var of container openclaw. */
export function secretOfEnv(secrets: readonly SecretDeclaration[], name: string): SecretDeclaration | undefined {
  return secrets.find((secret) => (secret.envVars ?? []).includes(name));
}

/** How messages name a secret declaration. */
export function secretObject(secret: { readonly secretName: string; readonly key: string }): string {
  return `secret ${secret.secretName}/${secret.key}`;
}

/** The SSM side of the declarations: names inside the prefix, one owner per parameter. */
export function ssmParameterProblems(secrets: readonly SecretDeclaration[], ssmPrefix: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const byParameter = new Map<string, { generated: string[]; existing: string[] }>();
  for (const secret of secrets) {
    for (const problem of ssmParameterNameProblems(secret.parameterName, ssmPrefix)) {
      problems.push({ rule: 'ssm-parameter-name', object: `${secretObject(secret)} parameterName`, message: problem });
    }
    const entry = byParameter.get(secret.parameterName) ?? { generated: [], existing: [] };
    (secret.owner === SecretValueOwner.GENERATED ? entry.generated : entry.existing).push(secretObject(secret));
    byParameter.set(secret.parameterName, entry);
    const generatedOnly = secret.kmsKeyId !== undefined || secret.generatedLength !== undefined;
    if (secret.owner === SecretValueOwner.EXISTING && generatedOnly) {
      problems.push({
        rule: 'ssm-parameter-owner',
        object: secretObject(secret),
        message:
          `received ` +
          `${secret.kmsKeyId !== undefined ? 'kmsKeyId' : 'generatedLength'} on an ` +
          `existing parameter, which this stack never creates, so it would be ` +
          `ignored, expected none: remove it, or declare the parameter owner ` +
          `generated`,
      });
    }
  }
  for (const [parameter, { generated, existing }] of byParameter) {
    if (generated.length > 1) {
      problems.push({
        rule: 'ssm-parameter-owner',
        object: `ssm parameter ${parameter}`,
        message:
          `received ${generated.length} generated declarations (` +
          `${generated.join(', ')}), expected one: each would create its own ` +
          `random value for the same parameter; declare it generated once and let ` +
          `the other secrets read it as existing, or give each its own parameter`,
      });
    }
    if (generated.length > 0 && existing.length > 0) {
      problems.push({
        rule: 'ssm-parameter-owner',
        object: `ssm parameter ${parameter}`,
        message:
          `declared generated by ${generated.join(', ')} and existing by ` +
          `${existing.join(', ')}, expected one owner: if another state already ` +
          `owns it, terraform apply fails with ParameterAlreadyExists (or two ` +
          `states fight over it); declare it existing everywhere, or generated ` +
          `only if this stack creates it`,
      });
    }
  }
  return problems;
}

/** Each ExternalSecret in a file of its own, never over a file the tool generates. */
export function externalSecretPathProblems(
  externalSecrets: readonly ExternalSecretDeclaration[],
  paths: GitOpsPaths,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const fixed = fixedGitOpsFiles(paths);
  const seen = new Map<string, string>();
  for (const es of externalSecrets) {
    const object = `externalsecret ${es.name} path`;
    if (fixed.includes(es.path)) {
      problems.push({
        rule: 'gitops-path',
        object,
        message:
          `received ${JSON.stringify(es.path)}, a file the tool already generates, ` +
          `expected a path of its own: the later writer would replace the other ` +
          `file; choose e.g. "${gitOpsDirOf(paths.openclawConfigMap)}/external-secret-${es.name}.yaml"`,
      });
    } else if (seen.has(es.path)) {
      problems.push({
        rule: 'gitops-path',
        object,
        message:
          `received ${JSON.stringify(es.path)}, the path of externalsecret ` +
          `${seen.get(es.path)} too, expected one file per ExternalSecret: give ` +
          `each its own path`,
      });
    }
    seen.set(es.path, es.name);
  }
  return problems;
}

/** Literal env vars are committed to Git: no credential name, no token-shaped value. */
export function literalEnvProblems(literalEnv: readonly LiteralEnvVar[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  literalEnv.forEach((literal, index) => {
    const object = `config.gatewayLiteralEnv[${index}] (${literal.name})`;
    if (CREDENTIAL_ENV.test(literal.name) && literal.value.trim() !== '') {
      problems.push({
        rule: 'literal-env-secret',
        object,
        message:
          `received a literal value for a credential env var, expected it from a ` +
          `Secret: the Deployment is committed to Git; remove it from ` +
          `gatewayLiteralEnv and declare a secret with envVars ["${literal.name}"]`,
      });
    } else if (tokenFormat(literal.value) !== undefined) {
      problems.push({
        rule: 'literal-secret-value',
        object,
        message:
          `received what looks like ${tokenFormat(literal.value)}, expected no ` +
          `credential in a literal env var (the Deployment is committed to Git): ` +
          `revoke it, store it in SSM and declare a secret for it`,
      });
    }
  });
  return problems;
}
