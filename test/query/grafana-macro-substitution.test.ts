/**
 * Grafana macro and variable substitution: every macro with its default and given values, where a
 * variable sits (string, range, code), the forms of a variable, and the offset map back to the
 * expression as written.
 */
import {
  GRAFANA_VARIABLE_PLACEHOLDER_PREFIX,
  substituteGrafanaMacros,
  substituteGrafanaMacrosWithOffsets,
} from '../../lib/query/grafana-macros';

describe('macros', () => {
  test('defaults: rate interval 5m, interval and auto 1m, range 1h, and the _ms/_s forms', () => {
    expect(
      substituteGrafanaMacros('$__rate_interval $__interval $__auto $__interval_ms $__range $__range_s $__range_ms'),
    ).toBe('5m 1m 1m 60000 1h 3600 3600000');
  });

  test('given values, rounded for the numeric forms', () => {
    expect(
      substituteGrafanaMacros('$__rate_interval $__interval $__auto $__interval_ms $__range $__range_s $__range_ms', {
        rateInterval: '2m',
        interval: '1500ms',
        range: '1m30s',
      }),
    ).toBe('2m 1500ms 1500ms 1500 1m30s 90 90000');
    expect(substituteGrafanaMacros('$__range_s', { range: '1500ms' })).toBe('2');
    expect(substituteGrafanaMacros('$__interval_ms', { interval: '1ms' })).toBe('1');
  });

  test('every macro form: bare, braced, braced with a format, and [[...]]', () => {
    expect(substituteGrafanaMacros('${__range} ${__range:raw} [[__range]] [[__range:text]]')).toBe('1h 1h 1h 1h');
  });
});

describe('dashboard variables', () => {
  test('a given value replaces every form of the variable, wherever it stands', () => {
    expect(
      substituteGrafanaMacros('x{a="$v", b="${v}", c="${v:regex}", d="[[v]]"}[$v] by ($v)', { variables: { v: 'q' } }),
    ).toBe('x{a="q", b="q", c="q", d="q"}[q] by (q)');
  });

  test('without a value: .* in a string, the rate interval in a range, a placeholder label in code', () => {
    expect(GRAFANA_VARIABLE_PLACEHOLDER_PREFIX).toBe('__grafana_var_');
    expect(substituteGrafanaMacros("x{a='$v', b=`$v`}[$w] + on ($g) y", { rateInterval: '3m' })).toBe(
      "x{a='.*', b=`.*`}[3m] + on (__grafana_var_g) y",
    );
    expect(substituteGrafanaMacros('${g:csv} [[g]]')).toBe('__grafana_var_g __grafana_var_g');
  });

  test('$1-style group references are left alone', () => {
    expect(substituteGrafanaMacros('label_replace(x, "a", "$1$2", "b", "(.*)") + ${1}')).toBe(
      'label_replace(x, "a", "$1$2", "b", "(.*)") + ${1}',
    );
  });

  test('an escaped quote does not end a string; a backslash in a backtick string is plain', () => {
    expect(substituteGrafanaMacros('x{a="\\"$v", b=`\\`} + $w')).toBe('x{a="\\".*", b=`\\`} + __grafana_var_w');
    expect(substituteGrafanaMacros('x{a="\\\\"} + $w')).toBe('x{a="\\\\"} + __grafana_var_w');
  });

  test('a range ends at its bracket; [[var]] is not a range', () => {
    expect(substituteGrafanaMacros('x[$a] $b')).toBe('x[5m] __grafana_var_b');
    expect(substituteGrafanaMacros('[[a]] $b')).toBe('__grafana_var_a __grafana_var_b');
    expect(substituteGrafanaMacros('x[1h:$a] $b')).toBe('x[1h:5m] __grafana_var_b');
    expect(substituteGrafanaMacros('] $b')).toBe('] __grafana_var_b');
  });

  test('a [[var]] takes the context it stands in, and a range after it still closes', () => {
    expect(substituteGrafanaMacros('x[[[a]]] $b')).toBe('x[5m] __grafana_var_b');
    expect(substituteGrafanaMacros('x[1h:[[a]]] $b')).toBe('x[1h:5m] __grafana_var_b');
    expect(substituteGrafanaMacros('x[1h:[[a:raw]]] [[b]]')).toBe('x[1h:5m] __grafana_var_b');
    expect(substituteGrafanaMacros('] x[$a]')).toBe('] x[5m]');
    expect(substituteGrafanaMacros('[[ab]] [[cd:raw]] $e')).toBe('__grafana_var_ab __grafana_var_cd __grafana_var_e');
    expect(substituteGrafanaMacros('[[a]]"x"$b')).toBe('__grafana_var_a"x"__grafana_var_b');
  });

  test('the context is per character: inside a string after other text or an escape, right after its end', () => {
    expect(substituteGrafanaMacros('x{a="a$v"}')).toBe('x{a="a.*"}');
    expect(substituteGrafanaMacros('x{a="\\$v"}')).toBe('x{a="\\.*"}');
    expect(substituteGrafanaMacros('"$v"$w')).toBe('".*"__grafana_var_w');
  });

  test('only an all-digit name is a group reference', () => {
    expect(substituteGrafanaMacros('$v1 $1a $12')).toBe('__grafana_var_v1 __grafana_var_1a $12');
  });

  test('a text without macros comes back unchanged', () => {
    expect(substituteGrafanaMacros('sum(rate(x[5m]))')).toBe('sum(rate(x[5m]))');
    expect(substituteGrafanaMacros('')).toBe('');
  });
});

describe('the offset map', () => {
  test('offsets before, inside and after replaced spans of different lengths', () => {
    const expr = 'a $__range_ms b ${v:regex} c';
    const { text, toOriginal } = substituteGrafanaMacrosWithOffsets(expr);
    expect(text).toBe('a 3600000 b __grafana_var_v c');
    expect(toOriginal(0)).toBe(0);
    expect(toOriginal(1)).toBe(1);
    expect(toOriginal(2)).toBe(2);
    expect(toOriginal(5)).toBe(2);
    expect(toOriginal(8)).toBe(2);
    expect(toOriginal(9)).toBe(expr.indexOf(' b'));
    expect(toOriginal(text.indexOf('b'))).toBe(expr.indexOf('b'));
    expect(toOriginal(text.indexOf('__grafana_var_v'))).toBe(expr.indexOf('${v:regex}'));
    expect(toOriginal(text.indexOf('__grafana_var_v') + 14)).toBe(expr.indexOf('${v:regex}'));
    expect(toOriginal(text.indexOf('c'))).toBe(expr.indexOf('c'));
    expect(toOriginal(text.length)).toBe(expr.length);
  });

  test('a variable whose value is empty: the next character maps to where it stands as written', () => {
    const expr = 'a $v b';
    const { text, toOriginal } = substituteGrafanaMacrosWithOffsets(expr, { variables: { v: '' } });
    expect(text).toBe('a  b');
    expect(toOriginal(1)).toBe(1);
    expect(toOriginal(2)).toBe(4);
    expect(toOriginal(3)).toBe(5);
  });

  test('a $1 left alone moves no offset', () => {
    const expr = '"$1" $v x';
    const { text, toOriginal } = substituteGrafanaMacrosWithOffsets(expr);
    expect(text).toBe('"$1" __grafana_var_v x');
    expect(toOriginal(text.indexOf('x'))).toBe(expr.indexOf('x'));
    expect(toOriginal(3)).toBe(3);
    // the `1` of `$1` maps to itself, not to the `$` as a replaced span's inside would
    expect(toOriginal(2)).toBe(2);
  });
});
