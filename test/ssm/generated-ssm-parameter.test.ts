import { TerraformStack, Testing } from 'cdktf';
import { GeneratedSsmParameter } from '../../lib/ssm/generated-ssm-parameter';
import { buildApp, configVariant, makeTempDir, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

describe('GeneratedSsmParameter', () => {
  test('checks its name with the ssm-parameter-name rule', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const parameter = new GeneratedSsmParameter(stack, 'P', {
      parameterName: '/other/TOKEN',
      resourceName: 'token',
      description: 'fake',
      ssmPrefix: '/lolice/openclaw/',
    });
    expect(parameter.node.validate()).toEqual([
      expect.stringMatching(
        /^\[ssm-parameter-name\] generated parameter token: ssm parameter name "\/other\/TOKEN" is outside the configured prefix "\/lolice\/openclaw\/"/,
      ),
    ]);
  });

  test('an arch-only synth refuses a generated parameter outside the prefix', () => {
    const config = configVariant((c) => {
      const generated = c.secrets.find((s) => s.key === 'OPENCLAW_CRON_WEBHOOK_TOKEN');
      if (generated === undefined) throw new Error('default config has no generated secret');
      generated.parameterName = '/lolice/other/OPENCLAW_CRON_WEBHOOK_TOKEN';
    });
    // the config check refuses it before anything is built, so an arch-only synth never gets further
    expect(() => buildApp(config, makeTempDir('arch-only-')).synthArch()).toThrow(
      /\[ssm-parameter-name\] secret openclaw-credentials\/OPENCLAW_CRON_WEBHOOK_TOKEN parameterName: .*outside the configured prefix/,
    );
  });
});

describe('GeneratedSsmParameter: length, resource name and resources', () => {
  const make = (props: Partial<ConstructorParameters<typeof GeneratedSsmParameter>[2]> = {}) => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const parameter = new GeneratedSsmParameter(stack, 'P', {
      parameterName: '/app/TOKEN',
      resourceName: 'token',
      description: 'fake',
      ...props,
    });
    return {
      parameter,
      resources: JSON.parse(Testing.synth(stack)) as {
        resource: Record<string, Record<string, Record<string, unknown>>>;
      },
    };
  };

  test('generates 64 alphanumerics by default, or the given length; never regenerates on a length change', () => {
    expect(make().resources.resource.random_password?.token).toEqual({
      length: 64,
      special: false,
      lifecycle: { ignore_changes: ['length', 'special'] },
    });
    expect(make({ length: 65 }).resources.resource.random_password?.token?.length).toBe(65);
  });

  test('refuses a length below 64 or not an integer, naming the parameter and the fix', () => {
    for (const length of [63, 64.5, 0]) {
      expect(() => make({ length }), String(length)).toThrow(
        new Error(
          `generated parameter /app/TOKEN: length ${length} is too short: expected an integer of at least 64 ` +
            '(alphanumeric, ≥ 32 bytes of entropy); raise generatedLength',
        ),
      );
    }
  });

  test('refuses a terraform resource name that is not snake_case', () => {
    for (const resourceName of ['Token', '1token', 'to-ken', 'token ', '']) {
      expect(() => make({ resourceName }), resourceName).toThrow(
        new Error(
          `generated parameter /app/TOKEN: terraform resource name "${resourceName}" is not snake_case: expected /^[a-z_][a-z0-9_]*$/`,
        ),
      );
    }
    expect(() => make({ resourceName: '_token_2' })).not.toThrow();
  });

  test('writes a SecureString from the password, never overwritten, with sorted tags and the KMS key', () => {
    const { resources } = make({ kmsKeyId: 'alias/k', tags: { b: '2', A: '1', a: '3' } });
    const parameter = resources.resource.aws_ssm_parameter?.token;
    expect(parameter).toEqual({
      name: '/app/TOKEN',
      description: 'fake',
      type: 'SecureString',
      value: '${random_password.token.result}',
      key_id: 'alias/k',
      tags: { A: '1', a: '3', b: '2' },
      lifecycle: { ignore_changes: ['value'] },
    });
    expect(Object.keys(parameter?.tags as object)).toEqual(['A', 'a', 'b']);
    // sorted by the construct itself, not only by the synthesizer
    expect(Object.keys(make({ tags: { b: '2', A: '1', a: '3' } }).parameter.parameter.tagsInput ?? {})).toEqual([
      'A',
      'a',
      'b',
    ]);
    expect(make({ tags: {} }).resources.resource.aws_ssm_parameter?.token?.tags).toBeUndefined();
  });

  test('without a prefix it adds no name validation', () => {
    expect(make({ parameterName: 'not/a/valid name' }).parameter.node.validate()).toEqual([]);
  });
});
