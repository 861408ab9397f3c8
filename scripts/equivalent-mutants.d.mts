/** Types of scripts/equivalent-mutants.mjs. */
export interface ListedFile {
  /** The file's every mutant is listed (a paragraph naming it with "every mutant"). */
  every: boolean;
  /** Listed positions, `line:col`. */
  positions: Set<string>;
}
export function listedMutants(text: string): Map<string, ListedFile>;
export function isListed(listed: ReadonlyMap<string, ListedFile>, file: string, position: string): boolean;
