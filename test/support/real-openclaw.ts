import { inject } from 'vitest';
import { ensureOpenClawRelease, OpenClawRelease } from '../../lib/openclaw/release/ensure-release';
import { REAL_OPENCLAW_VERSION, UPGRADE_TARGET_OPENCLAW_VERSION } from './real-openclaw-version';

export { REAL_OPENCLAW_VERSION, UPGRADE_TARGET_OPENCLAW_VERSION };

/** A `beforeAll` timeout that covers a first install on a machine (normally done by the global setup). */
export const RELEASE_INSTALL_TIMEOUT_MS = 15 * 60_000;

/**
 * The installed release: from the global setup when it ran, else installed (or found in the cache)
 * here. Fails with one line saying what to run when it cannot be installed; never skips.
 */
export async function realOpenClawRelease(): Promise<OpenClawRelease> {
  const provided = inject('realOpenClawRelease');
  return provided ?? ensureOpenClawRelease(REAL_OPENCLAW_VERSION);
}

/** The upgrade target release (2026.9.6): from the global setup when it ran, else installed here. */
export async function upgradeTargetRelease(): Promise<OpenClawRelease> {
  return inject('upgradeTargetRelease') ?? ensureOpenClawRelease(UPGRADE_TARGET_OPENCLAW_VERSION);
}
