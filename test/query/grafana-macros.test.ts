import { resolveAlertingConfig } from '../../lib/observability/alerting/alerting-config';
import { loliceConfig } from '../../config/lolice';
import { OPENCLAW_ALERT_NAMES, openClawAlertRules } from '../../lib/observability/alerting/openclaw-alert-rules';
import { substituteGrafanaMacros, substituteGrafanaMacrosWithOffsets } from '../../lib/query/grafana-macros';
import { checkLogQL, substituteLogQLMacros } from '../../lib/query/logql';
import { durationToSeconds } from '../../lib/query/prometheus-duration';
import { metricNamer } from '../../lib/telemetry/prometheus-otlp-settings';

describe('substituteGrafanaMacrosWithOffsets', () => {
  it('maps offsets after a replaced span back to the expression as written', () => {
    const expr = 'rate(x{a="$channel"}[$__rate_interval]) + y';
    const { text, toOriginal } = substituteGrafanaMacrosWithOffsets(expr);
    expect(text).toBe('rate(x{a=".*"}[5m]) + y');
    expect(toOriginal(text.indexOf('y'))).toBe(expr.indexOf('y'));
    expect(toOriginal(text.indexOf('5m'))).toBe(expr.indexOf('$__rate_interval'));
    expect(toOriginal(0)).toBe(0);
  });

  it('treats $__auto as the interval, in PromQL and LogQL alike', () => {
    expect(substituteGrafanaMacros('increase(x[$__auto])', { interval: '2m' })).toBe('increase(x[2m])');
    expect(substituteLogQLMacros('count_over_time({a="b"}[$__auto])').text).toBe('count_over_time({a="b"}[1m])');
  });

  it('leaves variables named like Object.prototype members to the variable rules', () => {
    expect(substituteGrafanaMacros('sum by ($constructor) (x{a="$toString"})')).toBe(
      'sum by (__grafana_var_constructor) (x{a=".*"})',
    );
  });

  it('treats a deprecated [[var]] selector value in LogQL as a variable, not as an unknown value', () => {
    expect(checkLogQL('sum(count_over_time({namespace="openclaw", container="[[container]]"} [5m]))').problems).toEqual(
      [],
    );
  });
});

describe('durationToSeconds', () => {
  it('adds up compound durations with every Prometheus unit', () => {
    expect(durationToSeconds('1h30m')).toBe(5400);
    expect(durationToSeconds('500ms')).toBe(0.5);
    expect(durationToSeconds('1y')).toBe(31536000);
  });
});

describe('alert lookback', () => {
  it('covers a token baseline window given in years', () => {
    const config = resolveAlertingConfig(
      { ...loliceConfig.alerting, thresholds: { tokenBaselineWindow: '1y' } },
      loliceConfig.telemetry.datasources,
    );
    const rules = openClawAlertRules(config, metricNamer(), { namespace: 'openclaw', deployment: 'openclaw' });
    expect(rules.find((rule) => rule.name === OPENCLAW_ALERT_NAMES.tokenUsageAnomaly)?.lookback).toBe('1y');
  });
});
