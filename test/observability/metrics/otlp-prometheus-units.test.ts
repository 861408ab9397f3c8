import type { OtlpInstrument, OtlpMetricType } from '../../../lib/telemetry/metric-catalog';
import {
  assertTranslationStrategy,
  createMetricNamer,
  DEFAULT_OPENCLAW_JOB,
  DEFAULT_TRANSLATION_STRATEGY,
  isLegacyLabelName,
  isLegacyMetricName,
  prometheusLabelName,
  prometheusMetricName,
  prometheusSeriesNames,
  resourceLabels,
  strategyAddsSuffixes,
  strategyEscapes,
  TRANSLATION_STRATEGIES,
  unitSuffixes,
} from '../../../lib/telemetry/otlp-prometheus-naming';
import { METRICS } from '../../../lib/telemetry/metric-catalog';

const instrument = (name: string, unit: string, type: OtlpMetricType): OtlpInstrument => ({ name, unit, type });
const escaped = (name: string, unit: string, type: OtlpMetricType = 'gauge'): string =>
  prometheusMetricName(instrument(name, unit, type), 'UnderscoreEscapingWithSuffixes');
const utf8 = (name: string, unit: string, type: OtlpMetricType = 'gauge'): string =>
  prometheusMetricName(instrument(name, unit, type), 'NoUTF8EscapingWithSuffixes');

describe('strategies', () => {
  test('the four strategies, default first, and what each does', () => {
    expect(TRANSLATION_STRATEGIES).toEqual([
      'UnderscoreEscapingWithSuffixes',
      'NoUTF8EscapingWithSuffixes',
      'UnderscoreEscapingWithoutSuffixes',
      'NoTranslation',
    ]);
    expect(DEFAULT_TRANSLATION_STRATEGY).toBe('UnderscoreEscapingWithSuffixes');
    expect(TRANSLATION_STRATEGIES.map(strategyEscapes)).toEqual([true, false, true, false]);
    expect(TRANSLATION_STRATEGIES.map(strategyAddsSuffixes)).toEqual([true, true, false, false]);
    expect(DEFAULT_OPENCLAW_JOB).toBe('openclaw');
  });

  test('an unknown strategy is refused with what was received, the accepted values and the fix', () => {
    const message = (received: string): string =>
      `prometheus.otlp: received translation strategy ${received}, expected one of UnderscoreEscapingWithSuffixes, ` +
      'NoUTF8EscapingWithSuffixes, UnderscoreEscapingWithoutSuffixes, NoTranslation; use a strategy Prometheus 3.x accepts';
    expect(() => assertTranslationStrategy('Legacy', 'prometheus.otlp')).toThrow(new Error(message('"Legacy"')));
    expect(() => assertTranslationStrategy(1, 'prometheus.otlp')).toThrow(new Error(message('1')));
    expect(() => assertTranslationStrategy(undefined, 'prometheus.otlp')).toThrow(new Error(message('undefined')));
    for (const strategy of TRANSLATION_STRATEGIES) {
      expect(() => assertTranslationStrategy(strategy, 'x')).not.toThrow();
    }
    expect(() => createMetricNamer('legacy' as never)).toThrow(
      /^createMetricNamer: received translation strategy "legacy"/,
    );
  });
});

describe('unit words', () => {
  test.each([
    ['d', 'days'],
    ['h', 'hours'],
    ['min', 'minutes'],
    ['s', 'seconds'],
    ['ms', 'milliseconds'],
    ['us', 'microseconds'],
    ['ns', 'nanoseconds'],
    ['By', 'bytes'],
    ['KiBy', 'kibibytes'],
    ['MiBy', 'mebibytes'],
    ['GiBy', 'gibibytes'],
    ['TiBy', 'tibibytes'],
    ['KBy', 'kilobytes'],
    ['MBy', 'megabytes'],
    ['GBy', 'gigabytes'],
    ['TBy', 'terabytes'],
    ['m', 'meters'],
    ['V', 'volts'],
    ['A', 'amperes'],
    ['J', 'joules'],
    ['W', 'watts'],
    ['g', 'grams'],
    ['Cel', 'celsius'],
    ['Hz', 'hertz'],
    ['%', 'percent'],
  ])('%s → %s', (unit, word) => {
    expect(unitSuffixes(unit)).toEqual({ main: word, per: '' });
    expect(escaped('a.b', unit)).toBe(`a_b_${word}`);
    expect(utf8('a.b', unit)).toBe(`a.b_${word}`);
  });

  test.each([
    ['s', 'second'],
    ['m', 'minute'],
    ['h', 'hour'],
    ['d', 'day'],
    ['w', 'week'],
    ['mo', 'month'],
    ['y', 'year'],
  ])('per %s → per_%s', (unit, word) => {
    expect(unitSuffixes(`By/${unit}`)).toEqual({ main: 'bytes', per: `per_${word}` });
    expect(escaped('a.b', `By/${unit}`)).toBe(`a_b_bytes_per_${word}`);
  });

  test('an unknown unit is kept as written, then cleaned under escaping', () => {
    expect(unitSuffixes('foo-bar/baz.qux')).toEqual({ main: 'foo-bar', per: 'per_baz.qux' });
    expect(escaped('a.b', 'foo-bar/baz.qux')).toBe('a_b_foo_bar_per_baz_qux');
    expect(utf8('a.b', 'foo-bar/baz.qux')).toBe('a.b_foo-bar_per_baz.qux');
    expect(escaped('a', '-x--y-')).toBe('a_x_y_');
    expect(escaped('a', 'x:y')).toBe('a_x:y');
    expect(escaped('a', 'x---y')).toBe('a_x_y');
    // a trailing "_" of the cleaned per word goes, and of the main word when a per word follows
    expect(escaped('a', 'By/x-')).toBe('a_bytes_per_x');
    expect(escaped('a', 'x-/s')).toBe('a_x_per_second');
    expect(escaped('a', 'x-')).toBe('a_x_');
  });

  test('empty sides, {annotations} and whitespace give no word', () => {
    expect(unitSuffixes('')).toEqual({ main: '', per: '' });
    expect(unitSuffixes(' ms ')).toEqual({ main: 'milliseconds', per: '' });
    expect(unitSuffixes('By/')).toEqual({ main: 'bytes', per: '' });
    expect(unitSuffixes('/s')).toEqual({ main: '', per: 'per_second' });
    expect(unitSuffixes('By/ s ')).toEqual({ main: 'bytes', per: 'per_second' });
    expect(unitSuffixes('By/{x}')).toEqual({ main: 'bytes', per: '' });
    expect(unitSuffixes('{x}/{y}')).toEqual({ main: '', per: '' });
    expect(unitSuffixes('x}/y{')).toEqual({ main: '', per: '' });
    expect(unitSuffixes('By/s/x')).toEqual({ main: 'bytes', per: 'per_s/x' });
    expect(escaped('a.b', '{x}/{y}')).toBe('a_b');
    expect(escaped('a.b', '1/s')).toBe('a_b_per_second');
    expect(escaped('a.b', '')).toBe('a_b');
  });
});

describe('UnderscoreEscapingWithSuffixes names', () => {
  test('runs of invalid characters and underscores split the name into tokens', () => {
    expect(escaped('a..b', '')).toBe('a_b');
    expect(escaped('__a__b', '')).toBe('a_b');
    expect(escaped('-a', '')).toBe('a');
    expect(escaped('a-b_c', '')).toBe('a_b_c');
    expect(escaped('a:b', '')).toBe('a:b');
    expect(escaped('1a', '')).toBe('_1a');
    expect(escaped('http2.requests', '')).toBe('http2_requests');
  });

  test('a unit or per word already a token of the name is not added again', () => {
    expect(escaped('disk.bytes', 'By')).toBe('disk_bytes');
    expect(escaped('io.bytes.second', 'By/s')).toBe('io_bytes_second_per_second');
    expect(escaped('a.per.second', '1/s', 'monotonicCounter')).toBe('a_per_second_per_second_total');
    expect(escaped('x.per_second', 'By/s')).toBe('x_per_second_bytes_per_second');
  });

  test('counters end in exactly one _total; unit-1 gauges in exactly one _ratio', () => {
    expect(escaped('a.total', '1', 'monotonicCounter')).toBe('a_total');
    expect(escaped('total', '1/s', 'monotonicCounter')).toBe('per_second_total');
    expect(escaped('a.total.b', 's', 'monotonicCounter')).toBe('a_b_seconds_total');
    expect(escaped('a.ratio', '1', 'gauge')).toBe('a_ratio');
    expect(escaped('a.ratio.b', '1', 'gauge')).toBe('a_b_ratio');
    expect(escaped('a.total', '1', 'gauge')).toBe('a_total_ratio');
    expect(escaped('a.ratio', '1', 'monotonicCounter')).toBe('a_ratio_total');
    expect(escaped('a', '1', 'nonMonotonicCounter')).toBe('a');
    expect(escaped('a', '1', 'histogram')).toBe('a');
    expect(escaped('a', 's', 'gauge')).toBe('a_seconds');
  });
});

describe('NoUTF8EscapingWithSuffixes names', () => {
  test('a trailing suffix is trimmed with its delimiter, then put back in the standard order', () => {
    expect(utf8('a.total', '1', 'monotonicCounter')).toBe('a_total');
    expect(utf8('a_total', '1', 'monotonicCounter')).toBe('a_total');
    expect(utf8('total', '1', 'monotonicCounter')).toBe('total_total');
    // as upstream: any one character before the suffix counts as its delimiter, and a name that would
    // become empty is kept whole
    expect(utf8('xtotal', '1', 'monotonicCounter')).toBe('xtotal_total');
    expect(utf8('abtotal', '1', 'monotonicCounter')).toBe('a_total');
    expect(utf8('a.ratio', '1', 'gauge')).toBe('a_ratio');
    expect(utf8('ratio', '1', 'gauge')).toBe('ratio_ratio');
    expect(utf8('a.per_second', 'By/s', 'gauge')).toBe('a_bytes_per_second');
    expect(utf8('a.per_second_total', 'By/s', 'monotonicCounter')).toBe('a_bytes_per_second_total');
    // only the suffixes of the metric's own type are trimmed
    expect(utf8('a.ratio', '1', 'monotonicCounter')).toBe('a.ratio_total');
    expect(utf8('a.total', '1', 'gauge')).toBe('a.total_ratio');
    expect(utf8('a.per_second', 'By', 'gauge')).toBe('a.per_second_bytes');
  });

  test('the main unit word is skipped only when the name ends with it', () => {
    expect(utf8('a.seconds', 's')).toBe('a.seconds');
    expect(utf8('seconds.a', 's')).toBe('seconds.a_seconds');
    expect(utf8('a.b', 's', 'monotonicCounter')).toBe('a.b_seconds_total');
    expect(utf8('a.b', '1', 'nonMonotonicCounter')).toBe('a.b');
    expect(utf8('a.b', '1', 'histogram')).toBe('a.b');
  });
});

describe('names without suffixes', () => {
  test('UnderscoreEscapingWithoutSuffixes keeps underscores, replaces other runs and prefixes a digit', () => {
    const plain = (name: string): string =>
      prometheusMetricName(instrument(name, 's', 'monotonicCounter'), 'UnderscoreEscapingWithoutSuffixes');
    expect(plain('a..b')).toBe('a_b');
    expect(plain('__a__b')).toBe('__a__b');
    expect(plain('.a-b:c.')).toBe('a_b:c');
    expect(plain('2xx.total')).toBe('_2xx_total');
  });

  test('NoTranslation keeps the name as sent', () => {
    expect(prometheusMetricName(instrument('2xx.a-b', 's', 'monotonicCounter'), 'NoTranslation')).toBe('2xx.a-b');
  });
});

describe('series names', () => {
  test('a histogram has bucket, count and sum series, sorted; other types only the family', () => {
    expect(prometheusSeriesNames(instrument('a', 's', 'histogram'), 'UnderscoreEscapingWithSuffixes')).toEqual({
      family: 'a_seconds',
      all: ['a_seconds_bucket', 'a_seconds_count', 'a_seconds_sum'],
      histogram: { bucket: 'a_seconds_bucket', sum: 'a_seconds_sum', count: 'a_seconds_count' },
    });
    expect(prometheusSeriesNames(instrument('a', 's', 'gauge'), 'NoTranslation')).toEqual({ family: 'a', all: ['a'] });
  });

  test('the namer gives every part and refuses a missing or extra part with the whole reason', () => {
    const namer = createMetricNamer('NoUTF8EscapingWithSuffixes');
    expect(namer.strategy).toBe('NoUTF8EscapingWithSuffixes');
    expect(namer.metricName(METRICS.runDuration)).toBe('openclaw.run.duration_ms_milliseconds');
    expect(namer.seriesNames(METRICS.tokens)).toEqual({
      family: 'openclaw.tokens_total',
      all: ['openclaw.tokens_total'],
    });
    expect(namer.seriesName(METRICS.runDuration, 'sum')).toBe('openclaw.run.duration_ms_milliseconds_sum');
    expect(namer.seriesName(METRICS.runDuration, 'count')).toBe('openclaw.run.duration_ms_milliseconds_count');
    expect(namer.labelName('openclaw.token')).toBe('openclaw.token');
    expect(() => namer.seriesName(METRICS.runDuration)).toThrow(
      new Error(
        'series name of openclaw.run.duration_ms: received no histogram part for a histogram, ' +
          'expected "bucket", "sum" or "count"; pass the part',
      ),
    );
    expect(() => namer.seriesName(METRICS.tokens, 'sum')).toThrow(
      new Error(
        'series name of openclaw.tokens: received histogram part "sum" for a monotonicCounter, ' +
          'expected no part; only histograms have _bucket/_sum/_count series',
      ),
    );
  });
});

describe('label names', () => {
  test('escaping replaces each invalid character and prefixes a digit or a single leading underscore', () => {
    expect(prometheusLabelName('', 'UnderscoreEscapingWithSuffixes')).toBe('');
    expect(prometheusLabelName('a-b:c', 'UnderscoreEscapingWithSuffixes')).toBe('a_b_c');
    expect(prometheusLabelName('a..b', 'UnderscoreEscapingWithoutSuffixes')).toBe('a__b');
    expect(prometheusLabelName('_', 'UnderscoreEscapingWithSuffixes')).toBe('key_');
    expect(prometheusLabelName('.x', 'UnderscoreEscapingWithSuffixes')).toBe('key_x');
    expect(prometheusLabelName('__x', 'UnderscoreEscapingWithSuffixes')).toBe('__x');
    expect(prometheusLabelName('9', 'UnderscoreEscapingWithSuffixes')).toBe('key_9');
    expect(prometheusLabelName('x9', 'UnderscoreEscapingWithSuffixes')).toBe('x9');
    expect(prometheusLabelName('a-b', 'NoTranslation')).toBe('a-b');
  });

  test('legacy names need no quoting; anything else does', () => {
    expect(isLegacyMetricName('a_b:c9')).toBe(true);
    expect(isLegacyMetricName(':a')).toBe(true);
    expect(isLegacyMetricName('_a')).toBe(true);
    expect(isLegacyMetricName('9a')).toBe(false);
    expect(isLegacyMetricName('a.b')).toBe(false);
    expect(isLegacyMetricName('a b')).toBe(false);
    expect(isLegacyMetricName('a.')).toBe(false);
    expect(isLegacyMetricName('')).toBe(false);
    expect(isLegacyLabelName('a_B9')).toBe(true);
    expect(isLegacyLabelName('_a')).toBe(true);
    expect(isLegacyLabelName('a:b')).toBe(false);
    expect(isLegacyLabelName(':a')).toBe(false);
    expect(isLegacyLabelName('9a')).toBe(false);
    expect(isLegacyLabelName('a.')).toBe(false);
    expect(isLegacyLabelName('.a')).toBe(false);
    expect(isLegacyLabelName('')).toBe(false);
  });
});

describe('resource labels', () => {
  test('an empty service.name gives no job; an empty namespace or instance id is ignored', () => {
    expect(
      resourceLabels({ 'service.name': '', 'service.instance.id': 'i', 'x.y': 'v' }, 'UnderscoreEscapingWithSuffixes'),
    ).toStrictEqual({ instance: 'i', promoted: {}, targetInfo: { instance: 'i', x_y: 'v' } });
    expect(
      resourceLabels(
        { 'service.name': 'a', 'service.namespace': '', 'service.instance.id': '', 'x.y': 'v' },
        'NoUTF8EscapingWithSuffixes',
        { promoteResourceAttributes: ['z', 'x.y'] },
      ),
    ).toStrictEqual({ job: 'a', promoted: { 'x.y': 'v' }, targetInfo: { job: 'a', 'x.y': 'v' } });
  });

  test('without job and instance there is no target_info', () => {
    expect(resourceLabels({ 'x.y': 'v' }, 'UnderscoreEscapingWithSuffixes')).toStrictEqual({ promoted: {} });
    expect(resourceLabels({ 'service.namespace': 'n', 'x.y': 'v' }, 'UnderscoreEscapingWithSuffixes')).toEqual({
      promoted: {},
    });
  });

  test('promoted attributes and target_info labels come sorted, identifying ones left out unless kept', () => {
    const labels = resourceLabels(
      { 'service.name': 's', 'z.z': '1', 'a.a': '2', 'service.instance.id': 'i', 'm.m': '3' },
      'UnderscoreEscapingWithSuffixes',
      { promoteResourceAttributes: ['z.z', 'a.a'], keepIdentifyingResourceAttributes: false },
    );
    expect(Object.keys(labels.promoted)).toEqual(['a_a', 'z_z']);
    expect(labels.targetInfo).toEqual({ a_a: '2', instance: 'i', job: 's', m_m: '3', z_z: '1' });
    expect(Object.keys(labels.targetInfo ?? {})).toEqual(['a_a', 'instance', 'job', 'm_m', 'z_z']);
  });
});
