import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Password } from '@cdktf/provider-random/lib/password';
import { Construct } from 'constructs';
import { ssmParameterNameProblems } from '../secrets/ssm-parameter-name';
import { compareText } from '../core/compare-text';

/** Shortest random value we generate: 64 alphanumerics ≈ 381 bits, well over 32 bytes of entropy. */
export const MIN_GENERATED_SECRET_LENGTH = 64;

export interface GeneratedSsmParameterProps {
  /** Full parameter name, e.g. `/lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN`. */
  readonly parameterName: string;
  /** Terraform resource name (arch convention: snake_case of the key). */
  readonly resourceName: string;
  /** Parameter description. */
  readonly description: string;
  /**
   * Length of the random value (alphanumeric).
   *
   * @default 64
   */
  readonly length?: number;
  /**
   * KMS key id or ARN for the SecureString.
   *
   * @default - the AWS-managed `aws/ssm` key
   */
  readonly kmsKeyId?: string;
  /**
   * The name must be a valid SSM name under this prefix (rule `ssm-parameter-name`).
   *
   * @default - the name is not checked against a prefix
   */
  readonly ssmPrefix?: string;
  /**
   * Tags on the parameter.
   *
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An SSM `SecureString` whose initial value is a `random_password`, with
 * `lifecycle { ignore_changes = [value] }` so a value rotated by hand is never reverted.
 *
 * The Terraform addresses are stable (`random_password.<name>`, `aws_ssm_parameter.<name>`),
 * matching arch's snake_case convention, so moving the code never replaces the parameter.
 */
export class GeneratedSsmParameter extends Construct {
  /** The `aws_ssm_parameter` resource. */
  public readonly parameter: SsmParameter;
  /** The `random_password` that seeds it. */
  public readonly password: Password;

  constructor(scope: Construct, id: string, props: GeneratedSsmParameterProps) {
    super(scope, id);
    const length = props.length ?? MIN_GENERATED_SECRET_LENGTH;
    if (!Number.isInteger(length) || length < MIN_GENERATED_SECRET_LENGTH) {
      throw new Error(
        `generated parameter ${props.parameterName}: length ${length} is too ` +
          `short: expected an integer of at least ${MIN_GENERATED_SECRET_LENGTH} ` +
          `(alphanumeric, ≥ 32 bytes of entropy); raise generatedLength`,
      );
    }
    if (!/^[a-z_][a-z0-9_]*$/.test(props.resourceName)) {
      throw new Error(
        `generated parameter ${props.parameterName}: terraform resource name "` +
          `${props.resourceName}" is not snake_case: expected /^[a-z_][a-z0-9_]*$/`,
      );
    }

    const { ssmPrefix } = props;
    if (ssmPrefix !== undefined) {
      this.node.addValidation({
        validate: () =>
          ssmParameterNameProblems(props.parameterName, ssmPrefix).map(
            (problem) => `[ssm-parameter-name] generated parameter ${props.resourceName}: ${problem}`,
          ),
      });
    }

    this.password = new Password(this, 'Value', {
      length,
      special: false,
      lifecycle: { ignoreChanges: ['length', 'special'] },
    });
    this.password.overrideLogicalId(props.resourceName);

    this.parameter = new SsmParameter(this, 'Resource', {
      name: props.parameterName,
      description: props.description,
      type: 'SecureString',
      value: this.password.result,
      keyId: props.kmsKeyId,
      tags: props.tags && Object.keys(props.tags).length > 0 ? sortRecord(props.tags) : undefined,
      lifecycle: { ignoreChanges: ['value'] },
    });
    this.parameter.overrideLogicalId(props.resourceName);
  }
}

function sortRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
