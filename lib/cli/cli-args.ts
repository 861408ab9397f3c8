/**
 * Command-line parsing shared by the CLIs: `node:util` parseArgs (so `--x value`, `--x=value`
 * and `-h` work as everywhere), with its errors turned into one lowercase line that names the
 * option received and what was expected. Exit code 2 and the usage text are the caller's.
 */
import { parseArgs } from 'node:util';

/** One option: a flag, or an option that takes a value (shown as `--name VALUE` in messages). */
export interface CliOption {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** Placeholder for the value in messages, e.g. `DIR`. */
  readonly valueName?: string;
}

/** The outcome of {@link parseCliArgs}. */
export type CliArgs<K extends string> =
  | {
      readonly kind: 'run';
      readonly values: Partial<Record<K, string | boolean>>;
      /** The arguments that are not options (always empty unless `positionals` was allowed). */
      readonly positionals: readonly string[];
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

/** What a command's argument parser returns: arguments to run with, `--help`, or a usage error. */
export type ParsedCommand = { readonly kind: 'run' } | { readonly kind: 'help' } | UsageError;
/** A command line the command cannot run. */
export interface UsageError {
  readonly kind: 'usage-error';
  readonly message: string;
}

/**
 * The arguments to run with; or, having answered `--help` (the usage on stdout) or a usage error
 * (`command: message` and the usage on stderr), the exit code: 0 or 2.
 */
export function runOrAnswer<T extends ParsedCommand>(
  command: string,
  parsed: T,
  usage: string,
): Extract<T, { readonly kind: 'run' }> | number {
  if (parsed.kind === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`${command}: ${(parsed as UsageError).message}\n${usage}`);
    return 2;
  }
  return parsed as Extract<T, { readonly kind: 'run' }>;
}

/**
 * Runs a command's `main` when its file is the process's entry: the exit code it resolves to, or 1 with
 * `command failed: message` on stderr when it throws (never a stack trace).
 */
export function runAsEntry(
  command: string,
  entry: NodeJS.Module | undefined,
  module: NodeJS.Module,
  main: (argv: readonly string[]) => Promise<number>,
): void {
  if (entry !== module) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${command} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}

/** How {@link parseCliArgs} treats arguments that are not options. */
export interface CliArgsSettings {
  /**
   * Accept arguments that are not options (e.g. a list of versions).
   * @default false (each one is a usage error)
   */
  readonly positionals?: boolean;
}

/**
 * Parses `argv` against `options` plus `-h/--help`. Strict: unknown options and missing values are
 * usage errors, and so are positional arguments unless `settings.positionals` allows them.
 */
export function parseCliArgs<K extends string>(
  argv: readonly string[],
  options: Readonly<Record<K, CliOption>>,
  settings: CliArgsSettings = {},
): CliArgs<K> {
  const config: Record<string, { type: 'boolean' | 'string'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, option] of Object.entries<CliOption>(options)) {
    config[name] = option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
  }
  const names = Object.entries<CliOption>(options)
    .map(([name, option]) => (option.type === 'string' ? `--${name} ${option.valueName ?? 'VALUE'}` : `--${name}`))
    .concat('--help');
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: settings.positionals === true,
    });
    if (values.help === true) return { kind: 'help' };
    const { help: _help, ...rest } = values;
    return { kind: 'run', values: rest as Partial<Record<K, string | boolean>>, positionals };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const received = quoted(message);
      return { kind: 'usage-error', message: `unknown option "${received}": expected one of ${names.join(', ')}` };
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = quoted(message).split(' ')[0] ?? '';
      const name = option.replace(/^-+/, '');
      const spec = (options as Readonly<Record<string, CliOption>>)[name];
      if (spec?.type === 'boolean') {
        return { kind: 'usage-error', message: `option ${option} takes no value: write just ${option}` };
      }
      const value = spec?.valueName ?? 'VALUE';
      const example = `${option} ${value} or ${option}=${value}`;
      return { kind: 'usage-error', message: `option ${option} needs a value: e.g. ${example}` };
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const text = `unexpected argument "${quoted(message)}": expected options only (${names.join(', ')})`;
      return { kind: 'usage-error', message: text };
    }
    throw error;
  }
}
