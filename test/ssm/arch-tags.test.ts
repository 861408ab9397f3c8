/** AWS tag limits on config.arch.tags: keys of 1-128 characters, values of at most 256, at most 50 tags. */
import { archSchema } from '../../lib/ssm/arch-config-section';

const tags = archSchema.shape.tags;
const messages = (value: Record<string, string>): string[] =>
  tags.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('config.arch.tags', () => {
  it('accepts a key of 128 characters and a value of 256', () => {
    expect(messages({ ['k'.repeat(128)]: 'v'.repeat(256) })).toEqual([]);
  });

  it('refuses a key of 129 characters, naming the limit and the fix', () => {
    const key = 'k'.repeat(129);
    expect(messages({ [key]: 'v' })).toEqual([
      `tag key "${key}" is not a valid AWS tag key: expected 1-128 letters, digits, spaces and _ . : / = + - @; rename it`,
    ]);
  });

  it('refuses an empty key and a value of 257 characters', () => {
    expect(messages({ '': 'v', owner: 'v'.repeat(257) })).toEqual([
      'tag key "" is not a valid AWS tag key: expected 1-128 letters, digits, spaces and _ . : / = + - @; rename it',
      'tag owner has a value of 257 characters or with characters AWS does not allow: expected at most 256 letters, ' +
        'digits, spaces and _ . : / = + - @; shorten or fix the value',
    ]);
  });

  it('accepts 50 tags and refuses 51', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']));
    expect(messages(many(50))).toEqual([]);
    expect(messages(many(51))).toEqual([
      'received 51 tags, expected at most 50 (the AWS limit per resource): drop some',
    ]);
  });
});
