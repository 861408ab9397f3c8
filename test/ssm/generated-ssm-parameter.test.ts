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
