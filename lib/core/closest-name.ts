/** Options of {@link closestName}. */
export interface ClosestNameOptions {
  /**
   * Suggest nothing when even the closest name is more than this many edits away.
   * @default - no limit: the closest name is always suggested
   */
  readonly maxDistance?: number;
}

/**
 * The known name closest to `name` by edit distance (letter case ignored), for "did you mean"
 * hints: the first in sorted order on a tie, undefined when there is none close enough.
 */
export function closestName(
  name: string,
  known: Iterable<string>,
  options: ClosestNameOptions = {},
): string | undefined {
  let best: string | undefined;
  let bestDistance = options.maxDistance ?? Number.POSITIVE_INFINITY;
  for (const candidate of [...known].sort()) {
    const distance = editDistance(name, candidate);
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance between `a` and `b`, letter case ignored. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost),
      );
    }
    previous = current;
  }
  return previous[right.length] as number;
}
