/**
 * Installs Debian packages for the test run: `apt-get update` once per run, then `apt-get install`,
 * with services kept from starting (a policy-rc.d that says no, removed again if it was ours).
 * Only as root; otherwise the caller reports what to run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { setupError } from './tool-path';

const APT_GET = '/usr/bin/apt-get';
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

let updated = false;

/** True when this process may install Debian packages (root with apt-get). */
export function canAptInstall(isRoot: boolean = process.getuid?.() === 0): boolean {
  return isRoot && existsSync(APT_GET);
}

function aptGet(args: readonly string[]): void {
  const result = spawnSync(APT_GET, [...args], {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  if (result.status !== 0) {
    const detail = `${result.error?.message ?? ''} ${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    throw setupError(`apt-get ${args.join(' ')} failed (exit ${result.status}): ${detail}`);
  }
}

/** `apt-get install` of `packages` (update first, once per run), starting no service. */
export function aptInstall(packages: readonly string[]): void {
  const ownPolicy = !existsSync(POLICY_RC_D);
  if (ownPolicy) {
    // invoke-rc.d asks this script before starting a service; 101 = "not allowed"
    writeFileSync(POLICY_RC_D, '#!/bin/sh\nexit 101\n');
    chmodSync(POLICY_RC_D, 0o755);
  }
  try {
    if (!updated) {
      aptGet(['update', '-qq']);
      updated = true;
    }
    aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  } finally {
    if (ownPolicy) rmSync(POLICY_RC_D, { force: true });
  }
}
