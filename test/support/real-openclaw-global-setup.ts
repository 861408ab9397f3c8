import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureOpenClawRelease, OpenClawRelease } from '../../lib/openclaw/release/ensure-release';
import { REAL_OPENCLAW_VERSION, UPGRADE_TARGET_OPENCLAW_VERSION } from './real-openclaw-version';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The installed release the real-OpenClaw tests run against; absent when none of them runs. */
    realOpenClawRelease?: OpenClawRelease;
    /** The upgrade target release (installed next to the first one); absent when none of them runs. */
    upgradeTargetRelease?: OpenClawRelease;
  }
}

const REAL_TESTS_DIR = join(__dirname, '..', 'real-openclaw');

/** Whether this run includes a test under test/real-openclaw/ (file filters and --exclude respected). */
function runsRealOpenClawTests(project: TestProject): boolean {
  if (!existsSync(REAL_TESTS_DIR)) {
    return false;
  }
  const root = project.config.root;
  const files = readdirSync(REAL_TESTS_DIR)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => relative(root, join(REAL_TESTS_DIR, f)));
  if (project.config.exclude.some((pattern) => pattern.includes('real-openclaw'))) {
    return false;
  }
  // vitest keeps the command line's file filters (substring matches on the path) here
  const filters = (project.vitest as unknown as { filenamePattern?: readonly string[] }).filenamePattern;
  if (filters && filters.length > 0) {
    return files.some((file) => filters.some((filter) => file.includes(filter)));
  }
  return files.length > 0;
}

/**
 * Provisioning for `npm test`: installs the real OpenClaw releases (cached; 35-45 s each the first time
 * on a machine, side by side, instant after) before any worker starts, so no test hook waits on npm.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (!runsRealOpenClawTests(project)) {
    return;
  }
  // side by side: each install mostly waits on the npm registry
  const [release, upgradeTarget] = await Promise.all([
    ensureOpenClawRelease(REAL_OPENCLAW_VERSION),
    ensureOpenClawRelease(UPGRADE_TARGET_OPENCLAW_VERSION),
  ]);
  project.provide('realOpenClawRelease', release);
  project.provide('upgradeTargetRelease', upgradeTarget);
}
