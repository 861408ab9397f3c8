/**
 * The instant-vector selectors of a PromQL expression (`metric{label="x"}`, ranges dropped), in
 * order of appearance, parsed with the same parser the project's PromQL checks use.
 */
import { parser } from '@prometheus-io/lezer-promql';

/** Every vector selector of `expr` as text, e.g. `openclaw_tokens_total{openclaw_token="total"}`. */
export function vectorSelectors(expr: string): string[] {
  const found: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) {
        throw new Error(`promql selectors: ${JSON.stringify(expr)} does not parse at ${node.from}`);
      }
      if (node.name === 'VectorSelector') {
        found.push(expr.slice(node.from, node.to));
        return false;
      }
      return undefined;
    },
  });
  return found;
}
