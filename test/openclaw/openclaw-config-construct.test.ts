import { Chart, Testing } from 'cdk8s';
import { OpenClawConfig } from '../../lib/openclaw/openclaw-config';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const TOKEN_ENV = {
  sourceOf: (name: string): string | undefined => (name === 'OPENCLAW_GATEWAY_TOKEN' ? 'creds/TOKEN' : undefined),
  names: (): readonly string[] => ['OPENCLAW_GATEWAY_TOKEN'],
};
const GATEWAY = { auth: { token: '${OPENCLAW_GATEWAY_TOKEN}' } };

describe('OpenClawConfig', () => {
  test('writes openclaw.json into ConfigMap openclaw-config', () => {
    const chart = Testing.chart();
    const config = new OpenClawConfig(chart, 'Config', {
      path: 'apps/openclaw/configmap-openclaw.yaml',
      namespace: 'openclaw',
      document: { gateway: GATEWAY },
      version: OpenClawVersion.parse('2026.2.19'),
      env: TOKEN_ENV,
      requireOtelMetrics: false,
    });
    const [configMap] = Testing.synth(Chart.of(config.configMap)) as Array<{
      metadata: { name: string };
      data: Record<string, string>;
    }>;
    expect(configMap.metadata.name).toBe('openclaw-config');
    expect(JSON.parse(configMap.data['openclaw.json'] as string)).toEqual({ gateway: GATEWAY });
  });

  test('fails validation with rule openclaw-config when OpenClaw would reject the document', () => {
    const chart = Testing.chart();
    const config = new OpenClawConfig(chart, 'Config', {
      path: 'apps/openclaw/configmap-openclaw.yaml',
      namespace: 'openclaw',
      document: { gateway: GATEWAY, cron: { notAKey: true } as never },
      version: OpenClawVersion.parse('2026.2.19'),
      env: TOKEN_ENV,
      requireOtelMetrics: false,
    });
    expect(config.node.validate()).toEqual([
      expect.stringMatching(
        /^\[openclaw-config\] configmap openclaw\/openclaw-config openclaw\.json: openclaw\.json cron\.notAKey: received the unknown key "notAKey"/,
      ),
    ]);
  });
});
