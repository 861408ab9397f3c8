/**
 * Who owns the value of an SSM parameter.
 */
export enum SecretValueOwner {
  /**
   * This tool's Terraform stack creates the parameter with a `random_password` value and
   * `lifecycle { ignore_changes = [value] }`, so a value rotated by hand is never overwritten.
   */
  GENERATED = 'generated',
  /**
   * The parameter already exists (another Terraform state, or created by hand). The stack never
   * manages it; the graph still wires it into the ExternalSecret and the gateway env.
   */
  EXISTING = 'existing',
}

/**
 * One key of a Kubernetes Secret that an ExternalSecret fills from one SSM parameter, and the
 * env vars of container `openclaw` that read it.
 */
export interface SecretDeclaration {
  /** Key inside the Kubernetes Secret (`data[].secretKey` of the ExternalSecret). */
  readonly key: string;

  /** The Kubernetes Secret the key lives in, i.e. the ExternalSecret's `target.name`. */
  readonly secretName: string;

  /** Full SSM parameter name, e.g. `/lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN`. */
  readonly parameterName: string;

  /** Who owns the value. */
  readonly owner: SecretValueOwner;

  /** English description, used for the SSM parameter (generated) and docs. */
  readonly description: string;

  /**
   * Env vars on container `openclaw` that read this key through `env[].valueFrom.secretKeyRef`.
   * An alias (e.g. `GH_TOKEN` reading `GITHUB_TOKEN`) is just a second name here.
   *
   * @default - no env var (the key is used by another workload, e.g. cloudflared's TUNNEL_TOKEN)
   */
  readonly envVars?: readonly string[];

  /**
   * Where the value comes from when it is not generated here (shown in docs and descriptions).
   *
   * @default - unspecified
   */
  readonly managedBy?: string;

  /**
   * KMS key for the SecureString (generated parameters only).
   *
   * @default - the AWS-managed `aws/ssm` key, which ESO's role can already decrypt
   */
  readonly kmsKeyId?: string;

  /**
   * Length of the generated random password (generated parameters only). At least 64:
   * alphanumeric only, so 64 characters carry about 381 bits (well over 32 bytes) of entropy.
   *
   * @default 64
   */
  readonly generatedLength?: number;
}

/**
 * A literal env var of container `openclaw` (not a secret).
 */
export interface LiteralEnvVar {
  readonly name: string;
  readonly value: string;
}

/**
 * An ExternalSecret that turns SSM parameters into one Kubernetes Secret.
 */
export interface ExternalSecretDeclaration {
  /** `metadata.name`, e.g. `openclaw-es`. */
  readonly name: string;
  /** The Kubernetes Secret it writes (`spec.target.name`), e.g. `openclaw-credentials`. */
  readonly targetSecretName: string;
  /** Path of the file in the GitOps repo, e.g. `apps/openclaw/external-secret.yaml`. */
  readonly path: string;
  /**
   * A comment written above `spec.data` (e.g. why a key is deliberately absent).
   *
   * @default - none
   */
  readonly comment?: string;
}
