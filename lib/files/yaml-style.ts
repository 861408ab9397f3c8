/**
 * The YAML style of lolice's hand-written manifests, applied to a rendered document:
 * `command: ["sh", "-c"]` on one line, env values in double quotes.
 */
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import { isOneLineString, QUOTED_ENTRY_VALUE_KEY, YamlKeyStyles } from './yaml-emitter';

/** The keys of that style, for {@link emitYamlDocument} and {@link applyLoliceYamlStyle} alike. */
export const LOLICE_YAML_STYLES: YamlKeyStyles = {
  flowStringSequences: new Set(['command']),
  quotedEntryValues: new Set(['env']),
};

/** Restyles `document` in place (the library's path; {@link emitYamlDocument} applies the same styles). */
export function applyLoliceYamlStyle(document: Document): void {
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
      if (key === undefined) return;
      const value = pair.value;
      if (
        LOLICE_YAML_STYLES.flowStringSequences.has(key) &&
        isSeq(value) &&
        value.items.every((item) => isScalar(item) && isOneLineString(item.value))
      ) {
        value.flow = true;
        for (const item of value.items) (item as Scalar).type = Scalar.QUOTE_DOUBLE;
      }
      if (LOLICE_YAML_STYLES.quotedEntryValues.has(key) && isSeq(value)) {
        for (const item of value.items) {
          const literal = isMap(item) ? item.get(QUOTED_ENTRY_VALUE_KEY, true) : undefined;
          if (isScalar(literal) && typeof literal.value === 'string') literal.type = Scalar.QUOTE_DOUBLE;
        }
      }
    },
  });
}
