/**
 * SSM parameters another Terraform state already manages (the config lists them:
 * `arch.managedElsewhere`). A second state creating one of them would fight that state over it, so a
 * `GENERATED` declaration of one is refused.
 */
import { SecretDeclaration, SecretValueOwner } from './secret-declaration';

/** One parameter another arch state owns. */
export interface ArchManagedParameter {
  /** Terraform address, e.g. `aws_ssm_parameter.github_token`. */
  readonly resource: string;
  /** The SSM name. */
  readonly parameterName: string;
  /** The file that declares it, relative to the arch repo root. */
  readonly file: string;
}

/**
 * Throws (rule `ssm-parameter-owned-elsewhere`) when a `GENERATED` secret names a parameter
 * another arch state already manages.
 */
export function assertNotManagedElsewhere(
  secrets: readonly SecretDeclaration[],
  managedParameters: readonly ArchManagedParameter[],
): void {
  const byName = new Map(managedParameters.map((p) => [p.parameterName, p]));
  for (const secret of secrets) {
    const owner = byName.get(secret.parameterName);
    if (secret.owner !== SecretValueOwner.GENERATED || owner === undefined) continue;
    throw new Error(
      `[ssm-parameter-owned-elsewhere] secret ${secret.secretName}/${secret.key} is declared GENERATED, but ` +
        `${secret.parameterName} is already managed by ${owner.resource} in ${owner.file}: ` +
        'declare it SecretValueOwner.EXISTING (that state keeps the value) or choose another parameter name',
    );
  }
}
