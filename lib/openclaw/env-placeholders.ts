/**
 * `${VAR}` references in `openclaw.json` string values, read the way OpenClaw's config loader
 * (`src/config/env-substitution.ts`) substitutes them:
 *
 * - `${NAME}` is substituted when NAME matches {@link ENV_VAR_NAME_PATTERN} (upper-case only) and the
 *   closing `}` exists; a missing or empty variable makes the config invalid at startup.
 * - `$${NAME}` (same NAME rule) is an escape and yields the literal text `${NAME}`.
 * - Anything else (`${lower}`, `${A-B}`, `${}`, an unterminated `${`) is left literally. OpenClaw
 *   does not complain, but in a config it is almost surely a mistake, so it is reported here as
 *   malformed.
 */

import { isJsonObject } from './config-document';

/** Names OpenClaw substitutes: upper-case letters, digits and `_`, not starting with a digit. */
export const ENV_VAR_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;

/** A `${NAME}` reference that OpenClaw substitutes. */
export interface EnvPlaceholder {
  /** The variable name, e.g. `DISCORD_BOT_TOKEN`. */
  readonly name: string;
  /** Config path of the string holding it, e.g. `channels.discord.token` or `agents.list[0].model`. */
  readonly path: string;
}

/** A `${…}` that OpenClaw leaves literally (and that is therefore almost surely a mistake). */
export interface MalformedEnvPlaceholder {
  /** The offending text, e.g. `${lower}` or `${UNTERMINATED`. */
  readonly text: string;
  /** Config path of the string holding it. */
  readonly path: string;
  /** Why OpenClaw does not substitute it (lowercase, no trailing period). */
  readonly reason: string;
}

/** One piece of a string value after tokenizing: literal text (escapes resolved) or a reference. */
export type EnvStringSegment =
  { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'env'; readonly name: string };

/** The tokens of one string value. */
export interface EnvStringAnalysis {
  /** Literal runs are merged; `$${NAME}` escapes appear as literal `${NAME}`. */
  readonly segments: readonly EnvStringSegment[];
  readonly malformed: readonly { readonly text: string; readonly reason: string }[];
}

function malformedReason(name: string): string {
  if (name === '') {
    return 'the name is empty';
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return 'the name has lower-case letters and openclaw substitutes upper-case names only, so the text stays literal';
  }
  return (
    'the name has characters other than A-Z, 0-9 and _ (or starts with a ' +
    'digit), so openclaw leaves the text literal'
  );
}

/** Tokenizes one string value into literal text and `${NAME}` references. */
export function analyzeEnvString(value: string): EnvStringAnalysis {
  const segments: EnvStringSegment[] = [];
  const malformed: { text: string; reason: string }[] = [];
  let literal = '';
  const flushLiteral = (): void => {
    if (literal !== '') {
      segments.push({ kind: 'literal', text: literal });
      literal = '';
    }
  };

  let index = 0;
  while (index < value.length) {
    const char = value[index];
    if (char !== '$') {
      literal += char;
      index += 1;
      continue;
    }
    if (value[index + 1] === '$' && value[index + 2] === '{') {
      const close = value.indexOf('}', index + 3);
      const name = close === -1 ? undefined : value.slice(index + 3, close);
      if (name !== undefined && ENV_VAR_NAME_PATTERN.test(name)) {
        literal += `\${${name}}`;
        index = close + 1;
        continue;
      }
    }
    if (value[index + 1] === '{') {
      const close = value.indexOf('}', index + 2);
      if (close === -1) {
        malformed.push({
          text: value.slice(index),
          reason: 'the closing } is missing, so openclaw leaves the text literal',
        });
      } else {
        const name = value.slice(index + 2, close);
        if (ENV_VAR_NAME_PATTERN.test(name)) {
          flushLiteral();
          segments.push({ kind: 'env', name });
          index = close + 1;
          continue;
        }
        malformed.push({ text: value.slice(index, close + 1), reason: malformedReason(name) });
      }
    }
    // Not a recognised pattern: OpenClaw keeps the `$` and continues with the next character.
    literal += char;
    index += 1;
  }
  flushLiteral();
  return { segments, malformed };
}

function walkStrings(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') {
    visit(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => walkStrings(item, `${path}[${index}]`, visit));
  } else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      walkStrings(child, path === '' ? key : `${path}.${key}`, visit);
    }
  }
}

/**
 * Every `${NAME}` reference OpenClaw would substitute, in document order, with the config path of
 * the string holding it. Escaped `$${NAME}` and malformed `${…}` are not included.
 */
export function findEnvPlaceholders(doc: unknown): EnvPlaceholder[] {
  const found: EnvPlaceholder[] = [];
  walkStrings(doc, '', (text, path) => {
    for (const segment of analyzeEnvString(text).segments) {
      if (segment.kind === 'env') {
        found.push({ name: segment.name, path });
      }
    }
  });
  return found;
}

/** Every `${…}` OpenClaw would leave literally (`${lower}`, `${A-B}`, `${}`, unterminated), in document order. */
export function findMalformedEnvPlaceholders(doc: unknown): MalformedEnvPlaceholder[] {
  const found: MalformedEnvPlaceholder[] = [];
  walkStrings(doc, '', (text, path) => {
    for (const entry of analyzeEnvString(text).malformed) {
      found.push({ text: entry.text, path, reason: entry.reason });
    }
  });
  return found;
}

/**
 * Maps an env var name to where its value comes from (e.g.
 * `"openclaw-credentials/OPENCLAW_GATEWAY_TOKEN"`), or `undefined` when unknown.
 */
export type EnvSourceResolver = (name: string) => string | undefined;

/**
 * Whether two raw config strings certainly yield the same value after substitution: equal literal
 * text and, position by position, the same variable, where two different variables count as the same
 * when `resolveEnvSource` maps both to the same source. Unknown values never compare equal.
 */
export function envStringsResolveEqual(first: string, second: string, resolveEnvSource?: EnvSourceResolver): boolean {
  if (first === second) {
    return true;
  }
  const key = (segment: EnvStringSegment): string => {
    if (segment.kind === 'literal') {
      return `literal:${segment.text}`;
    }
    const source = resolveEnvSource?.(segment.name);
    return source === undefined ? `env:${segment.name}` : `source:${source}`;
  };
  const firstKeys = analyzeEnvString(first).segments.map(key);
  const secondKeys = analyzeEnvString(second).segments.map(key);
  return firstKeys.length === secondKeys.length && firstKeys.every((item, index) => item === secondKeys[index]);
}

/** True when the string contains at least one `${NAME}` that OpenClaw substitutes. */
export function containsEnvPlaceholder(value: string): boolean {
  return analyzeEnvString(value).segments.some((segment) => segment.kind === 'env');
}
