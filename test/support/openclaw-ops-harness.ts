/**
 * Helpers shared by the whole-app tests: building the app from the default config or a variant of
 * it, reading the rendered tree, running the compiled synth CLI in a child process, temp directories.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { loliceConfig } from '../../config/lolice';
import { OpenClawOpsApp } from '../../lib/openclaw-ops-app';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { cliBundle } from './provision/cli-bundle';

/** The repository root (where `lib/cli/synth.ts` lives). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The lolice files the change touches (secrets, gateway, openclaw.json, policies), repo-relative. */
export const CHANGED_LOLICE_FILES = [
  'argoproj/openclaw/configmap-openclaw.yaml',
  'argoproj/openclaw/deployment-openclaw.yaml',
  'argoproj/openclaw/external-secret-litellm.yaml',
  'argoproj/openclaw/external-secret.yaml',
] as const;

/** The Terraform JSON of the arch stack, relative to the cdktf outdir. */
export const ARCH_STACK_FILE = `cdktf.out/stacks/${loliceConfig.arch.stackName}/cdk.tf.json`;

/** Removes `readonly` at every depth, so a cloned config can be edited in a test. */
export type DeepMutable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? Map<K, DeepMutable<V>>
    : T extends readonly (infer U)[]
      ? DeepMutable<U>[]
      : T extends object
        ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
        : T;

/**
 * A deep copy of the default config (`config/lolice.ts`) changed by `mutate`. The default config
 * itself is never touched.
 */
export function configVariant(mutate: (draft: DeepMutable<OpenClawOpsConfig>) => void): OpenClawOpsConfig {
  const draft = structuredClone(loliceConfig) as DeepMutable<OpenClawOpsConfig>;
  mutate(draft);
  return draft;
}

const createdDirs: string[] = [];

/** A fresh temp directory, removed by {@link removeTempDirs}. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `openclaw-ops-${prefix}-`));
  createdDirs.push(dir);
  return dir;
}

/** Removes every directory {@link makeTempDir} created in this worker. */
export function removeTempDirs(): void {
  for (const dir of createdDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  sharedTerraformOutdir = undefined;
}

// Safety net for test files that use the harness without `afterAll(removeTempDirs)`.
process.once('exit', removeTempDirs);

let sharedTerraformOutdir: string | undefined;

/**
 * Builds the app; the cdktf App creates its outdir eagerly, so it always points at a temp directory
 * (never `cdktf.out/` in the repo).
 */
export function buildApp(config: OpenClawOpsConfig = loliceConfig, terraformOutdir?: string): OpenClawOpsApp {
  sharedTerraformOutdir ??= makeTempDir('cdktf');
  return new OpenClawOpsApp({ config, terraformOutdir: terraformOutdir ?? sharedTerraformOutdir });
}

/** Renders the lolice tree of a config (runs every lolice validation). Call {@link removeTempDirs} in `afterAll`. */
export function renderLolice(config: OpenClawOpsConfig = loliceConfig): ReadonlyMap<string, string> {
  return buildApp(config).renderLolice();
}

/** A Kubernetes object as parsed from YAML. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly [key: string]: unknown;
}

/** Parses every document of a (multi-document) YAML file. */
export function parseYamlDocuments(text: string, file = '<yaml>'): K8sObject[] {
  return YAML.parseAllDocuments(text)
    .map((document, index) => {
      if (document.errors.length > 0) {
        throw new Error(
          `${file} document ${index} does not parse: ${document.errors.map((e) => e.message).join('; ')}`,
        );
      }
      return document.toJS() as K8sObject;
    })
    .filter((object) => object !== null);
}

/** Every file under `dir`, as repo-relative POSIX path → bytes, sorted by path. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  walk(dir);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Runs the compiled synth CLI (`build/cli/synth.js`, built by the test setup) with `args` with a controlled environment. */
export function runMain(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  cwd: string = REPO_ROOT,
): SpawnSyncReturns<string> {
  const inherited = { ...process.env };
  delete inherited.CDK8S_OUTDIR;
  delete inherited.CDKTF_OUTDIR;
  const result = spawnSync(process.execPath, [cliBundle('synth'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, CHECKPOINT_DISABLE: '1', ...env },
    timeout: 60_000,
  });
  if (result.error) {
    throw result.error;
  }
  return result;
}

/** Result of {@link runMainAsync}. */
export interface MainResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Like {@link runMain}, but asynchronous, so several synths can run side by side. */
export function runMainAsync(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  cwd: string = REPO_ROOT,
): Promise<MainResult> {
  const inherited = { ...process.env };
  delete inherited.CDK8S_OUTDIR;
  delete inherited.CDKTF_OUTDIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle('synth'), ...args], {
      cwd,
      env: { ...inherited, CHECKPOINT_DISABLE: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
