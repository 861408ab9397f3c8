/** isJsonObject: what a parsed document's `{…}` is, and nothing else a document holds. */
import { isJsonObject } from '../../lib/core/json-value';

test('an object, empty or not, is a JSON object', () => {
  expect(isJsonObject({})).toBe(true);
  expect(isJsonObject({ a: [1], b: null })).toBe(true);
  expect(isJsonObject(JSON.parse('{"x":{}}'))).toBe(true);
});

test('null, an array, a string, a number, a boolean and undefined are not', () => {
  for (const value of [null, [], [{}], '', '{}', 0, 5, true, false, undefined]) {
    expect(isJsonObject(value), JSON.stringify(value) ?? 'undefined').toBe(false);
  }
});
