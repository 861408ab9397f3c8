import type { ErrorObject } from 'ajv';
import { closestName } from '../../core/closest-name';
import { describeValue } from '../../core/describe-value';
import { compareText } from '../../core/compare-text';
import { isJsonObject } from '../../core/json-value';
import { pointerTokens, type SchemaErrorDetails } from './schema-error-details';

/** One problem, in the project's parts: path, what was received, what was expected, the fix. */
export interface SchemaIssue {
  readonly path: string;
  readonly received: string;
  readonly expected: string;
  readonly fix: string;
}

type Schema = Readonly<Record<string, unknown>>;

/** `/gateway/controlUi/0` → `gateway.controlUi[0]`. */
export function instancePathToDotted(instancePath: string): string {
  return pointerTokens(instancePath).reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
    '',
  );
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function quoted(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function asSchema(value: unknown): Schema | undefined {
  return isJsonObject(value) ? value : undefined;
}

/** `a string`, `an integer`, `an object`. */
function withArticle(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** ajv's `params.type` (`"integer"`, `"string,boolean"`) as `an integer`, `a string or a boolean`. */
function typeList(type: unknown): string {
  return String(type).split(',').map(withArticle).join(' or ');
}

/** What one branch of an anyOf/oneOf accepts, in words. */
function describeSchema(schema: Schema | undefined): string {
  if (!schema) return 'anything';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return quoted(schema.enum);
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((s) => describeSchema(asSchema(s))).join(' or ');
  if (typeof schema.type === 'string') return withArticle(schema.type);
  if (Array.isArray(schema.type)) return schema.type.map((t) => withArticle(String(t))).join(' or ');
  return 'a value of another shape';
}

function bound(keyword: string, limit: unknown): string {
  const words: Record<string, string> = {
    minimum: 'at least',
    maximum: 'at most',
    exclusiveMinimum: 'greater than',
    exclusiveMaximum: 'less than',
  };
  return `${words[keyword] ?? keyword} ${String(limit)}`;
}

/**
 * Turns ajv's errors into one issue each, in the project's words. Errors inside a branch of an
 * anyOf/oneOf are folded into the one for the anyOf (what each branch accepts), so a value gets one
 * message. `details` gives each error's value and the schema holding its keyword (see
 * `schema-error-details.ts`). `showValue(path)` says whether a string may be printed (never at a
 * sensitive path).
 */
export function schemaIssues(
  errors: readonly ErrorObject[],
  details: SchemaErrorDetails,
  version: string,
  showValue: (path: string) => boolean,
): SchemaIssue[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (unions.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const issue = toIssue(error, details, version, showValue);
    const key = `${issue.path}\0${issue.received}\0${issue.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues.sort((a, b) => compareText(a.path, b.path));
}

function toIssue(
  error: ErrorObject,
  details: SchemaErrorDetails,
  version: string,
  showValue: (path: string) => boolean,
): SchemaIssue {
  const path = instancePathToDotted(error.instancePath);
  const received = describeValue(details.value(error), { showText: showValue(path) });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(asSchema(details.parentSchema(error)?.properties) ?? {});
      const closest = closestName(key, known, { maxDistance: Math.max(2, Math.floor(key.length / 3)) });
      return {
        path: join(path, key),
        received: `the unknown key "${key}"`,
        expected:
          known.length === 0
            ? `no key here (openclaw ${version} accepts none)`
            : `a key openclaw ${version} knows here (${quoted([...known].sort())})`,
        fix: closest ? `did you mean "${closest}"? rename it` : 'remove the key',
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return {
        path: join(path, key),
        received: 'nothing',
        expected: `the key "${key}" (openclaw ${version} requires it here)`,
        fix: `add ${join(path, key)}`,
      };
    }
    case 'type':
      return {
        path,
        received,
        expected: typeList(params.type),
        fix: `write ${path || 'the document'} as ${typeList(params.type)}`,
      };
    case 'enum':
      return {
        path,
        received,
        expected: `one of ${quoted(params.allowedValues as unknown[])}`,
        fix: `use one of ${quoted(params.allowedValues as unknown[])}`,
      };
    case 'const':
      return {
        path,
        received,
        expected: JSON.stringify(params.allowedValue),
        fix: `use ${JSON.stringify(params.allowedValue)}`,
      };
    case 'anyOf':
    case 'oneOf': {
      const union = details.parentSchema(error)?.[error.keyword];
      const branches = (Array.isArray(union) ? union : []).map((s) => describeSchema(asSchema(s)));
      const accepted = [...new Set(branches)].join(' or ');
      return { path, received, expected: accepted, fix: `use ${accepted}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        path,
        received,
        expected: `a number ${bound(error.keyword, params.limit)}`,
        fix: `use a value ${bound(error.keyword, params.limit)}`,
      };
    case 'minLength':
      return {
        path,
        received,
        expected: `a string of at least ${String(params.limit)} character(s)`,
        fix: Number(params.limit) === 1 ? 'write a value or remove the key' : 'write a longer value',
      };
    case 'maxLength':
      return {
        path,
        received,
        expected: `a string of at most ${String(params.limit)} character(s)`,
        fix: 'shorten the value',
      };
    case 'minItems':
    case 'maxItems':
      return {
        path,
        received,
        expected: `${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} item(s)`,
        fix: error.keyword === 'minItems' ? 'add items or remove the key' : 'remove items',
      };
    case 'pattern':
      return {
        path,
        received,
        expected: `a string matching /${String(params.pattern)}/`,
        fix: 'change the value to match',
      };
    case 'format':
      return { path, received, expected: `a ${String(params.format)}`, fix: `write a valid ${String(params.format)}` };
    default:
      return {
        path,
        received,
        expected: `a value that ${error.message ?? 'matches the schema'}`,
        fix: 'change the value',
      };
  }
}
