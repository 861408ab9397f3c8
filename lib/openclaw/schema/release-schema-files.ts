import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenClawVersion } from '../openclaw-version';
import { RELEASE_SPECS_DIR } from '../release/release-spec';

/** The file holding a release's extracted schema, inside `openclaw-releases/<version>/`. */
export const CONFIG_SCHEMA_FILE = 'config-schema.json';
/** The file saying how {@link CONFIG_SCHEMA_FILE} was made. */
export const SCHEMA_PROVENANCE_FILE = 'config-schema.provenance.json';

/** A JSON Schema node as the releases write them (draft-07). */
export interface JsonSchemaNode {
  readonly [keyword: string]: unknown;
}

/** One hint of the release's `uiHints` (only what the project reads). */
export interface ReleaseUiHint {
  readonly sensitive?: boolean;
  readonly label?: string;
}

/** What `openclaw-releases/<version>/config-schema.json` holds. */
export interface ReleaseConfigSchema {
  /** The release, `YYYY.M.D`. */
  readonly version: string;
  /** The draft-07 JSON Schema of `openclaw.json` the release's gateway serves as `config.schema`. */
  readonly schema: JsonSchemaNode;
  /** The release's hints per dotted path (`*` matches any key); `sensitive` marks secrets. */
  readonly uiHints: Readonly<Record<string, ReleaseUiHint>>;
}

/** How a committed schema was made. */
export interface SchemaProvenance {
  readonly release: string;
  readonly node: string;
  readonly command: string;
  /** The release function that built it (`<chunk>#<function>`). */
  readonly builtBy: string;
  /** What decided the plugins and channels merged in. */
  readonly configSource: string;
  readonly extractedAt: string;
}

/** The command that (re)extracts the schema of `version`. */
export function schemaExtractCommand(version: string): string {
  return `npm run openclaw:schema -- ${version}`;
}

/** `openclaw-releases/<version>/config-schema.json`. */
export function releaseSchemaPath(version: string, specsDir: string = RELEASE_SPECS_DIR): string {
  return join(specsDir, OpenClawVersion.parse(version).toString(), CONFIG_SCHEMA_FILE);
}

/** True when the schema of `version` is committed. */
export function hasReleaseSchema(version: string, specsDir: string = RELEASE_SPECS_DIR): boolean {
  return existsSync(releaseSchemaPath(version, specsDir));
}

/**
 * Reads the committed schema of `version`; throws one line naming the command that extracts it when
 * there is none.
 */
export function loadReleaseSchema(version: string, specsDir: string = RELEASE_SPECS_DIR): ReleaseConfigSchema {
  const file = releaseSchemaPath(version, specsDir);
  if (!existsSync(file)) {
    throw new Error(
      `openclaw ${version} has no committed schema (${file}): run \`${schemaExtractCommand(version)}\` to extract it`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ReleaseConfigSchema;
}
