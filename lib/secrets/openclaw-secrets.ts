import { Construct } from 'constructs';
import { DeclaredOnce } from '../core/declared-once';
import { GitOpsFileChart } from '../files/gitops-file-chart';
import { type ArchManagedParameter, assertNotManagedElsewhere } from './arch-managed-parameters';
import { OpenClawExternalSecret } from './openclaw-external-secret';
import type { ExternalSecretDeclaration, SecretDeclaration } from './secret-declaration';
import type { SecretEnvVar } from './secret-key-reference';

/** Props of {@link OpenClawSecrets}. */
export interface OpenClawSecretsProps {
  /** Namespace of the ExternalSecrets. */
  readonly namespace: string;
  /** The ESO store every ExternalSecret reads from. */
  readonly store: { readonly kind: 'ClusterSecretStore' | 'SecretStore'; readonly name: string };
  /** How often ESO re-reads SSM, e.g. `1h`. */
  readonly refreshInterval: string;
  /** One ExternalSecret (and one lolice file) per entry. */
  readonly externalSecrets: readonly ExternalSecretDeclaration[];
  /** Every secret key, declared once; each targets the Secret of one ExternalSecret. */
  readonly secrets: readonly SecretDeclaration[];
  /** Every SSM parameter name must start with this prefix (rule `ssm-parameter-name`). */
  readonly ssmPrefix: string;
  /**
   * Parameters another Terraform state manages: a `GENERATED` declaration of one is refused
   * (rule `ssm-parameter-owned-elsewhere`).
   * @default [] - none
   */
  readonly managedElsewhere?: readonly ArchManagedParameter[];
}

/**
 * The secrets of the deployment on the lolice side: one ExternalSecret per declared Secret, each
 * in its own lolice file, and the env handles of container `openclaw` (one per declared env var,
 * each a {@link SecretKeyReference} to a key an ExternalSecret really writes). The arch side builds
 * its SSM parameters from {@link declarations}, the same list.
 */
export class OpenClawSecrets extends Construct {
  /** The declarations the ExternalSecrets and the SSM stack are built from. */
  public readonly declarations: readonly SecretDeclaration[];
  /** The ExternalSecrets, in declaration order. */
  public readonly externalSecrets: readonly OpenClawExternalSecret[];
  /** Secret env vars of container `openclaw`, in declaration order. */
  public readonly envVars: readonly SecretEnvVar[];
  /** Every declared SSM parameter name (generated here or existing). */
  public readonly parameterNames: ReadonlySet<string>;

  constructor(scope: Construct, id: string, props: OpenClawSecretsProps) {
    super(scope, id);
    assertDeclaredOnce(props);
    assertNotManagedElsewhere(props.secrets, props.managedElsewhere ?? []);
    this.declarations = props.secrets;
    this.parameterNames = new Set(props.secrets.map((s) => s.parameterName));
    this.externalSecrets = props.externalSecrets.map((declaration) => {
      const chart = new GitOpsFileChart(this, declaration.name, { path: declaration.path });
      return new OpenClawExternalSecret(chart, 'ExternalSecret', {
        name: declaration.name,
        namespace: props.namespace,
        targetSecretName: declaration.targetSecretName,
        store: props.store,
        refreshInterval: props.refreshInterval,
        secrets: props.secrets.filter((s) => s.secretName === declaration.targetSecretName),
        comment: declaration.comment,
        ssmPrefix: props.ssmPrefix,
      });
    });
    const bySecret = new Map(this.externalSecrets.map((es) => [es.targetSecretName, es]));
    this.envVars = props.secrets.flatMap((secret) => {
      const source = bySecret.get(secret.secretName) as OpenClawExternalSecret;
      return (secret.envVars ?? []).map((name) => ({ name, value: source.keyReference(secret.key) }));
    });
  }
}

function assertDeclaredOnce(props: OpenClawSecretsProps): void {
  const keys = new DeclaredOnce(
    (id, first, second) =>
      `secret ${id} is declared twice (parameters ${first} and ${second}): keep one declaration per secret key`,
  );
  for (const secret of props.secrets) {
    keys.claim(`${secret.secretName}/${secret.key}`, secret.parameterName);
  }
  const targets = new DeclaredOnce(
    (secretName, first, second) =>
      `externalsecrets ${first} and ${second} both write secret ${secretName}: ` +
      `with creationPolicy Owner they would fight over it; use one ` +
      `ExternalSecret per secret`,
  );
  for (const es of props.externalSecrets) {
    targets.claim(es.targetSecretName, es.name);
  }
  for (const secret of props.secrets) {
    if (!targets.has(secret.secretName)) {
      throw new Error(
        `secret ${secret.secretName}/${secret.key} targets secret ` +
          `${secret.secretName}, which no ExternalSecret declaration writes ` +
          `(declared: ${targets.names().join(', ')}): add an externalSecrets entry ` +
          `for it or fix secretName`,
      );
    }
  }
}
