/**
 * Reads test/mutation/equivalent-mutants.md: which mutant positions (`line:col`) it lists for each
 * file. A `## lib/…` heading lists positions for that file; under any other heading a position
 * belongs to the `lib/….ts` path named last before it in the same paragraph, and a paragraph whose
 * first path is followed by "every mutant" lists all of that file's mutants.
 */

/** Map of repo-relative file → { every: boolean, positions: Set<'line:col'> }. */
export function listedMutants(text) {
  const listed = new Map();
  const entry = (file) => {
    if (!listed.has(file)) listed.set(file, { every: false, positions: new Set() });
    return listed.get(file);
  };
  let headingFile;
  for (const block of text.split(/\n\s*\n|\n(?=- )|\n(?=## )/)) {
    const heading = /^## (\S+\.ts)\s*$/m.exec(block);
    if (/^## /m.test(block)) headingFile = heading?.[1];
    let file = headingFile;
    let first = true;
    for (const token of block.matchAll(/`(lib\/[^`\s]+\.ts)`|(?<![\d.:])(\d+):(\d+)(?!\d|:\d)/g)) {
      if (token[1] !== undefined) {
        file = token[1];
        if (first && /every mutant/.test(block)) entry(file).every = true;
        first = false;
      } else if (file !== undefined) {
        entry(file).positions.add(`${token[2]}:${token[3]}`);
      }
    }
  }
  return listed;
}

/** Whether the mutant of `file` at `line:col` is listed. */
export function isListed(listed, file, position) {
  const e = listed.get(file);
  return e !== undefined && (e.every || e.positions.has(position));
}
