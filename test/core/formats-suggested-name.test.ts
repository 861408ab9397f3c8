/**
 * A refused RFC 1123 label comes with a suggested name; the suggestion is itself a valid label, so
 * a user who copies it gets past the check (a long name is cut to 63 characters without leaving a
 * trailing "-").
 */
import { dns1123Label } from '../../lib/core/formats';

function suggestion(value: string): string {
  const message = dns1123Label(value, 'a namespace') ?? '';
  return /rename it, e.g. "(.*)"$/.exec(message)?.[1] ?? `no suggestion in: ${message}`;
}

describe('the name suggested for a refused RFC 1123 label', () => {
  it.each([
    ['upper case and spaces', 'My Namespace', 'my-namespace'],
    ['leading and trailing punctuation', '--Team_Tools!!', 'team-tools'],
    ['nothing usable', '!!!', 'my-name'],
    ['a cut that ends in a run of "-"', `${'a'.repeat(61)}--${'b'.repeat(7)}`, 'a'.repeat(61)],
    ['a cut that ends in one "-"', `${'a'.repeat(62)}-${'b'.repeat(7)}`, 'a'.repeat(62)],
  ])('turns %s into a valid label', (_, value, expected) => {
    expect(suggestion(value)).toBe(expected);
    expect(dns1123Label(expected, 'a namespace')).toBeUndefined();
  });
});
