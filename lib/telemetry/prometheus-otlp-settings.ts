/**
 * The Prometheus OTLP receiver settings for lolice's `k8s` Prometheus CR, their validation against
 * the Prometheus and prometheus-operator versions, and the strategic-merge patch that applies them.
 *
 * The configured translation strategy is the single source of the names used in queries: build the
 * namer with {@link metricNamer}. Source: docs/FACTS.md (Tooling);
 * docs/FACTS.md (lolice and arch).
 */
import { describeValue } from '../core/describe-value';
import {
  assertTranslationStrategy,
  createMetricNamer,
  DEFAULT_TRANSLATION_STRATEGY,
  MetricNamer,
  TranslationStrategy,
} from './otlp-prometheus-naming';

/** OTLP receiver settings of one Prometheus, plus the versions that decide what is possible. */
export interface PrometheusOtlpSettings {
  /**
   * Prometheus version the operator runs (`spec.version`).
   * @default '3.5.0'
   */
  readonly prometheusVersion?: string;
  /**
   * prometheus-operator version (decides which CR fields exist).
   * @default '0.85.0'
   */
  readonly operatorVersion?: string;
  /**
   * `spec.otlp.translationStrategy`.
   * @default 'UnderscoreEscapingWithSuffixes'
   */
  readonly translationStrategy?: TranslationStrategy;
  /**
   * `spec.otlp.promoteResourceAttributes`: resource attributes copied onto every series.
   * @default [] (the field is not emitted)
   */
  readonly promoteResourceAttributes?: readonly string[];
  /**
   * `spec.otlp.keepIdentifyingResourceAttributes`: also copy service.* onto target_info.
   * @default false (the field is not emitted)
   */
  readonly keepIdentifyingResourceAttributes?: boolean;
  /**
   * Feature flags the CR should keep in `spec.enableFeatures` (not OTLP related).
   * `otlp-write-receiver` is rejected for Prometheus 3.
   * @default []
   */
  readonly enableFeatures?: readonly string[];
}

/** {@link PrometheusOtlpSettings} with every default filled in and validated. */
export interface ResolvedPrometheusOtlpSettings {
  readonly prometheusVersion: string;
  readonly operatorVersion: string;
  readonly translationStrategy: TranslationStrategy;
  readonly promoteResourceAttributes: readonly string[];
  readonly keepIdentifyingResourceAttributes: boolean;
  readonly enableFeatures: readonly string[];
}

/** lolice's Prometheus as of Feb 2026: Prometheus 3.5.0, operator 0.85.0, default strategy. */
export const DEFAULT_PROMETHEUS_OTLP_SETTINGS: ResolvedPrometheusOtlpSettings = {
  prometheusVersion: '3.5.0',
  operatorVersion: '0.85.0',
  translationStrategy: DEFAULT_TRANSLATION_STRATEGY,
  promoteResourceAttributes: [],
  keepIdentifyingResourceAttributes: false,
  enableFeatures: [],
};

/** The Prometheus 2.x feature flag that Prometheus 3 ignores ("Unknown option"). */
export const LEGACY_OTLP_FEATURE_FLAG = 'otlp-write-receiver';

/** Minimum Prometheus and operator versions per translation strategy (docs/FACTS.md (Tooling)). */
export const STRATEGY_MINIMUM_VERSIONS: Readonly<
  Record<TranslationStrategy, { readonly prometheus: string; readonly operator: string }>
> = {
  UnderscoreEscapingWithSuffixes: { prometheus: '3.0.0', operator: '0.79.0' },
  NoUTF8EscapingWithSuffixes: { prometheus: '3.0.0', operator: '0.79.0' },
  NoTranslation: { prometheus: '3.4.0', operator: '0.83.0' },
  UnderscoreEscapingWithoutSuffixes: { prometheus: '3.6.0', operator: '0.86.0' },
};

type Version = readonly [number, number, number];

/** Parses `3.5.0`, `v3.5.0` or `3.5`; throws for anything else. */
export function parseVersion(value: string, what: string): Version {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/.exec(value);
  if (match === null) {
    throw new Error(
      `prometheus otlp settings: received ${what} ${describeValue(value)}, ` +
        `expected a version like "3.5.0"; set ${what} to a released version`,
    );
  }
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? '0')];
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a, 'version');
  const right = parseVersion(b, 'version');
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

function requireAtLeast(actual: string, minimum: string, what: string, feature: string, fix: string): void {
  if (compareVersions(actual, minimum) < 0) {
    throw new Error(
      `prometheus otlp settings: ${feature} needs ${what} >= ${minimum}, received ${what} ${actual}; ${fix}`,
    );
  }
}

/**
 * Fills in defaults and throws (lowercase; what, expected, fix) when the combination cannot work:
 * a strategy newer than the Prometheus or operator version, `enableOTLPReceiver` on an operator
 * older than 0.79, a Prometheus without an OTLP receiver, or the dead `otlp-write-receiver` flag.
 */
export function resolvePrometheusOtlpSettings(settings: PrometheusOtlpSettings = {}): ResolvedPrometheusOtlpSettings {
  const resolved: ResolvedPrometheusOtlpSettings = {
    prometheusVersion: settings.prometheusVersion ?? DEFAULT_PROMETHEUS_OTLP_SETTINGS.prometheusVersion,
    operatorVersion: settings.operatorVersion ?? DEFAULT_PROMETHEUS_OTLP_SETTINGS.operatorVersion,
    translationStrategy: settings.translationStrategy ?? DEFAULT_PROMETHEUS_OTLP_SETTINGS.translationStrategy,
    promoteResourceAttributes: [...(settings.promoteResourceAttributes ?? [])].sort(),
    keepIdentifyingResourceAttributes: settings.keepIdentifyingResourceAttributes ?? false,
    enableFeatures: [...(settings.enableFeatures ?? [])],
  };
  parseVersion(resolved.prometheusVersion, 'prometheusVersion');
  parseVersion(resolved.operatorVersion, 'operatorVersion');
  assertTranslationStrategy(resolved.translationStrategy, 'prometheus otlp settings translationStrategy');

  requireAtLeast(
    resolved.operatorVersion,
    '0.79.0',
    'prometheus-operator',
    'spec.enableOTLPReceiver',
    'upgrade the operator (older operators only pass the raw enableFeatures flag, which Prometheus 3 ignores)',
  );
  requireAtLeast(
    resolved.prometheusVersion,
    '3.0.0',
    'prometheus',
    'spec.otlp.translationStrategy',
    'upgrade Prometheus to 3.x (2.x has no translation strategy and names ' +
      'every metric with underscore escaping and suffixes)',
  );
  const minimum = STRATEGY_MINIMUM_VERSIONS[resolved.translationStrategy];
  requireAtLeast(
    resolved.prometheusVersion,
    minimum.prometheus,
    'prometheus',
    `translation strategy ${resolved.translationStrategy}`,
    `upgrade Prometheus or choose ${DEFAULT_TRANSLATION_STRATEGY}`,
  );
  requireAtLeast(
    resolved.operatorVersion,
    minimum.operator,
    'prometheus-operator',
    `translation strategy ${resolved.translationStrategy} (CRD enum)`,
    `upgrade the operator or choose ${DEFAULT_TRANSLATION_STRATEGY}`,
  );
  if (resolved.promoteResourceAttributes.length > 0) {
    requireAtLeast(
      resolved.operatorVersion,
      '0.77.0',
      'prometheus-operator',
      'spec.otlp.promoteResourceAttributes',
      'upgrade the operator',
    );
  }
  if (resolved.keepIdentifyingResourceAttributes) {
    requireAtLeast(
      resolved.prometheusVersion,
      '3.1.0',
      'prometheus',
      'spec.otlp.keepIdentifyingResourceAttributes',
      'upgrade Prometheus or drop keepIdentifyingResourceAttributes',
    );
    requireAtLeast(
      resolved.operatorVersion,
      '0.80.0',
      'prometheus-operator',
      'spec.otlp.keepIdentifyingResourceAttributes',
      'upgrade the operator or drop keepIdentifyingResourceAttributes',
    );
  }
  if (resolved.enableFeatures.includes(LEGACY_OTLP_FEATURE_FLAG)) {
    throw new Error(
      `prometheus otlp settings: received enableFeatures ` +
        `${describeValue(resolved.enableFeatures)}, expected no "` +
        `${LEGACY_OTLP_FEATURE_FLAG}": prometheus ${resolved.prometheusVersion} ` +
        `ignores that 2.x flag ("Unknown option"); remove it and rely on ` +
        `spec.enableOTLPReceiver`,
    );
  }
  return resolved;
}

/**
 * The namer for the names Prometheus stores under these settings. Every query, rule and dashboard
 * must take its metric and label names from here.
 */
export function metricNamer(settings: PrometheusOtlpSettings = {}): MetricNamer {
  return createMetricNamer(resolvePrometheusOtlpSettings(settings).translationStrategy);
}

/** Which Prometheus CR the patch targets. */
export interface PrometheusCrTarget {
  /**
   * `metadata.name` of the Prometheus CR.
   * @default 'k8s'
   */
  readonly name?: string;
  /**
   * `metadata.namespace` of the Prometheus CR.
   * @default 'monitoring'
   */
  readonly namespace?: string;
}

/**
 * The strategic-merge patch (a kustomize `patches:` entry body) that turns on the OTLP receiver of
 * lolice's Prometheus CR `k8s`: `spec.enableOTLPReceiver: true`, `spec.otlp.translationStrategy`
 * (plus optional resource-attribute fields), and `spec.enableFeatures` without the dead
 * `otlp-write-receiver` flag.
 *
 * How the flag goes away: kustomize has no merge key for `enableFeatures` of the Prometheus CRD
 * (it is not a built-in kind), so a list in the patch **replaces** the whole list. The patch sets
 * `enableFeatures` to the settings' remaining flags, or to `null` when none remain; `null` deletes
 * the field, so `kubectl kustomize` prints no `enableFeatures` and no `otlp-write-receiver`.
 * The patch must be applied after any patch that adds the flag (list it last in `patches:`).
 */
export function prometheusOtlpPatch(
  settings: PrometheusOtlpSettings = {},
  target: PrometheusCrTarget = {},
): Record<string, unknown> {
  const resolved = resolvePrometheusOtlpSettings(settings);
  const otlp: Record<string, unknown> = {
    ...(resolved.keepIdentifyingResourceAttributes ? { keepIdentifyingResourceAttributes: true } : {}),
    ...(resolved.promoteResourceAttributes.length > 0
      ? { promoteResourceAttributes: [...resolved.promoteResourceAttributes] }
      : {}),
    translationStrategy: resolved.translationStrategy,
  };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Prometheus',
    metadata: { name: target.name ?? 'k8s', namespace: target.namespace ?? 'monitoring' },
    spec: {
      enableFeatures: resolved.enableFeatures.length > 0 ? [...resolved.enableFeatures] : null,
      enableOTLPReceiver: true,
      otlp,
    },
  };
}
