/**
 * Kubernetes label selectors (`metav1.LabelSelector`): `matchLabels` plus `matchExpressions`
 * with the operators `In`, `NotIn`, `Exists` and `DoesNotExist`.
 */

import { describeValue as describe } from '../../lib/core/describe-value';

/** The operators of a set-based label selector requirement. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

const OPERATORS: readonly LabelSelectorOperator[] = ['DoesNotExist', 'Exists', 'In', 'NotIn'];

/** One `matchExpressions` entry. */
export interface LabelSelectorRequirement {
  /** The label key the requirement applies to. */
  readonly key: string;
  /** How the label value relates to `values`. */
  readonly operator: LabelSelectorOperator;
  /**
   * Non-empty for `In` / `NotIn`, empty or absent for `Exists` / `DoesNotExist`.
   * @default []
   */
  readonly values?: readonly string[];
}

/**
 * A label selector as it appears in YAML. All requirements are ANDed; an empty selector (`{}`)
 * matches every set of labels.
 */
export interface LabelSelector {
  /**
   * Each `key: value` pair must be present with exactly that value.
   * @default {}
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * Each requirement must hold.
   * @default []
   */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/**
 * Checks the structure the API server would check: known operator, values present exactly when
 * the operator needs them, string keys and values.
 *
 * @param where names the selector in error messages, e.g. `NetworkPolicy openclaw/x spec.podSelector`
 * @throws when the selector is malformed
 */
export function validateLabelSelector(selector: LabelSelector, where: string): void {
  const selectorValue: unknown = selector;
  if (typeof selectorValue !== 'object' || selectorValue === null || Array.isArray(selectorValue)) {
    throw new Error(
      `${where} is ${describe(selectorValue)}: expected a label selector object such as {} or {matchLabels: {...}}`,
    );
  }
  const matchLabels: unknown = selector.matchLabels;
  if (matchLabels !== undefined) {
    if (typeof matchLabels !== 'object' || matchLabels === null || Array.isArray(matchLabels)) {
      throw new Error(
        `${where}.matchLabels is ${describe(matchLabels)}: expected an object of label key to string value`,
      );
    }
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') {
        throw new Error(
          `${where}.matchLabels["${key}"] is ${describe(value)}: expected a string (quote numbers and booleans in YAML)`,
        );
      }
    }
  }
  const expressions: unknown = selector.matchExpressions;
  if (expressions === undefined) {
    return;
  }
  if (!Array.isArray(expressions)) {
    throw new Error(
      `${where}.matchExpressions is ${describe(expressions)}: expected a list of {key, operator, values}`,
    );
  }
  expressions.forEach((expression: unknown, index) => {
    const at = `${where}.matchExpressions[${index}]`;
    if (typeof expression !== 'object' || expression === null) {
      throw new Error(`${at} is ${describe(expression)}: expected {key, operator, values}`);
    }
    const { key, operator, values } = expression as Record<string, unknown>;
    if (typeof key !== 'string' || key === '') {
      throw new Error(`${at}.key is ${describe(key)}: expected a non-empty label key`);
    }
    if (!isOperator(operator)) {
      throw new Error(
        `${at}.operator is ${describe(operator)}: expected one of ${OPERATORS.join(', ')} (operators are case-sensitive)`,
      );
    }
    if (values !== undefined && (!Array.isArray(values) || !values.every((v) => typeof v === 'string'))) {
      throw new Error(`${at}.values is ${describe(values)}: expected a list of strings`);
    }
    const count = values === undefined ? 0 : values.length;
    if ((operator === 'In' || operator === 'NotIn') && count === 0) {
      throw new Error(
        `${at} uses operator ${operator} with no values: expected at least one value (use Exists or DoesNotExist to test only the key)`,
      );
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && count !== 0) {
      throw new Error(
        `${at} uses operator ${operator} with ${count} value(s): expected no values (use In or NotIn to test values)`,
      );
    }
  });
}

/**
 * Whether `labels` satisfy `selector`. The selector is assumed valid (see {@link validateLabelSelector}).
 *
 * - `In`: the key is present and its value is one of `values`.
 * - `NotIn`: the key is absent, or its value is none of `values`.
 * - `Exists` / `DoesNotExist`: the key is present / absent, whatever its value.
 */
export function matchesLabelSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!has(key) || labels[key] !== value) {
      return false;
    }
  }
  for (const requirement of selector.matchExpressions ?? []) {
    const present = has(requirement.key);
    const values = requirement.values ?? [];
    let ok: boolean;
    switch (requirement.operator) {
      case 'In':
        ok = present && values.includes(labels[requirement.key] as string);
        break;
      case 'NotIn':
        ok = !present || !values.includes(labels[requirement.key] as string);
        break;
      case 'Exists':
        ok = present;
        break;
      case 'DoesNotExist':
        ok = !present;
        break;
      default:
        throw new Error(
          `label selector operator ${describe(requirement.operator as unknown)} is unknown: expected one of ${OPERATORS.join(', ')}`,
        );
    }
    if (!ok) {
      return false;
    }
  }
  return true;
}

/** A short, stable text form of a selector for messages, e.g. `{app=litellm, tier in (a,b)}`. */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((key) => `${key}=${(selector.matchLabels ?? {})[key]}`);
  for (const requirement of selector.matchExpressions ?? []) {
    const values = [...(requirement.values ?? [])].sort().join(',');
    switch (requirement.operator) {
      case 'In':
        parts.push(`${requirement.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${requirement.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(requirement.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${requirement.key}`);
        break;
      default:
        parts.push(`${requirement.key} ${String(requirement.operator)} (${values})`);
    }
  }
  return `{${parts.join(', ')}}`;
}

function isOperator(value: unknown): value is LabelSelectorOperator {
  return typeof value === 'string' && (OPERATORS as readonly string[]).includes(value);
}
