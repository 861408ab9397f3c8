/**
 * The building blocks of the config's runtime schema that every section uses: a string checked under a
 * rule id, the first problem of several checks, names, ports and label selectors. Each domain composes
 * its own section of the schema from these (e.g. `cron/cron-config-section.ts`); `config/` composes the
 * sections into the whole config.
 */
import { z } from 'zod';
import {
  controlCharacters,
  dns1123Label,
  dns1123Subdomain,
  envVarName,
  labelProblem,
  surroundingWhitespace,
} from './formats';

/** Issue params carried by every refinement: the rule id (docs/configuration.md lists them). */
export interface RuleParams {
  readonly rule: string;
}

/** A string refined by `check` under `rule` (one issue at most). */
export function checked(rule: string, check: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const message = check(value);
    if (message !== undefined) {
      ctx.addIssue({ code: 'custom', message, params: { rule } satisfies RuleParams });
    }
  });
}

/** The first problem of several checks. */
export function firstOf(...checks: ((value: string) => string | undefined)[]): (value: string) => string | undefined {
  return (value) => {
    for (const check of checks) {
      const message = check(value);
      if (message !== undefined) return message;
    }
    return undefined;
  };
}

export const trimmed = (what: string) => (value: string) => surroundingWhitespace(value, what);
export const singleLine = (value: string) => controlCharacters(value);

/** A non-empty single-line name, written as given. */
export const plainName = (what: string) =>
  checked(
    'config-text',
    firstOf(
      (v) => (v === '' ? `received an empty string, expected ${what}: set it` : undefined),
      trimmed(what),
      singleLine,
    ),
  );

export const namespaceName = checked(
  'k8s-name',
  firstOf(trimmed('a namespace'), (v) => dns1123Label(v, 'a namespace')),
);
export const objectName = (what: string) =>
  checked(
    'k8s-name',
    firstOf(trimmed(what), (v) => dns1123Subdomain(v, what)),
  );
export const envName = checked('env-var-name', firstOf(trimmed('an env var name'), envVarName));
export const port = z.number().int().min(1).max(65535);

/** Label selector of a NetworkPolicy peer: at least one label, each a valid key and value. */
export const podLabels = z.record(z.string(), z.string()).superRefine((labels, ctx) => {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        'received {}, expected at least one label: an empty podSelector selects ' +
        'every pod in the namespace, so the rule would allow more than declared; ' +
        'add the labels of the pods, e.g. { "app.kubernetes.io/name": "grafana" }',
      params: { rule: 'pod-selector-nonempty' } satisfies RuleParams,
    });
  }
  for (const [key, value] of entries) {
    const problem = labelProblem(key, value);
    if (problem !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: problem,
        path: [key],
        params: { rule: 'k8s-label' } satisfies RuleParams,
      });
    }
  }
});

/** Refuses an empty port list: in a NetworkPolicy rule, no ports means every port. */
export function nonEmptyPorts(rule: string, message: string) {
  return (ports: readonly unknown[], ctx: z.RefinementCtx): void => {
    if (ports.length === 0) ctx.addIssue({ code: 'custom', message, params: { rule } satisfies RuleParams });
  };
}
