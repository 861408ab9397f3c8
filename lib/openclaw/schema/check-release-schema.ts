import { checkRefinements } from './refinements';
import { toInputSchema } from './input-schema';
import { errorDetailsOf } from './schema-error-details';
import { findLiteralSecrets, sensitivePaths } from './sensitive-paths';
import { schemaIssues, type SchemaIssue } from './schema-issues';
import type { ReleaseConfigSchema } from './release-schema-files';
import type { ValidateFunction } from 'ajv';

/**
 * Every problem the release's own schema finds in `doc` (what its loader refuses by schema), plus
 * the release's cross-field refinements (`refinements.ts`), plus every literal value at a path the
 * release marks sensitive (it would be committed to Git).
 */
export function checkAgainstReleaseSchema(
  doc: unknown,
  release: { readonly schema: ReleaseConfigSchema; readonly validate: ValidateFunction },
): SchemaIssue[] {
  const version = release.schema.version;
  const secrets = sensitivePaths(release.schema.uiHints);
  const literal = findLiteralSecrets(doc, secrets);
  const secretPaths = new Set(literal.map((s) => s.path));
  const issues: SchemaIssue[] = [];
  if (!release.validate(doc)) {
    issues.push(
      ...schemaIssues(
        release.validate.errors ?? [],
        // the validators are compiled from the input view, without ajv's verbose details
        errorDetailsOf(doc, () => toInputSchema(release.schema.schema)),
        version,
        (path) => !secretPaths.has(path) && !/token|secret|password|key$/i.test(path),
      ),
    );
  }
  issues.push(...checkRefinements(doc));
  for (const secret of literal) {
    issues.push({
      path: secret.path,
      received: `a literal string of ${secret.length} character(s)`,
      expected: `a \${VAR} reference (openclaw ${version} marks ${secret.hint} sensitive)`,
      fix:
        'a literal here would be committed to git in the configmap: write ${NAME} and provide NAME ' +
        'to the container from a secret',
    });
  }
  return issues;
}
