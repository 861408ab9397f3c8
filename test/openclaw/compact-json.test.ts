import { formatCompactJson } from '../../lib/openclaw/compact-json';

describe('compact JSON (lolice layout)', () => {
  test('puts short scalar arrays on one line and expands objects', () => {
    expect(formatCompactJson({ a: { input: ['text', 'image'], n: 1 }, e: [], o: {} })).toBe(
      '{\n  "a": {\n    "input": ["text", "image"],\n    "n": 1\n  },\n  "e": [],\n  "o": {}\n}\n',
    );
  });

  test('expands a scalar array whose line would pass 120 characters, and arrays of objects', () => {
    const long = Array.from({ length: 20 }, (_, i) => `item-${i}`);
    const text = formatCompactJson({ long, objects: [{ a: 1 }] });
    expect(text).toContain('"long": [\n    "item-0",\n');
    expect(text).toContain('"objects": [\n    {\n      "a": 1\n    }\n  ]');
    expect(JSON.parse(text)).toEqual({ long, objects: [{ a: 1 }] });
  });
});

describe('compact JSON boundaries', () => {
  /** A scalar array whose inline line (indent and key included) is exactly `width` characters. */
  function arrayOfWidth(width: number): string[] {
    // `  "k": ["` … `"]` around one string: 2 + 5 + 2 + 2 = 11 characters besides the text
    return ['x'.repeat(width - 11)];
  }

  test('an inline scalar array may be exactly 120 characters wide, counting indent and key', () => {
    expect(formatCompactJson({ k: arrayOfWidth(120) })).toBe(`{\n  "k": ["${'x'.repeat(109)}"]\n}\n`);
    expect(formatCompactJson({ k: arrayOfWidth(121) })).toBe(`{\n  "k": [\n    "${'x'.repeat(110)}"\n  ]\n}\n`);
    // nested one level deeper, the same array no longer fits
    expect(formatCompactJson({ o: { k: arrayOfWidth(120) } })).toBe(
      `{\n  "o": {\n    "k": [\n      "${'x'.repeat(109)}"\n    ]\n  }\n}\n`,
    );
  });

  test('an array item has no key: only the indent counts', () => {
    const item = ['y'.repeat(114)]; // `    ["` … `"]` = 120 characters
    expect(formatCompactJson([[1], item])).toBe(`[\n  [1],\n  ["${'y'.repeat(114)}"]\n]\n`);
  });

  test('scalars of every kind inline; undefined members left out; top-level scalars as JSON', () => {
    expect(formatCompactJson({ a: [null, true, 1.5, 's'], u: undefined, b: { u: undefined } })).toBe(
      '{\n  "a": [null, true, 1.5, "s"],\n  "b": {}\n}\n',
    );
    expect(formatCompactJson([])).toBe('[]\n');
    expect(formatCompactJson({})).toBe('{}\n');
    expect(formatCompactJson('x')).toBe('"x"\n');
    expect(formatCompactJson(null)).toBe('null\n');
    expect(formatCompactJson(undefined)).toBe('null\n');
    expect(formatCompactJson([[], [1, 2]])).toBe('[\n  [],\n  [1, 2]\n]\n');
    expect(formatCompactJson([() => 1])).toBe('[\n  null\n]\n');
  });
});

test('a top-level scalar array inlines up to 120 characters; a mixed array never does', () => {
  const inline = `["${'z'.repeat(116)}"]`; // 120 characters
  expect(formatCompactJson(['z'.repeat(116)])).toBe(`${inline}\n`);
  expect(formatCompactJson(['z'.repeat(117)])).toBe(`[\n  "${'z'.repeat(117)}"\n]\n`);
  expect(formatCompactJson([1, { a: 1 }])).toBe('[\n  1,\n  {\n    "a": 1\n  }\n]\n');
});
