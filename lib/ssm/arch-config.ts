import type { ArchManagedParameter } from '../secrets/arch-managed-parameters';

/**
 * The S3 backend of the arch stack.
 */
export interface TerraformBackendConfig {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
}

/**
 * Settings of the arch (Terraform) side.
 */
export interface ArchConfig {
  /** cdktf stack id; the Terraform JSON lands in `cdktf.out/stacks/<stackName>/cdk.tf.json`. */
  readonly stackName: string;
  /** AWS region of the SSM parameters. */
  readonly region: string;
  readonly backend: TerraformBackendConfig;
  /**
   * Backend keys that belong to other states and must never be reused (e.g. arch's own
   * `terraform/aws/openclaw` working directory).
   */
  readonly reservedStateKeyPrefixes: readonly string[];
  /**
   * Tags on every generated SSM parameter.
   *
   * @default - none (arch's existing parameters carry none)
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * SSM parameters other Terraform states already manage (e.g. arch's own working directories): a
   * `GENERATED` secret naming one fails synth, since two states would fight over it.
   * @default [] - none
   */
  readonly managedElsewhere?: readonly ArchManagedParameter[];
}
