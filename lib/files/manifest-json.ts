import type { ApiObject } from 'cdk8s';

/** The JSON of each ApiObject rendered in the current pass, or undefined outside a pass. */
let pass: WeakMap<ApiObject, unknown> | undefined;

/**
 * Runs `render` as one render pass: within it, {@link manifestJson} resolves each ApiObject once
 * (`ApiObject.toJson()` resolves every token of the object again on each call, and the app's
 * validations and the file rendering each need every object). The graph must not change during the
 * pass: validations and rendering only read it. Passes nest; the outermost one owns the results.
 */
export function inRenderPass<T>(render: () => T): T {
  if (pass !== undefined) return render();
  pass = new WeakMap();
  try {
    return render();
  } finally {
    pass = undefined;
  }
}

/**
 * `apiObject.toJson()`, computed once per render pass. The result is shared by every caller of the
 * pass: treat it as read-only.
 */
export function manifestJson(apiObject: ApiObject): unknown {
  if (pass === undefined) return apiObject.toJson();
  if (pass.has(apiObject)) return pass.get(apiObject);
  const json: unknown = apiObject.toJson();
  pass.set(apiObject, json);
  return json;
}
