import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { ArchConfig } from './arch-config';
import { SecretDeclaration, SecretValueOwner } from '../secrets/secret-declaration';
import { terraformResourceName } from '../secrets/ssm-parameter-name';
import { GeneratedSsmParameter } from './generated-ssm-parameter';

/** The AWS provider line the prebuilt bindings were generated for (hashicorp/aws 6.25.0). */
export const AWS_PROVIDER_CONSTRAINT = '~> 6.25';
/** The random provider line the prebuilt bindings were generated for (hashicorp/random 3.7.2). */
export const RANDOM_PROVIDER_CONSTRAINT = '~> 3.7';

export interface OpenClawSsmStackProps {
  readonly arch: ArchConfig;
  /** Every declared secret; only `SecretValueOwner.GENERATED` ones become resources. */
  readonly secrets: readonly SecretDeclaration[];
  /**
   * Every generated parameter name must be a valid SSM name under this prefix (rule `ssm-parameter-name`).
   *
   * @default - names are checked against SSM's rules only through the lolice side
   */
  readonly ssmPrefix?: string;
}

/**
 * The arch side: SSM SecureStrings for the secrets this tool generates, their random values,
 * an S3 backend of its own, and outputs with names and ARNs (never values).
 *
 * Parameters declared as existing are deliberately absent: another state (or a human) owns them.
 */
export class OpenClawSsmStack extends TerraformStack {
  /** Generated parameters by SSM name. */
  public readonly generatedParameters: ReadonlyMap<string, GeneratedSsmParameter>;

  constructor(scope: Construct, id: string, props: OpenClawSsmStackProps) {
    super(scope, id);
    const { arch } = props;
    assertOwnStateKey(arch);

    new AwsProvider(this, 'aws', { region: arch.region });
    new RandomProvider(this, 'random', {});
    const backend = new S3Backend(this, {
      bucket: arch.backend.bucket,
      key: arch.backend.key,
      region: arch.backend.region,
      encrypt: true,
    });
    // S3 native state locking (Terraform ≥ 1.10; arch pins 1.14.5 through aqua).
    backend.addOverride('use_lockfile', true);
    // No `required_version` override: cdktf's HCL renderer (`cdktf synth --hcl`) mangles any extra
    // key of the terraform block. `use_lockfile` already fails clearly on Terraform < 1.10.
    this.addOverride('terraform.required_providers.aws.source', 'hashicorp/aws');
    this.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_CONSTRAINT);
    this.addOverride('terraform.required_providers.random.version', RANDOM_PROVIDER_CONSTRAINT);

    const generated = new Map<string, GeneratedSsmParameter>();
    const resourceNames = generatedResourceNames(props.secrets, props.ssmPrefix);
    for (const secret of props.secrets) {
      if (secret.owner !== SecretValueOwner.GENERATED || generated.has(secret.parameterName)) {
        continue;
      }
      const resourceName = resourceNames.get(secret.parameterName)!;
      const parameter = new GeneratedSsmParameter(this, resourceName, {
        parameterName: secret.parameterName,
        resourceName,
        description: secret.description,
        length: secret.generatedLength,
        kmsKeyId: secret.kmsKeyId,
        tags: arch.tags,
        ssmPrefix: props.ssmPrefix,
      });
      generated.set(secret.parameterName, parameter);

      new TerraformOutput(this, `${resourceName}_parameter_name`, {
        value: parameter.parameter.name,
        description: `SSM parameter name of ${secret.key}`,
      }).overrideLogicalId(`${resourceName}_parameter_name`);
      new TerraformOutput(this, `${resourceName}_parameter_arn`, {
        value: parameter.parameter.arn,
        description: `SSM parameter ARN of ${secret.key}`,
      }).overrideLogicalId(`${resourceName}_parameter_arn`);
    }
    this.generatedParameters = generated;
  }
}

/**
 * The Terraform resource name (and construct id) of every generated parameter: snake_case of its
 * name's last segment (arch's convention, `/lolice/openclaw/TOKEN` → `token`), or, when two generated
 * parameters share that segment (`/lolice/openclaw/a/TOKEN`, `/lolice/openclaw/b/TOKEN`), of the
 * whole name below the prefix (`a_token`, `b_token`), so each is unique. Throws, naming both, when
 * two names still map to the same resource name (e.g. `a-b/TOKEN` and `a/b/TOKEN`).
 */
function generatedResourceNames(
  secrets: OpenClawSsmStackProps['secrets'],
  ssmPrefix: string | undefined,
): Map<string, string> {
  const names = [...new Set(secrets.filter((s) => s.owner === SecretValueOwner.GENERATED).map((s) => s.parameterName))];
  const lastSegment = (name: string): string =>
    name
      .split('/')
      .filter((p) => p !== '')
      .pop() ?? name;
  const count = new Map<string, number>();
  for (const name of names) {
    const short = terraformResourceName(lastSegment(name));
    count.set(short, (count.get(short) ?? 0) + 1);
  }
  const result = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const name of names) {
    const short = terraformResourceName(lastSegment(name));
    const below = ssmPrefix && name.startsWith(ssmPrefix) ? name.slice(ssmPrefix.length) : name;
    const resourceName = count.get(short) === 1 ? short : terraformResourceName(below);
    const clash = owner.get(resourceName);
    if (clash !== undefined) {
      throw new Error(
        `ssm parameters ${clash} and ${name}: received two generated parameters whose terraform ` +
          `resource name is "${resourceName}", expected a unique name per parameter; rename one of them`,
      );
    }
    owner.set(resourceName, name);
    result.set(name, resourceName);
  }
  return result;
}

function assertOwnStateKey(arch: ArchConfig): void {
  const key = arch.backend.key;
  if (!/^[A-Za-z0-9_.\-/]+\.tfstate$/.test(key) || key.startsWith('/')) {
    throw new Error(
      `arch backend key "${key}" is not a relative state path: expected e.g. ` +
        `"terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
    );
  }
  for (const reserved of arch.reservedStateKeyPrefixes) {
    if (key.startsWith(reserved)) {
      throw new Error(
        `arch backend key "${key}" is inside "${reserved}", which belongs to ` +
          `another terraform state: sharing it would let this stack destroy that ` +
          `state's resources; use a key of its own such as ` +
          `"terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
      );
    }
  }
}
