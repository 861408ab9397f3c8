/**
 * The first thing the app runs: the config's shape (`config-schema.ts`), then the rules that relate
 * several fields (`config-rules.ts`). Every problem is reported at once, as
 * `[rule] object: received …, expected …: fix`, in a {@link ConfigError}; nothing is built before.
 */
import { z } from 'zod';
import type { OpenClawOpsConfig } from './openclaw-ops-config';
import { ConfigError, ConfigProblem } from '../core/config-problem';
import { closestName } from '../core/closest-name';
import { describeValue, type DescribeValueOptions } from '../core/describe-value';
import { checkConfigRules } from './config-rules';
import { openClawOpsConfigSchema, RuleParams } from './config-schema';

/** The config is checked before any secret handling: a value received where text was not expected is not shown. */
const TEXT_HIDDEN: DescribeValueOptions = { showText: false };

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** `config.secrets[2].key` for the path `['secrets', 2, 'key']`. */
export function formatConfigPath(path: readonly PathKey[]): string {
  let text = 'config';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, { _zod: { def: SchemaDef } }>;
  readonly innerType?: { _zod: { def: SchemaDef } };
  readonly element?: { _zod: { def: SchemaDef } };
  readonly options?: readonly { _zod: { def: SchemaDef } }[];
  readonly valueType?: { _zod: { def: SchemaDef } };
  readonly in?: { _zod: { def: SchemaDef } };
  readonly values?: readonly unknown[];
  readonly getter?: () => { _zod: { def: SchemaDef } };
}

/** The object schemas that may sit at `path` (several under a union). */
function schemasAt(def: SchemaDef, path: readonly PathKey[]): SchemaDef[] {
  const unwrap = (d: SchemaDef): SchemaDef[] => {
    if (d.innerType) return unwrap(d.innerType._zod.def);
    if (d.in) return unwrap(d.in._zod.def);
    if (d.getter) return unwrap(d.getter()._zod.def);
    if (d.type === 'union' && d.options) return d.options.flatMap((o) => unwrap(o._zod.def));
    return [d];
  };
  let current = unwrap(def);
  for (const key of path) {
    current = current.flatMap((d) => {
      if (d.type === 'object' && typeof key === 'string' && d.shape?.[key]) return unwrap(d.shape[key]._zod.def);
      if (d.type === 'array' && d.element) return unwrap(d.element._zod.def);
      if (d.type === 'record' && d.valueType) return unwrap(d.valueType._zod.def);
      return [];
    });
  }
  return current;
}

function knownKeys(schema: z.ZodType, path: readonly PathKey[]): string[] {
  const defs = schemasAt(schema._zod.def as unknown as SchemaDef, path);
  return [...new Set(defs.flatMap((d) => (d.type === 'object' && d.shape ? Object.keys(d.shape) : [])))].sort();
}

function literalValues(schema: z.ZodType, path: readonly PathKey[]): unknown[] {
  const defs = schemasAt(schema._zod.def as unknown as SchemaDef, path);
  return defs.flatMap((d) => d.values ?? []);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * One zod issue of the config schema, found in `input`, as problems in our form.
 * @param schema the schema that reported the issue: an unknown key is matched against the keys it
 * allows at that path, a discriminator's values are read from it
 */
export function configIssueProblems(
  issue: Issue,
  input: unknown,
  schema: z.ZodType = openClawOpsConfigSchema,
): ConfigProblem[] {
  const path = issue.path;
  const object = formatConfigPath(path);
  const received = valueAt(input, path);
  switch (issue.code) {
    case 'custom': {
      const rule = (issue.params as RuleParams | undefined)?.rule ?? 'config-shape';
      return [{ rule, object, message: issue.message }];
    }
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'integer' : issue.expected;
      const fix =
        received === undefined
          ? `add ${object.replace(/^.*\./, '')} (${article(expected)})`
          : `set it to ${article(expected)}`;
      return [
        {
          rule: 'config-shape',
          object,
          message:
            `expected ${expected}, received ${describeValue(received, TEXT_HIDDEN)}: ${fix} ` +
            `(see the OpenClawOpsConfig type)`,
        },
      ];
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const suggestion = closestName(key, known, { maxDistance: Math.max(2, Math.floor(key.length / 3)) });
        return {
          rule: 'config-unknown-key',
          object: formatConfigPath([...path, key]),
          message:
            `received unknown key "${key}", expected one of ${known.join(', ')}: ` +
            `${suggestion ? `rename it to "${suggestion}"` : 'remove it'} (an ` +
            `unknown key would be ignored silently)`,
        };
      });
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [
        {
          rule: 'config-shape',
          object,
          message: `received ${describeValue(received)}, expected one of ${values}: use one of them`,
        },
      ];
    }
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator !== undefined) {
        const field = path[path.length - 1] === discriminator ? path : [...path, discriminator];
        const values = literalValues(schema, field)
          .map((v) => JSON.stringify(v))
          .join(', ');
        return [
          {
            rule: 'config-shape',
            object: formatConfigPath(field),
            message:
              `received ${describeValue(valueAt(input, field))}, expected one ` +
              `of ${values}: set ${discriminator} to one of them`,
          },
        ];
      }
      return [
        {
          rule: 'config-shape',
          object,
          message:
            `received ${describeValue(received, TEXT_HIDDEN)}, expected a JSON value (string, ` +
            `finite number, boolean, null, array or object): fix the value`,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const what =
        issue.origin === 'array' ? `${bound} entries` : issue.origin === 'string' ? `${bound} characters` : bound;
      return [
        {
          rule: 'config-range',
          object,
          message: `received ${describeValue(received, TEXT_HIDDEN)}, expected ${what}: fix the value`,
        },
      ];
    }
    default:
      return [
        {
          rule: 'config-shape',
          object,
          message: `received ${describeValue(received, TEXT_HIDDEN)}: ${issue.message.toLowerCase()}; fix the value`,
        },
      ];
  }
}

/**
 * Checks `input` against the whole-config schema, then the cross-field rules.
 * @returns `input` itself (typed), never a transformed copy, so what is checked is what is written
 * @throws ConfigError listing every problem
 */
export function checkConfig(input: unknown): OpenClawOpsConfig {
  // zod's function, not the schema's method: synth's snapshot holds the schema without its methods
  // (`dropSchemaBuilders`)
  const parsed = z.safeParse(openClawOpsConfigSchema, input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.flatMap((issue) => configIssueProblems(issue, input)));
  }
  const config = input as OpenClawOpsConfig;
  const problems = checkConfigRules(config);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}
