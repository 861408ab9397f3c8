import type { UpgradeReport } from '../upgrade/upgrade-check';
import { parseCliArgs } from './cli-args';

/** Exit codes of `npm run upgrade-check`. */
export const UPGRADE_CHECK_EXIT = { accepted: 0, refused: 1, usageOrInstall: 2 } as const;

export const UPGRADE_CHECK_USAGE = `usage: npm run upgrade-check -- --to VERSION [--json]

Renders openclaw.json for VERSION and validates today's file and the file rendered for VERSION
against VERSION's committed schema (openclaw-releases/VERSION/config-schema.json; nothing is
installed), and reports what VERSION refuses, what its schema drops or adds along the paths today's
file uses (removed or renamed keys, narrowed enums, new required keys), what the project changes
for it, features lost and gained (the gates a schema cannot show), and the Node version it needs.
A VERSION without a committed schema: run npm run openclaw:schema -- VERSION first.

  --to VERSION   the release to check, YYYY.M.D (needs openclaw-releases/VERSION/config-schema.json)
  --json         print the report as JSON (for CI)
  --help         print this text

exit 0: VERSION accepts the rendered config; 1: it refuses it; 2: usage or install error
`;

/** Where the CLI writes. */
export interface UpgradeCheckIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * The CLI without the process: parses `argv`, runs `check(to)` and prints the report. Returns the
 * exit code; never throws.
 */
export async function runUpgradeCheckCli(
  argv: readonly string[],
  io: UpgradeCheckIo,
  check: (to: string) => Promise<UpgradeReport>,
): Promise<number> {
  const parsed = parseCliArgs(argv, {
    to: { type: 'string', valueName: 'VERSION' },
    json: { type: 'boolean' },
  });
  if (parsed.kind === 'usage-error') {
    io.stderr(`upgrade-check: ${parsed.message}\n\n${UPGRADE_CHECK_USAGE}`);
    return UPGRADE_CHECK_EXIT.usageOrInstall;
  }
  if (parsed.kind === 'help') {
    io.stdout(UPGRADE_CHECK_USAGE);
    return UPGRADE_CHECK_EXIT.accepted;
  }
  const values = parsed.values as { to?: string; json?: boolean };
  if (values.to === undefined || values.to.trim() === '') {
    io.stderr(`upgrade-check: --to VERSION is required (e.g. --to 2026.9.6)\n\n${UPGRADE_CHECK_USAGE}`);
    return UPGRADE_CHECK_EXIT.usageOrInstall;
  }
  let report: UpgradeReport;
  try {
    report = await check(values.to);
  } catch (error) {
    io.stderr(`upgrade-check: ${error instanceof Error ? error.message : String(error)}\n`);
    return UPGRADE_CHECK_EXIT.usageOrInstall;
  }
  const { formatUpgradeReport } = await import('../upgrade/upgrade-check');
  io.stdout(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatUpgradeReport(report));
  return report.accepted ? UPGRADE_CHECK_EXIT.accepted : UPGRADE_CHECK_EXIT.refused;
}
