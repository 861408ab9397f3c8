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
