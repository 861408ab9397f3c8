/**
 * The committed schemas are what the releases build: 2026.2.19 and 2026.9.6 (the releases the other
 * real-OpenClaw tests install anyway, so this adds no install) are extracted again and compared with
 * `openclaw-releases/<version>/config-schema.json`.
 */
import { readFileSync } from 'node:fs';
import { loliceConfig } from '../../config/lolice';
import { extractReleaseSchema } from '../../lib/upgrade/extract-release-schema';
import { releaseSchemaPath, schemaExtractCommand } from '../../lib/openclaw/schema/release-schema-files';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS, upgradeTargetRelease } from '../support/real-openclaw';

describe.each([
  ['today', realOpenClawRelease],
  ['upgrade target', upgradeTargetRelease],
])('the committed schema of the %s release', (_name, release) => {
  it(
    'is what the release builds for the default config',
    async () => {
      const installed = await release();
      const { text } = await extractReleaseSchema(installed, loliceConfig);
      const committed = readFileSync(releaseSchemaPath(installed.version), 'utf8');
      // on a mismatch: run the command in the message and commit the result
      expect({ command: schemaExtractCommand(installed.version), same: text === committed }).toEqual({
        command: schemaExtractCommand(installed.version),
        same: true,
      });
    },
    RELEASE_INSTALL_TIMEOUT_MS,
  );
});
