/**
 * One refused piece of configuration: the rule it breaks, the object it concerns, and a message
 * saying what was received, what was expected and how to fix it.
 */
export interface ConfigProblem {
  /** Rule id, e.g. `config-shape` or `egress-ports-nonempty` (see the README's table). */
  readonly rule: string;
  /** The object, e.g. `config.secrets[2].key` or `cron job "daily-report"`. */
  readonly object: string;
  /** Lowercase, no trailing period: received …, expected …: how to fix it. */
  readonly message: string;
}

/** `[rule] object: message`, the form every refused config is reported in. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `[${problem.rule}] ${problem.object}: ${problem.message}`;
}

/**
 * Thrown before any construct is built when the config breaks a rule. The message lists every
 * problem found, one per line, each as `[rule] object: message`.
 */
export class ConfigError extends Error {
  public readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map(formatConfigProblem);
    super(
      lines.length === 1
        ? lines[0]
        : `the config has ${lines.length} problems:\n${lines.map((l) => `- ${l}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A short, secret-safe description of a received value: its type, and its text only when asked. */
export function describeReceived(value: unknown, showText = false): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  if (typeof value === 'string') {
    if (!showText) return value === '' ? 'an empty string' : `a string of ${value.length} characters`;
    const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : `${value} (not finite)`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
