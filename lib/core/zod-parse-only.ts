/**
 * Zod (v4, classic API) gives every schema instance its methods as closures of its own: `optional`,
 * `array`, `refine`, `min`, `parse`, `safeParse` and some fifty more, each bound to that instance. They
 * build schemas; parsing runs on the instance's internals (`_zod`), which `z.safeParse(schema, value)`
 * calls directly. The config schema and its checks are 467 instances with 19,984 such methods, in
 * dictionary-mode objects: 0.6 MB of the context part of synth's startup snapshot, which every run
 * deserialises (docs/performance.md).
 *
 * {@link dropSchemaBuilders} deletes those methods from a finished schema and everything it is built
 * of, so that what remains is what parsing reads. Only synth's snapshot entry calls it, once, after
 * its warm-up; nothing a run does builds a schema from the config schema's parts (`check-config.ts`
 * parses with `z.safeParse`, and walks `_zod.def` for its hints). Building the schemas at run time
 * instead would cost more than it saves: 16-19 ms in a run against the 8.7 ms their deserialisation
 * takes.
 */

/** The part of a zod instance this walk reads. */
interface ZodInstance {
  readonly _zod: { readonly def: Readonly<Record<string, unknown>> };
}

function isZodInstance(value: unknown): value is ZodInstance {
  return typeof (value as { _zod?: { def?: unknown } } | null | undefined)?._zod?.def === 'object';
}

/** The zod instances a definition holds: directly (`innerType`), or in a list or record (`options`, `shape`). */
function heldInstances(def: Readonly<Record<string, unknown>>): ZodInstance[] {
  return Object.values(def).flatMap((value) => {
    if (isZodInstance(value)) return [value];
    return typeof value === 'object' && value !== null ? Object.values(value).filter(isZodInstance) : [];
  });
}

/**
 * Deletes the builder methods (every own enumerable function-valued property) of `root` and of every
 * schema and check it is built of, reached through their definitions.
 * @returns how many instances were visited and how many methods deleted
 */
export function dropSchemaBuilders(root: unknown): { readonly instances: number; readonly methods: number } {
  const seen = new Set<ZodInstance>();
  const pending = isZodInstance(root) ? [root] : [];
  let methods = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const instance = next as unknown as Record<string, unknown>;
    for (const key of Object.keys(instance)) {
      if (typeof instance[key] === 'function') {
        delete instance[key];
        methods += 1;
      }
    }
    pending.push(...heldInstances(next._zod.def));
  }
  return { instances: seen.size, methods };
}
