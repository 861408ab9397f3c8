/**
 * A Stryker ignore plugin for the sampled run of `npm run mutation -- --sample N` (see
 * scripts/mutation-sample.mjs). The run's `mutate` ranges are the sampled mutants' own locations,
 * but a range also takes in every node nested inside it (a block's statements, an operand of a
 * sampled comparison). This plugin ignores those nested nodes, so the run tests the sampled nodes
 * and little else: a node is ignored when it lies strictly inside a sampled location, is not itself
 * a sampled location and holds no sampled location inside it.
 *
 * The sampled locations come from the JSON file named by MUTATION_SAMPLE_FILE (written by
 * scripts/mutation-sample.mjs); without that variable the plugin ignores nothing.
 */
import { readFileSync } from 'node:fs';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** file name → sampled locations in Babel coordinates (1-based lines, 0-based columns) */
let byFile;
function sampledLocations(fileName) {
  if (byFile === undefined) {
    byFile = new Map();
    const source = process.env.MUTATION_SAMPLE_FILE;
    if (source) {
      for (const { fileName: name, location } of JSON.parse(readFileSync(source, 'utf8')).sample) {
        const loc = {
          start: { line: location.start.line + 1, column: location.start.column },
          end: { line: location.end.line + 1, column: location.end.column },
        };
        byFile.set(name, [...(byFile.get(name) ?? []), loc]);
      }
    }
  }
  return byFile.get(fileName) ?? [];
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const inside = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);
const same = (a, b) => inside(a, b) && inside(b, a);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'mutation-sample', {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const fileName = path.hub?.file?.opts?.filename;
      if (!loc || !fileName) return undefined;
      const sampled = sampledLocations(fileName);
      const nestedInSample = sampled.some((s) => inside(s, loc) && !same(s, loc));
      const holdsSample = sampled.some((s) => inside(loc, s));
      return nestedInSample && !holdsSample ? 'not in the mutation sample' : undefined;
    },
  }),
];
