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
