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

  const build = (props: Partial<ConstructorParameters<typeof OpenClawConfig>[2]> = {}): OpenClawConfig =>
    new OpenClawConfig(Testing.chart(), 'Config', {
      path: 'apps/openclaw/configmap-openclaw.yaml',
      namespace: 'openclaw',
      document: { gateway: GATEWAY },
      version: OpenClawVersion.parse('2026.2.19'),
      env: TOKEN_ENV,
      ...props,
    });

  test('requires OTel metrics unless told otherwise, and says where each problem is', () => {
    const problems = build().node.validate();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(
      '[openclaw-config] configmap openclaw/openclaw-config openclaw.json: openclaw.json diagnostics.enabled: ' +
        'received nothing, expected true; otel metrics are required and the diagnostics-otel service does nothing ' +
        'unless diagnostics.enabled is true, so set diagnostics.enabled to true',
    );
    expect(build({ requireOtelMetrics: false }).node.validate()).toEqual([]);
  });

  test("checks references against the container's env and compares tokens by their source", () => {
    const config = build({
      requireOtelMetrics: false,
      document: { gateway: GATEWAY, hooks: { enabled: true, token: '${HOOKS_TOKEN}' } },
    });
    expect(config.validation.providedEnvVars).toEqual(['OPENCLAW_GATEWAY_TOKEN']);
    expect(config.validation.resolveEnvSource?.('OPENCLAW_GATEWAY_TOKEN')).toBe('creds/TOKEN');
    expect(config.node.validate().map((p) => p.replace(/: received.*/, ''))).toEqual([
      '[openclaw-config] configmap openclaw/openclaw-config openclaw.json: openclaw.json hooks.token',
    ]);
    const sameSecret = build({
      requireOtelMetrics: false,
      document: { gateway: GATEWAY, hooks: { enabled: true, token: '${HOOKS_TOKEN}' } },
      env: {
        sourceOf: (name) => (name.endsWith('TOKEN') ? 'creds/TOKEN' : undefined),
        names: () => ['HOOKS_TOKEN', 'OPENCLAW_GATEWAY_TOKEN'],
      },
    });
    expect(sameSecret.node.validate()).toEqual([
      expect.stringContaining('openclaw.json hooks.token: received the same value as gateway.auth.token'),
    ]);
  });

  test('renders the document for its release and validates it as OpenClaw reads it back', () => {
    const config = build({
      requireOtelMetrics: false,
      version: OpenClawVersion.parse('2026.9.6'),
      document: { gateway: { ...GATEWAY, controlUi: { allowInsecureAuth: true } }, cron: undefined },
    });
    expect(config.document).toEqual({ gateway: GATEWAY });
    expect(config.version.toString()).toBe('2026.9.6');
    expect(config.configMapName).toBe('openclaw-config');
    expect(config.node.validate()).toEqual([]);
  });
});
