import { loliceConfig } from '../../config/lolice';
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { validateOpenClawConfig } from '../../lib/openclaw/validate-config';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { buildApp } from '../support/openclaw-ops-harness';

const METRICS_URL = 'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp/v1/metrics';

function withOtel(otel: Record<string, unknown>): OpenClawConfigDocument {
  const diagnostics = loliceConfig.openclawConfig.diagnostics ?? {};
  return { ...loliceConfig.openclawConfig, diagnostics: { ...diagnostics, otel: { ...diagnostics.otel, ...otel } } };
}

function older(requireOtelMetrics: boolean | undefined, otel: Record<string, unknown>): OpenClawOpsConfig {
  return {
    ...loliceConfig,
    openclawVersion: '2026.2.17',
    openclawConfig: withOtel(otel),
    telemetry: { ...loliceConfig.telemetry, requireOtelMetrics },
  };
}

describe('OpenClaw versions |', () => {
  it('synthesizes an OpenClaw 2026.2.17 deployment when OTel metrics are knowingly not required', () => {
    const tree = buildApp(older(false, { endpoint: METRICS_URL })).renderLolice();
    expect(tree.get('argoproj/openclaw/configmap-openclaw.yaml')).toContain(METRICS_URL);
  });

  it('fails on OpenClaw 2026.2.17 by default, because its diagnostics-otel plugin records nothing', () => {
    expect(() => buildApp(older(undefined, { endpoint: METRICS_URL })).renderLolice()).toThrow(/2026\.2\.19/);
  });

  it('accepts the full /v1/metrics url on 2026.2.17 only while traces and logs are off', () => {
    const version = OpenClawVersion.parse('2026.2.17');
    const metricsOnly = validateOpenClawConfig(withOtel({ endpoint: METRICS_URL, traces: false, logs: false }), {
      version,
    });
    expect(metricsOnly.filter((e) => e.includes('diagnostics.otel.endpoint'))).toEqual([]);

    const withTraces = validateOpenClawConfig(withOtel({ endpoint: METRICS_URL, traces: true }), { version });
    expect(withTraces.join('\n')).toContain('traces and logs would be posted to the same signal url');
  });

  it('fails on 2026.2.17 with the base url, which that version would post metrics to unchanged', () => {
    const errors = validateOpenClawConfig(withOtel({}), { version: OpenClawVersion.parse('2026.2.17') });
    expect(errors.join('\n')).toContain('does not append /v1/metrics');
    expect(errors.join('\n')).toContain('the full .../v1/metrics url');
  });
});
