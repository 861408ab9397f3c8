/** The OpenClaw release the real-OpenClaw tests run against (imported by the global setup: no vitest here). */
export const REAL_OPENCLAW_VERSION = '2026.2.19';
/** The newer release the upgrade tests check the config against (`npm run upgrade-check -- --to`). */
export const UPGRADE_TARGET_OPENCLAW_VERSION = '2026.9.6';
