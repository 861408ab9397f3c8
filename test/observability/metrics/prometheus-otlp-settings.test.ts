import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { METRICS } from '../../../lib/telemetry/metric-catalog';
import { Prometheus } from '../../support/crd-schema-model';
import {
  compareVersions,
  DEFAULT_PROMETHEUS_OTLP_SETTINGS,
  metricNamer,
  prometheusOtlpPatch,
  resolvePrometheusOtlpSettings,
} from '../../../lib/telemetry/prometheus-otlp-settings';
import { toolPath } from '../../support/provision/tool-path';

describe('resolvePrometheusOtlpSettings', () => {
  it('defaults to lolice: prometheus 3.5.0, operator 0.85.0, UnderscoreEscapingWithSuffixes', () => {
    expect(resolvePrometheusOtlpSettings()).toEqual(DEFAULT_PROMETHEUS_OTLP_SETTINGS);
    expect(DEFAULT_PROMETHEUS_OTLP_SETTINGS).toMatchObject({
      prometheusVersion: '3.5.0',
      operatorVersion: '0.85.0',
      translationStrategy: 'UnderscoreEscapingWithSuffixes',
    });
  });

  it('accepts NoTranslation on prometheus 3.5 with operator 0.85', () => {
    expect(resolvePrometheusOtlpSettings({ translationStrategy: 'NoTranslation' }).translationStrategy).toBe(
      'NoTranslation',
    );
  });

  it('accepts UnderscoreEscapingWithoutSuffixes on prometheus 3.6 with operator 0.86', () => {
    expect(
      resolvePrometheusOtlpSettings({
        prometheusVersion: 'v3.6.0',
        operatorVersion: '0.86.0',
        translationStrategy: 'UnderscoreEscapingWithoutSuffixes',
      }).translationStrategy,
    ).toBe('UnderscoreEscapingWithoutSuffixes');
  });

  it('fails for UnderscoreEscapingWithoutSuffixes on prometheus 3.5', () => {
    expect(() => resolvePrometheusOtlpSettings({ translationStrategy: 'UnderscoreEscapingWithoutSuffixes' })).toThrow(
      'prometheus otlp settings: translation strategy UnderscoreEscapingWithoutSuffixes needs prometheus >= 3.6.0, received prometheus 3.5.0; upgrade Prometheus or choose UnderscoreEscapingWithSuffixes',
    );
  });

  it('fails for UnderscoreEscapingWithoutSuffixes on operator 0.85 even with prometheus 3.6', () => {
    expect(() =>
      resolvePrometheusOtlpSettings({
        prometheusVersion: '3.6.0',
        translationStrategy: 'UnderscoreEscapingWithoutSuffixes',
      }),
    ).toThrow(/needs prometheus-operator >= 0\.86\.0, received prometheus-operator 0\.85\.0/);
  });

  it('fails for NoTranslation on prometheus 3.3', () => {
    expect(() =>
      resolvePrometheusOtlpSettings({ prometheusVersion: '3.3.1', translationStrategy: 'NoTranslation' }),
    ).toThrow(/NoTranslation needs prometheus >= 3\.4\.0/);
  });

  it('fails for prometheus 2.x (no translation strategy)', () => {
    expect(() => resolvePrometheusOtlpSettings({ prometheusVersion: '2.55.1' })).toThrow(
      /spec\.otlp\.translationStrategy needs prometheus >= 3\.0\.0, received prometheus 2\.55\.1/,
    );
  });

  it('fails for enableOTLPReceiver on operator 0.78', () => {
    expect(() => resolvePrometheusOtlpSettings({ operatorVersion: '0.78.2' })).toThrow(
      /spec\.enableOTLPReceiver needs prometheus-operator >= 0\.79\.0/,
    );
  });

  it('fails when the dead otlp-write-receiver flag is relied on with prometheus 3', () => {
    expect(() => resolvePrometheusOtlpSettings({ enableFeatures: ['otlp-write-receiver'] })).toThrow(
      /expected no "otlp-write-receiver": prometheus 3\.5\.0 ignores that 2\.x flag/,
    );
  });

  it('fails for keepIdentifyingResourceAttributes on operator 0.79', () => {
    expect(() =>
      resolvePrometheusOtlpSettings({ operatorVersion: '0.79.0', keepIdentifyingResourceAttributes: true }),
    ).toThrow(/keepIdentifyingResourceAttributes needs prometheus-operator >= 0\.80\.0/);
  });

  it('fails for a malformed version', () => {
    expect(() => resolvePrometheusOtlpSettings({ prometheusVersion: 'latest' })).toThrow(
      /received prometheusVersion "latest", expected a version like "3\.5\.0"/,
    );
  });

  it('compares versions numerically', () => {
    expect(compareVersions('0.100.0', '0.86.0')).toBeGreaterThan(0);
    expect(compareVersions('v3.5.0', '3.5')).toBe(0);
  });
});

describe('metricNamer', () => {
  it('follows the configured strategy', () => {
    expect(metricNamer().metricName(METRICS.tokens)).toBe('openclaw_tokens_total');
    expect(metricNamer({ translationStrategy: 'NoTranslation' }).metricName(METRICS.tokens)).toBe('openclaw.tokens');
  });

  it('fails for an impossible combination', () => {
    expect(() => metricNamer({ prometheusVersion: '2.42.0' })).toThrow(/needs prometheus >= 3\.0\.0/);
  });
});

describe('prometheusOtlpPatch', () => {
  it('enables the receiver, sets the strategy and deletes enableFeatures', () => {
    expect(prometheusOtlpPatch()).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'k8s', namespace: 'monitoring' },
      spec: {
        enableFeatures: null,
        enableOTLPReceiver: true,
        otlp: { translationStrategy: 'UnderscoreEscapingWithSuffixes' },
      },
    });
  });

  it('keeps other feature flags and adds resource-attribute settings', () => {
    const patch = prometheusOtlpPatch({
      enableFeatures: ['exemplar-storage'],
      promoteResourceAttributes: ['k8s.pod.name', 'k8s.namespace.name'],
      keepIdentifyingResourceAttributes: true,
    });
    expect(patch.spec).toEqual({
      enableFeatures: ['exemplar-storage'],
      enableOTLPReceiver: true,
      otlp: {
        keepIdentifyingResourceAttributes: true,
        promoteResourceAttributes: ['k8s.namespace.name', 'k8s.pod.name'],
        translationStrategy: 'UnderscoreEscapingWithSuffixes',
      },
    });
  });

  it('yields no otlp-write-receiver after kubectl kustomize over lolice-like base + overlay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otlp-patch-'));
    try {
      const base = {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'Prometheus',
        metadata: { name: 'k8s', namespace: 'monitoring' },
        spec: { replicas: 2, version: '3.5.0', enableFeatures: ['otlp-write-receiver'] },
      };
      const overlay = {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'Prometheus',
        metadata: { name: 'k8s', namespace: 'monitoring' },
        spec: { replicas: 1, retention: '31d', enableFeatures: ['otlp-write-receiver'] },
      };
      writeFileSync(join(dir, 'base.yaml'), stringify(base));
      writeFileSync(join(dir, 'prometheus.yaml'), stringify(overlay));
      writeFileSync(join(dir, 'prometheus-otlp.yaml'), stringify(prometheusOtlpPatch()));
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        stringify({
          resources: ['base.yaml'],
          patches: [{ path: 'prometheus.yaml' }, { path: 'prometheus-otlp.yaml' }],
        }),
      );
      const output = execFileSync(toolPath('kubectl'), ['kustomize', dir], { encoding: 'utf8' });
      expect(output).not.toContain('otlp-write-receiver');
      const [doc] = parseAllDocuments(output).map((d) => d.toJS() as Record<string, unknown>);
      expect(doc?.spec).toEqual({
        enableOTLPReceiver: true,
        otlp: { translationStrategy: 'UnderscoreEscapingWithSuffixes' },
        replicas: 1,
        retention: '31d',
        version: '3.5.0',
      });
      const validate = (spec: unknown): void => new Prometheus({ ...(doc as object), spec }).validate();
      expect(() => validate(doc?.spec)).not.toThrow();
      // the schema check is real: a strategy outside the CRD enum is rejected
      expect(() => validate({ ...(doc?.spec as object), otlp: { translationStrategy: 'Legacy' } })).toThrow(
        /^spec\/otlp\/translationStrategy must be equal to one of the allowed values$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
