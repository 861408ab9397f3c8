/** The OpenClaw release the real-OpenClaw tests run against (imported by the global setup: no vitest here). */
export const REAL_OPENCLAW_VERSION = '2026.2.19';
