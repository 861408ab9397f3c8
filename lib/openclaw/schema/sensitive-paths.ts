import { containsEnvPlaceholder } from '../env-placeholders';
import type { ReleaseUiHint } from './release-schema-files';

/** A path the release marks sensitive, as a matcher over config paths. */
export interface SensitivePath {
  /** The release's hint key (`channels.discord.accounts.*.token`, `agents.list[].memorySearch.remote.apiKey`). */
  readonly hint: string;
  readonly segments: readonly string[];
}

/** The paths the release's uiHints mark `sensitive: true`, sorted. */
export function sensitivePaths(uiHints: Readonly<Record<string, ReleaseUiHint>>): SensitivePath[] {
  return Object.keys(uiHints)
    .filter((key) => uiHints[key]?.sensitive === true)
    .sort()
    .map((hint) => ({ hint, segments: hintSegments(hint) }));
}

function hintSegments(hint: string): string[] {
  return hint
    .replace(/\[\]/g, '.[]')
    .split('.')
    .filter((segment) => segment !== '');
}

/** True when the config path (segments; array indexes as numbers) is the hint's path. */
function matches(pattern: readonly string[], path: readonly (string | number)[]): boolean {
  return (
    pattern.length === path.length &&
    pattern.every((segment, index) => {
      const actual = path[index]!;
      if (segment === '[]') return typeof actual === 'number';
      return typeof actual === 'string' && (segment === '*' || segment === actual);
    })
  );
}

/** One literal value at a sensitive path. */
export interface LiteralSecret {
  /** Dotted path, array indexes as `[n]`. */
  readonly path: string;
  readonly hint: string;
  readonly length: number;
}

/**
 * Every non-empty string without a `${VAR}` reference at a path the release marks sensitive: it
 * would be committed to Git inside the ConfigMap.
 */
export function findLiteralSecrets(doc: unknown, paths: readonly SensitivePath[]): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (value.trim() === '' || containsEnvPlaceholder(value)) return;
      const hit = paths.find((p) => matches(p.segments, at));
      if (hit) found.push({ path: formatPath(at), hint: hit.hint, length: value.length });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...at, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value).sort()) walk((value as Record<string, unknown>)[key], [...at, key]);
    }
  };
  walk(doc, []);
  return found;
}

/** `gateway.auth.token`, `agents.list[0].id`. */
export function formatPath(at: readonly (string | number)[]): string {
  return at.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`,
    '',
  );
}
