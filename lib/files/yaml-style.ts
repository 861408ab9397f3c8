/**
 * The YAML style of lolice's hand-written manifests, applied to a rendered document:
 * `command: ["sh", "-c"]` on one line, env values in double quotes.
 */
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';

/** Restyles `document` in place. */
export function applyLoliceYamlStyle(document: Document): void {
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = pair.value;
      if (key === 'command' && isSeq(value) && value.items.every(isOneLineString)) {
        value.flow = true;
        for (const item of value.items) (item as Scalar).type = Scalar.QUOTE_DOUBLE;
      }
      if (key === 'env' && isSeq(value)) {
        for (const item of value.items) {
          const literal = isMap(item) ? item.get('value', true) : undefined;
          if (isScalar(literal) && typeof literal.value === 'string') literal.type = Scalar.QUOTE_DOUBLE;
        }
      }
    },
  });
}

function isOneLineString(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string' && !node.value.includes('\n');
}
