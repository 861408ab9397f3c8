/** The arch section's fields and its state-key rule, each refusal as one whole message under its rule. */
import { z } from 'zod';
import { archSchema, stateKeyProblems } from '../../lib/ssm/arch-config-section';
import type { ArchConfig } from '../../lib/ssm/arch-config';

function refusals(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) =>
      `${issue.code === 'custom' ? '' : `(${issue.code}) `}[${String((issue as { params?: { rule?: unknown } }).params?.rule)}] ${issue.path.join('.')}: ${issue.message}`,
  );
}

const arch: ArchConfig = {
  stackName: 'openclaw-ops',
  region: 'ap-northeast-1',
  backend: { bucket: 'tf-state', key: 'terraform/aws/openclaw-ops/v1/terraform.tfstate', region: 'ap-northeast-1' },
  reservedStateKeyPrefixes: ['terraform/aws/other/'],
};

describe('config.arch fields', () => {
  it('accepts a whole section', () => {
    expect(refusals(archSchema, { ...arch, tags: { Owner: 'ops team', 'cost:center': 'a/b=c+d-e@f_g.h' } })).toEqual(
      [],
    );
  });

  it('stackName: 1-63 letters, digits, "_" and "-", starting alphanumeric', () => {
    for (const name of ['a', '9', 'A_b-c', `a${'b'.repeat(62)}`])
      expect(refusals(archSchema.shape.stackName, name)).toEqual([]);
    for (const name of ['', '_a', '-a', 'a.b', 'a b', `a${'b'.repeat(63)}`, 'a/b']) {
      expect(refusals(archSchema.shape.stackName, name), name).toEqual([
        `[cdktf-stack-name] : received ${JSON.stringify(name)}, expected a stack name of letters, digits, "_" and "-" ` +
          '(it becomes a directory under cdktf.out/stacks): rename it',
      ]);
    }
  });

  it('region and backend region: trimmed first, then an AWS region name', () => {
    expect(refusals(archSchema.shape.region, ' ap-northeast-1')).toEqual([
      '[aws-region] : received " ap-northeast-1" with whitespace at the start or end, expected a region without it ' +
        '(it would be checked trimmed but written as is): remove the whitespace',
    ]);
    expect(refusals(archSchema.shape.region, 'tokyo')[0]).toMatch(
      /^\[aws-region\] : received "tokyo", expected an AWS region name/,
    );
    expect(refusals(archSchema.shape.backend, { ...arch.backend, region: 'tokyo' })[0]).toMatch(
      /^\[aws-region\] region: /,
    );
    expect(refusals(archSchema.shape.backend, { ...arch.backend, bucket: 'A' })[0]).toMatch(
      /^\[s3-bucket-name\] bucket: received "A"/,
    );
  });

  it('tags: at most 50, refused under the ssm-tag rule', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']));
    expect(refusals(archSchema.shape.tags, many)).toEqual([
      '[ssm-tag] : received 51 tags, expected at most 50 (the AWS limit per resource): drop some',
    ]);
  });

  it('tags: a key starting with "aws:" in any case is reserved', () => {
    for (const key of ['aws:owner', 'AWS:x', 'Aws:']) {
      expect(refusals(archSchema.shape.tags, { [key]: 'v' }), key).toEqual([
        `[ssm-tag] ${key}: tag key ${JSON.stringify(key)} starts with "aws:", which AWS reserves, expected another prefix: rename it`,
      ]);
    }
    expect(refusals(archSchema.shape.tags, { awsome: 'v', 'x-aws:': 'v' })).toEqual([]);
  });

  it('tags: letters of any script, digits, spaces and _ . : / = + - @ only, in keys and values', () => {
    expect(refusals(archSchema.shape.tags, { 'チーム 1': 'é ü', '': '' }).map((r) => r.split(':')[0])).toEqual([
      '[ssm-tag] ',
    ]);
    expect(refusals(archSchema.shape.tags, { 'a#b': 'v', ok: 'a*b', 'a\tb': 'v' })).toEqual([
      '[ssm-tag] a#b: tag key "a#b" is not a valid AWS tag key: expected 1-128 letters, digits, spaces and _ . : / = + - @; rename it',
      '[ssm-tag] ok: tag ok has a value of 3 characters or with characters AWS does not allow: expected at most 256 letters, ' +
        'digits, spaces and _ . : / = + - @; shorten or fix the value',
      '[ssm-tag] a\tb: tag key "a\\tb" is not a valid AWS tag key: expected 1-128 letters, digits, spaces and _ . : / = + - @; rename it',
    ]);
    expect(refusals(archSchema.shape.tags, { k: '' })).toEqual([]);
    expect(refusals(archSchema.shape.tags, { k: 'prefix-a#' })).toHaveLength(1);
    expect(refusals(archSchema.shape.tags, { 'a#': 'v' })).toHaveLength(1);
  });
});

describe('stateKeyProblems', () => {
  const key = (k: string, reserved: readonly string[] = arch.reservedStateKeyPrefixes) =>
    stateKeyProblems({ ...arch, backend: { ...arch.backend, key: k }, reservedStateKeyPrefixes: reserved });

  it('accepts a relative .tfstate path outside every reserved prefix', () => {
    expect(key('terraform/aws/openclaw-ops/v1/terraform.tfstate')).toEqual([]);
    expect(key('a.tfstate', [])).toEqual([]);
    expect(key('x/terraform/aws/other/a.tfstate')).toEqual([]);
  });

  it('refuses an absolute path, a ".." segment, another extension or other characters', () => {
    for (const k of [
      '/a/b.tfstate',
      'a/../b.tfstate',
      '../b.tfstate',
      'a/b.tfstate.bak',
      'a/b.json',
      'a b.tfstate',
      '.tfstate',
      'xtfstate',
    ]) {
      expect(key(k), k).toEqual([
        {
          rule: 'state-key',
          object: 'config.arch.backend.key',
          message: `received ${JSON.stringify(k)}, expected a relative state path ending in .tfstate: use e.g. "terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
        },
      ]);
    }
    expect(key('a..b/c.tfstate')).toEqual([]);
  });

  it('refuses a key inside a reserved prefix, naming the first such prefix', () => {
    expect(key('terraform/aws/other/v1/terraform.tfstate', ['x/', 'terraform/aws/', 'terraform/aws/other/'])).toEqual([
      {
        rule: 'state-key',
        object: 'config.arch.backend.key',
        message:
          'received "terraform/aws/other/v1/terraform.tfstate", which is inside "terraform/aws/" (another terraform state): ' +
          "sharing it would let this stack destroy that state's resources; use a key of its own such as " +
          '"terraform/aws/openclaw-ops/v1/terraform.tfstate"',
      },
    ]);
  });
});
