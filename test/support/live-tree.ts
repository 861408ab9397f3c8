/**
 * The live lolice and arch trees (test/fixtures/live, copied from the public repositories at the
 * commits in its README) and the offline kustomize build of lolice with generated files in place.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toolPath } from './provision/tool-path';

/** The live lolice checkout (`argoproj/openclaw`, `argoproj/prometheus-operator`). */
export const LIVE_LOLICE = liveLoliceFolder(path.resolve(__dirname, '..', 'fixtures', 'live'));

/** The one `lolice-<commit>` folder (`npm run fixture:rebaseline` renames it after a newer commit). */
function liveLoliceFolder(fixtures: string): string {
  const found = fs.readdirSync(fixtures).filter((name) => /^lolice-[0-9a-f]+$/.test(name));
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(`expected exactly one lolice-<commit> folder in ${fixtures}, found ${found.length}`);
  }
  return path.join(fixtures, found[0]);
}
/** The live arch checkout (`terraform/aws/openclaw`). */
export const LIVE_ARCH = path.resolve(__dirname, '..', 'fixtures', 'live', 'arch-6209c3fef');
/** The offline stand-in for the remote kube-prometheus base. */
export const KUBE_PROMETHEUS_STAND_IN = path.resolve(__dirname, '..', 'fixtures', 'kube-prometheus-stand-in');

/** The one remote entry of lolice's prometheus-operator kustomization. */
export const KUBE_PROMETHEUS_REMOTE_BASE = 'github.com/prometheus-operator/kube-prometheus?ref=v0.16.0';

/** Reads a file of the live lolice tree (repo-relative path). */
export function readLiveLolice(repoPath: string): string {
  return fs.readFileSync(path.join(LIVE_LOLICE, repoPath), 'utf8');
}

/**
 * Copies the live lolice tree into `root` (a fresh temp dir) with `files` (repo-relative path →
 * content) written over it, and substitutes the remote kube-prometheus base with the local
 * stand-in so `kubectl kustomize argoproj/prometheus-operator` builds offline.
 */
export function liveLoliceCopy(root: string, files: ReadonlyMap<string, string> = new Map()): string {
  fs.cpSync(LIVE_LOLICE, root, { recursive: true });
  for (const [repoPath, content] of files) {
    const target = path.join(root, repoPath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  const operator = path.join(root, 'argoproj', 'prometheus-operator');
  const kustomization = path.join(operator, 'kustomization.yaml');
  const before = fs.readFileSync(kustomization, 'utf8');
  const after = before.replace(`- ${KUBE_PROMETHEUS_REMOTE_BASE}\n`, '- kube-prometheus-stand-in\n');
  if (after === before) {
    throw new Error(
      `${kustomization} does not list ${KUBE_PROMETHEUS_REMOTE_BASE}: the stand-in cannot be substituted`,
    );
  }
  fs.writeFileSync(kustomization, after);
  fs.cpSync(KUBE_PROMETHEUS_STAND_IN, path.join(operator, 'kube-prometheus-stand-in'), { recursive: true });
  return root;
}

/** `kubectl kustomize DIR` as text. */
export function kustomizeBuild(dir: string): string {
  return execFileSync(toolPath('kubectl'), ['kustomize', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}
