import { ApiObject } from 'cdk8s';

/** A path into a manifest: object keys and array indexes, e.g. `['spec', 'egress', 2]`. */
export type ManifestPath = readonly (string | number)[];

interface ManifestComment {
  readonly path: ManifestPath;
  readonly text: string;
}

const COMMENTS = new WeakMap<ApiObject, ManifestComment[]>();

/**
 * Attaches a YAML comment to a node of an object's manifest. The comment is written on the line
 * above that node in the GitOps file (e.g. why a NetworkPolicy rule exists). An empty path
 * comments the whole document.
 */
export function addManifestComment(apiObject: ApiObject, path: ManifestPath, text: string): void {
  if (text.includes('\n\n')) {
    throw new Error(`manifest comment for ${apiObject.node.path} contains a blank line: expected one paragraph`);
  }
  const list = COMMENTS.get(apiObject) ?? [];
  list.push({ path, text });
  COMMENTS.set(apiObject, list);
}

/** The comments attached to an object, in the order they were added. */
export function manifestComments(apiObject: ApiObject): readonly ManifestComment[] {
  return COMMENTS.get(apiObject) ?? [];
}
