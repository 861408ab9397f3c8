/**
 * The arch stack (docs/FACTS.md, lolice and arch): cdktf Testing
 * matchers, the backend and provider conventions, and checkov-style rules as assertions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Testing } from 'cdktf';
import { loliceConfig } from '../../config/lolice';
import { SecretValueOwner } from '../../lib/secrets/secret-declaration';
import { ARCH_STACK_FILE, buildApp, configVariant, makeTempDir, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

interface TfResource {
  readonly lifecycle?: { readonly ignore_changes?: readonly string[] };
  readonly [key: string]: unknown;
}
interface StackJson {
  readonly resource?: Record<string, Record<string, TfResource>>;
  readonly data?: Record<string, unknown>;
  readonly output?: Record<string, { value: string; sensitive?: boolean; description?: string }>;
  readonly provider?: Record<string, unknown[]>;
  readonly terraform: {
    readonly backend: Record<string, Record<string, unknown>>;
    readonly required_providers: Record<string, { source: string; version: string }>;
  };
}

// cdktf's own matchers (toHaveResource, toHaveResourceWithProperties, ...) on vitest's expect, for this file.
Testing.setupJest();

/** `Testing.synth` with validations on, as a string (for the matchers) and parsed. */
function synthStack(config = loliceConfig): { text: string; json: StackJson } {
  const app = buildApp(config);
  const text = Testing.synth(app.stack, true);
  return { text, json: JSON.parse(text) as StackJson };
}

const WEBHOOK_PARAMETER = '/lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN';
const { text: synthesized, json: stack } = synthStack();

describe('arch stack | resources (cdktf Testing matchers)', () => {
  test('Testing.synth(stack, true) runs the stack validations and passes', () => {
    expect(() => Testing.synth(buildApp().stack, true)).not.toThrow();
  });

  test('declares the webhook token as a SecureString with a description and ignore_changes on value', () => {
    expect(synthesized).toHaveResourceWithProperties(SsmParameter, {
      name: WEBHOOK_PARAMETER,
      type: 'SecureString',
      description: 'Bearer token OpenClaw sends with cron webhook POSTs (receivers verify it)',
      value: '${random_password.openclaw_cron_webhook_token.result}',
      lifecycle: { ignore_changes: ['value'] },
    });
  });

  test('seeds it from a 64-character random_password without special characters', () => {
    expect(synthesized).toHaveResourceWithProperties(Password, { length: 64, special: false });
  });

  test('configures the aws provider in ap-northeast-1 and the random provider', () => {
    expect(synthesized).toHaveProviderWithProperties(AwsProvider, { region: 'ap-northeast-1' });
    expect(synthesized).toHaveProvider(RandomProvider);
  });

  test('uses arch snake_case addresses: aws_ssm_parameter and random_password openclaw_cron_webhook_token', () => {
    expect(Object.keys(stack.resource?.aws_ssm_parameter ?? {})).toEqual(['openclaw_cron_webhook_token']);
    expect(Object.keys(stack.resource?.random_password ?? {})).toEqual(['openclaw_cron_webhook_token']);
  });

  test('manages only the generated parameter: every existing one produces no resource', () => {
    const managed = Object.values(stack.resource?.aws_ssm_parameter ?? {}).map((r) => r.name);
    const existing = loliceConfig.secrets
      .filter((s) => s.owner === SecretValueOwner.EXISTING)
      .map((s) => s.parameterName);
    expect(existing.length).toBeGreaterThanOrEqual(14);
    for (const name of existing) expect(managed).not.toContain(name);
    expect(managed).toEqual([WEBHOOK_PARAMETER]);
    expect(Object.keys(stack.resource ?? {}).sort()).toEqual(['aws_ssm_parameter', 'random_password']);
  });

  test('declares no data source (no data "http" or parameter read that would pull a value into the plan)', () => {
    expect(stack.data).toBeUndefined();
  });

  test('a config with every secret existing produces no resource and no output', () => {
    const allExisting = configVariant((c) => {
      for (const secret of c.secrets) secret.owner = SecretValueOwner.EXISTING;
    });
    const { json } = synthStack(allExisting);
    expect(json.resource).toBeUndefined();
    expect(json.output).toBeUndefined();
  });
});

describe('arch stack | outputs never carry values', () => {
  test('outputs the parameter name and ARN only', () => {
    expect(stack.output).toEqual({
      openclaw_cron_webhook_token_parameter_name: {
        description: 'SSM parameter name of OPENCLAW_CRON_WEBHOOK_TOKEN',
        value: '${aws_ssm_parameter.openclaw_cron_webhook_token.name}',
      },
      openclaw_cron_webhook_token_parameter_arn: {
        description: 'SSM parameter ARN of OPENCLAW_CRON_WEBHOOK_TOKEN',
        value: '${aws_ssm_parameter.openclaw_cron_webhook_token.arn}',
      },
    });
  });

  test('no output references .result or .value (random_password or parameter value)', () => {
    for (const [name, output] of Object.entries(stack.output ?? {})) {
      expect(output.value, name).not.toMatch(/\.(result|value|insecure_value|value_wo)\b/);
      expect(output.value, name).toMatch(/\.(name|arn)\}$/);
    }
  });
});

describe('arch stack | backend and versions', () => {
  test('uses the S3 backend tfaction-state in ap-northeast-1, encrypted, with S3 native locking', () => {
    expect(Object.keys(stack.terraform.backend)).toEqual(['s3']);
    expect(stack.terraform.backend.s3).toEqual({
      bucket: 'tfaction-state',
      key: 'terraform/aws/openclaw-ops/v1/terraform.tfstate',
      region: 'ap-northeast-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  test("has a state key of its own, outside arch's terraform/aws/openclaw/ state", () => {
    const key = String(stack.terraform.backend.s3.key);
    expect(key.startsWith('terraform/aws/openclaw/')).toBe(false);
    expect(key).not.toBe('terraform/aws/openclaw/v1/terraform.tfstate');
    expect(key).toMatch(/^terraform\/aws\/[a-z0-9-]+\/v1\/terraform\.tfstate$/);
  });

  test('pins both providers to the lines the prebuilt bindings were generated for', () => {
    expect(stack.terraform.required_providers).toEqual({
      aws: { source: 'hashicorp/aws', version: '~> 6.25' },
      random: { source: 'hashicorp/random', version: '~> 3.7' },
    });
  });

  test('writes no local backend and no absolute path into the JSON', () => {
    expect(synthesized).not.toMatch(/"local"/);
    expect(synthesized).not.toMatch(/"\/(work|tmp|home|root|Users)\//);
  });
});

describe('arch stack | configured KMS key and tags', () => {
  const variant = configVariant((c) => {
    c.arch.tags = { Team: 'lolice', Service: 'openclaw' };
    const webhook = c.secrets.find((s) => s.key === 'OPENCLAW_CRON_WEBHOOK_TOKEN');
    if (!webhook) throw new Error('default config has no OPENCLAW_CRON_WEBHOOK_TOKEN declaration');
    webhook.kmsKeyId = 'alias/openclaw-ops-placeholder';
    webhook.generatedLength = 96;
  });
  const { text, json } = synthStack(variant);

  test('sets key_id and sorted tags on the parameter', () => {
    expect(text).toHaveResourceWithProperties(SsmParameter, {
      name: WEBHOOK_PARAMETER,
      key_id: 'alias/openclaw-ops-placeholder',
      tags: { Service: 'openclaw', Team: 'lolice' },
    });
    const tags = json.resource?.aws_ssm_parameter.openclaw_cron_webhook_token.tags as Record<string, string>;
    expect(Object.keys(tags)).toEqual(['Service', 'Team']);
  });

  test('honours a longer generatedLength', () => {
    expect(text).toHaveResourceWithProperties(Password, { length: 96, special: false });
  });

  test('the default config sets neither key_id nor tags (arch parameters carry none)', () => {
    const parameter = stack.resource?.aws_ssm_parameter.openclaw_cron_webhook_token ?? {};
    expect(parameter.key_id).toBeUndefined();
    expect(parameter.tags).toBeUndefined();
  });
});

describe('arch stack | checkov/tfsec-style rules (docs/FACTS.md (Tooling))', () => {
  const parameters = Object.entries(stack.resource?.aws_ssm_parameter ?? {});
  const passwords = Object.entries(stack.resource?.random_password ?? {});

  test('every aws_ssm_parameter is a SecureString whose value comes from a random_password, never a literal', () => {
    expect(parameters.length).toBeGreaterThan(0);
    for (const [name, parameter] of parameters) {
      expect(parameter.type, name).toBe('SecureString');
      expect(parameter.value, name).toMatch(/^\$\{random_password\.[a-z0-9_]+\.result\}$/);
    }
  });

  test('every aws_ssm_parameter ignores changes to "value" (snake_case), so a rotated value is never reverted', () => {
    for (const [name, parameter] of parameters) {
      expect(parameter.lifecycle?.ignore_changes, name).toContain('value');
      for (const attribute of parameter.lifecycle?.ignore_changes ?? []) {
        expect(attribute, name).toMatch(/^[a-z_]+$/);
      }
    }
  });

  test('every random_password is ≥ 64 alphanumerics (≥ 32 bytes of entropy)', () => {
    expect(passwords.length).toBe(parameters.length);
    for (const [name, password] of passwords) {
      expect(password.length as number, name).toBeGreaterThanOrEqual(64);
      expect(password.special, name).toBe(false);
    }
  });

  test('CKV_AWS_337 (SecureString uses a KMS CMK) holds whenever a key is configured; the default deliberately uses aws/ssm', () => {
    // ESO's IAM policy has no kms statement (docs/FACTS.md (lolice and arch)): a CMK would break decryption,
    // so the default relies on the AWS-managed key and key_id is opt-in per secret.
    const withKms = configVariant((c) => {
      // only generated parameters take a key (on an existing one kmsKeyId would be ignored, so it is refused)
      for (const secret of c.secrets)
        if (secret.owner === SecretValueOwner.GENERATED) secret.kmsKeyId = 'alias/openclaw-ops-placeholder';
    });
    for (const [name, parameter] of Object.entries(synthStack(withKms).json.resource?.aws_ssm_parameter ?? {})) {
      expect(parameter.key_id, name).toBe('alias/openclaw-ops-placeholder');
    }
  });

  test('CKV2_AWS_36: no data "http" (or any data source) can leak a parameter', () => {
    expect(Object.keys(stack.data ?? {})).not.toContain('http');
    expect(synthesized).not.toMatch(/"data"\s*:/);
  });

  test('no output exposes a random_password result unless sensitive', () => {
    type Outputs = NonNullable<StackJson['output']>;
    const exposing = (outputs: Outputs): string[] =>
      Object.entries(outputs)
        .filter(([, output]) => output.value.includes('random_password') && output.sensitive !== true)
        .map(([name]) => name);
    expect(exposing(stack.output ?? {})).toEqual([]);
    // the check itself: a planted output that reads a random_password is caught unless sensitive
    const planted = { value: '${random_password.openclaw_cron_webhook_token.result}' };
    expect(exposing({ ...stack.output, planted })).toEqual(['planted']);
    expect(exposing({ ...stack.output, planted: { ...planted, sensitive: true } })).toEqual([]);
  });
});

describe('arch stack | synthesized file', () => {
  test('synthArch writes cdktf.out/stacks/openclaw-ops/cdk.tf.json that matches the snapshot', () => {
    const outdir = path.join(makeTempDir('arch'), 'cdktf.out');
    buildApp(loliceConfig, outdir).synthArch();
    const file = path.join(path.dirname(outdir), ARCH_STACK_FILE);
    expect(fs.existsSync(file)).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ terraform: { backend: { s3: { bucket: 'tfaction-state' } } } });
    expect(text).toMatchSnapshot();
  });
});

describe('arch stack | generated parameters whose names end in the same segment', () => {
  const variant = configVariant((c) => {
    const webhook = c.secrets.find((s) => s.key === 'OPENCLAW_CRON_WEBHOOK_TOKEN');
    if (!webhook) throw new Error('default config has no OPENCLAW_CRON_WEBHOOK_TOKEN declaration');
    for (const folder of ['a', 'b']) {
      c.secrets.push({
        ...webhook,
        key: `${folder.toUpperCase()}_TOKEN`,
        parameterName: `/lolice/openclaw/${folder}/TOKEN`,
        envVars: [`${folder.toUpperCase()}_TOKEN`],
      });
    }
  });

  test('each gets a resource named from its whole path below the prefix; the unique one keeps its short name', () => {
    const { json } = synthStack(variant);
    const parameters = json.resource?.aws_ssm_parameter ?? {};
    expect(Object.keys(parameters).sort()).toEqual(['a_token', 'b_token', 'openclaw_cron_webhook_token']);
    expect(parameters.a_token?.name).toBe('/lolice/openclaw/a/TOKEN');
    expect(parameters.b_token?.name).toBe('/lolice/openclaw/b/TOKEN');
    expect(Object.keys(json.resource?.random_password ?? {}).sort()).toEqual([
      'a_token',
      'b_token',
      'openclaw_cron_webhook_token',
    ]);
  });
});
