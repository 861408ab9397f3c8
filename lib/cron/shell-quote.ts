/**
 * Quotes `value` as one POSIX shell word: wrapped in single quotes, each embedded `'` written as
 * `'\''` (close, escaped quote, reopen). Inside single quotes the shell expands nothing (`$`,
 * backquotes, `\`, newlines are literal), so the word reaches the command byte for byte.
 */
export function shellSingleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
