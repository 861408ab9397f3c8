/**
 * OpenClawSsmStack built from small inputs inside each test: its state key guard, the resource names of
 * generated parameters (short when unique, else the path below the prefix), the outputs, the backend and
 * providers; renderArchApp's file map.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Testing } from 'cdktf';
import { SecretValueOwner, type SecretDeclaration } from '../../lib/secrets/secret-declaration';
import type { ArchConfig } from '../../lib/ssm/arch-config';
import { OpenClawSsmStack } from '../../lib/ssm/openclaw-ssm-stack';
import { renderArchApp } from '../../lib/ssm/render-arch-app';

const arch: ArchConfig = {
  stackName: 'ops',
  region: 'ap-northeast-1',
  backend: { bucket: 'state', key: 'terraform/aws/ops/v1/terraform.tfstate', region: 'us-east-1' },
  reservedStateKeyPrefixes: ['terraform/aws/other/'],
};

const generated = (parameterName: string, key = parameterName.split('/').pop() ?? ''): SecretDeclaration => ({
  key,
  secretName: 's',
  parameterName,
  owner: SecretValueOwner.GENERATED,
  description: `the ${key}`,
});

type Synth = {
  terraform: { backend: Record<string, unknown>; required_providers: Record<string, unknown> };
  provider: Record<string, unknown>;
  resource?: { aws_ssm_parameter?: Record<string, { name: string }> };
  output?: Record<string, { value: string; description: string }>;
};

function synth(secrets: readonly SecretDeclaration[], ssmPrefix?: string, overrides: Partial<ArchConfig> = {}): Synth {
  const stack = new OpenClawSsmStack(Testing.app(), 'ops', { arch: { ...arch, ...overrides }, secrets, ssmPrefix });
  return JSON.parse(Testing.synth(stack)) as Synth;
}

describe('OpenClawSsmStack', () => {
  it('writes the S3 backend with locking, both providers and their pinned versions', () => {
    const out = synth([]);
    expect(out.terraform.backend).toEqual({
      s3: {
        bucket: 'state',
        key: 'terraform/aws/ops/v1/terraform.tfstate',
        region: 'us-east-1',
        encrypt: true,
        use_lockfile: true,
      },
    });
    expect(out.terraform.required_providers).toEqual({
      aws: { source: 'hashicorp/aws', version: '~> 6.25' },
      random: { source: 'hashicorp/random', version: '~> 3.7' },
    });
    expect(out.provider).toEqual({ aws: [{ region: 'ap-northeast-1' }], random: [{}] });
    expect(out.resource).toBeUndefined();
  });

  it('refuses a state key that is not a relative .tfstate path, or lies in a reserved prefix', () => {
    for (const key of ['/abs/x.tfstate', 'x.json', 'a b.tfstate', 'x.tfstate.bak']) {
      expect(() => synth([], undefined, { backend: { ...arch.backend, key } }), key).toThrow(
        new Error(
          `arch backend key "${key}" is not a relative state path: expected e.g. "terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
        ),
      );
    }
    const key = 'terraform/aws/other/v1/terraform.tfstate';
    expect(() =>
      synth([], undefined, {
        backend: { ...arch.backend, key },
        reservedStateKeyPrefixes: ['x/', 'terraform/aws/other/'],
      }),
    ).toThrow(
      new Error(
        `arch backend key "${key}" is inside "terraform/aws/other/", which belongs to another terraform state: sharing ` +
          "it would let this stack destroy that state's resources; use a key of its own such as " +
          '"terraform/aws/openclaw-ops/v1/terraform.tfstate"',
      ),
    );
  });

  it('creates one parameter per generated name, none for existing ones, with name and ARN outputs', () => {
    const existing = { ...generated('/app/READ_ONLY'), owner: SecretValueOwner.EXISTING };
    const twice = { ...generated('/app/HOOK_TOKEN'), key: 'SECOND' };
    const out = synth([generated('/app/HOOK_TOKEN'), twice, existing], '/app/');
    expect(Object.keys(out.resource?.aws_ssm_parameter ?? {})).toEqual(['hook_token']);
    expect(out.output).toEqual({
      hook_token_parameter_name: {
        value: '${aws_ssm_parameter.hook_token.name}',
        description: 'SSM parameter name of HOOK_TOKEN',
      },
      hook_token_parameter_arn: {
        value: '${aws_ssm_parameter.hook_token.arn}',
        description: 'SSM parameter ARN of HOOK_TOKEN',
      },
    });
  });

  it('names a parameter by its last segment when unique, else by its path below the prefix', () => {
    const out = synth([generated('/app/a/TOKEN'), generated('/app/b/TOKEN'), generated('/app/b/OtherKey')], '/app/');
    expect(Object.keys(out.resource?.aws_ssm_parameter ?? {})).toEqual(['a_token', 'b_token', 'other_key']);
    const noPrefix = synth([generated('/app/a/TOKEN'), generated('/app/b/TOKEN')]);
    expect(Object.keys(noPrefix.resource?.aws_ssm_parameter ?? {})).toEqual(['app_a_token', 'app_b_token']);
    const outside = synth([generated('/app/a/TOKEN'), generated('/other/TOKEN')], '/app/');
    expect(Object.keys(outside.resource?.aws_ssm_parameter ?? {})).toEqual(['a_token', 'other_token']);
  });

  it('counts only generated parameters when it checks a short name is unique, and ignores empty segments', () => {
    const existing = { ...generated('/app/b/TOKEN'), owner: SecretValueOwner.EXISTING };
    expect(
      Object.keys(synth([generated('/app/a/TOKEN'), existing], '/app/').resource?.aws_ssm_parameter ?? {}),
    ).toEqual(['token']);
    expect(Object.keys(synth([generated('/app/TOKEN/', 'TOKEN')]).resource?.aws_ssm_parameter ?? {})).toEqual([
      'token',
    ]);
  });

  it('refuses two generated parameters that would get one resource name', () => {
    expect(() => synth([generated('/app/a/TOKEN'), generated('/app/a-/TOKEN')], '/app/')).toThrow(
      new Error(
        'ssm parameters /app/a/TOKEN and /app/a-/TOKEN: received two generated parameters whose terraform resource name ' +
          'is "a_token", expected a unique name per parameter; rename one of them',
      ),
    );
  });
});

describe('renderArchApp', () => {
  it('returns every synthesized file by its path below the output folder, sorted, and removes the folder', () => {
    let outdir = '';
    const files = renderArchApp((app) => {
      outdir = app.outdir;
      // 'alpha-2' sorts before 'alpha/…' ('-' < '/'), although a folder walk reaches stacks/alpha first
      for (const name of ['mid', 'zeta', 'alpha', 'alpha-2', 'beta'])
        new OpenClawSsmStack(app, name, { arch, secrets: [] });
    });
    expect(basename(outdir)).toMatch(/^openclaw-ops-arch-/);
    expect(existsSync(outdir)).toBe(false);
    expect([...files.values()].every((content) => typeof content === 'string')).toBe(true);
    const paths = [...files.keys()];
    expect(paths.filter((p) => p.startsWith('stacks/'))).toEqual([
      'stacks/alpha-2/cdk.tf.json',
      'stacks/alpha/cdk.tf.json',
      'stacks/beta/cdk.tf.json',
      'stacks/mid/cdk.tf.json',
      'stacks/zeta/cdk.tf.json',
    ]);
    expect(paths).toEqual([...paths].sort());
    expect(paths.every((p) => !p.startsWith('/') && !p.includes('\\'))).toBe(true);
    expect(JSON.parse(files.get('stacks/alpha/cdk.tf.json') ?? '{}')).toHaveProperty(
      'terraform.backend.s3.bucket',
      'state',
    );
  });
});
