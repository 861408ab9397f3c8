/**
 * The `format`s the releases' schemas use, as the release's zod checks them (close enough to be
 * never looser on what a config holds; the differential test proves it on generated cases).
 * Regular expressions, so the validators compiled at build time carry them inline.
 */
export const RELEASE_SCHEMA_FORMATS: Readonly<Record<string, RegExp | true>> = {
  // z.url(): parsed by WHATWG URL; a scheme, a colon and no whitespace is what every such URL has
  uri: /^[a-z][a-z\d+\-.]*:\S*$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i,
  // zod's string.startsWith() is written as this format plus a pattern; the pattern does the check
  starts_with: true,
};
