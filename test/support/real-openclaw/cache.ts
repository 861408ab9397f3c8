/**
 * Where the gateway tests keep what makes a boot warm: OpenClaw transpiles its extensions into
 * `$TMPDIR/jiti` at boot (35–90 s cold) and Node keeps `$TMPDIR/node-compile-cache`. Both live in
 * the project's cache folder, per OpenClaw version, so only the first run pays for them.
 */
import { join } from 'node:path';
import { openclawOpsCacheDir } from '../../../lib/openclaw/release/release-cache';

/** The persistent runtime cache of the real-gateway tests for one OpenClaw version. */
export function gatewayCacheDir(version: string): string {
  return join(openclawOpsCacheDir(), 'gateway-runtime', version);
}
