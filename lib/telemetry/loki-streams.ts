/**
 * Loki stream labels and selectors for OpenClaw on lolice.
 *
 * Grafana Alloy (`loki.source.kubernetes`, Feb 2026) reads container logs through the kube API
 * and sets exactly the labels in {@link ALLOY_STREAM_LABELS}. Caveats from the cluster facts:
 * - the gateway pod has no `app` pod label, so its streams have **no `app` label** (LiteLLM and
 *   cloudflared streams do: `app="litellm"`, `app="cloudflared"`);
 * - `job` is `<namespace>/<pod>`, not a Prometheus-style job name;
 * - init containers are discovered too (`container="init-config"`, ...);
 * - a field extracted by `| json` whose name equals a stream label gets an `_extracted` suffix,
 *   which is why the shipper never emits a `job` field (it uses `jobId`).
 */

/** The stream labels Alloy sets on every Kubernetes log stream, sorted. */
export const ALLOY_STREAM_LABELS = [
  'app',
  'app_kubernetes_io_name',
  'container',
  'job',
  'namespace',
  'node',
  'pod',
] as const;

/** One of {@link ALLOY_STREAM_LABELS}. */
export type AlloyStreamLabel = (typeof ALLOY_STREAM_LABELS)[number];

/** The namespace OpenClaw runs in. */
export const OPENCLAW_NAMESPACE = 'openclaw';

/** The gateway container of Deployment `openclaw`. */
export const OPENCLAW_GATEWAY_CONTAINER = 'openclaw';

/**
 * The name of the sidecar container that runs `sidecar/run-log-shipper.mjs` in the `openclaw`
 * pod; the LogQL builders select its stream by this name.
 */
export const RUN_LOG_SHIPPER_CONTAINER = 'cron-run-log';

/** Where the sidecar script is mounted (the ConfigMap volume) and how it is started. */
export const RUN_LOG_SHIPPER_SCRIPT_PATH = '/opt/run-log-shipper/run-log-shipper.mjs';

/** The container command of the shipper sidecar (the OpenClaw image has `node`). */
export const RUN_LOG_SHIPPER_COMMAND: readonly string[] = ['node', RUN_LOG_SHIPPER_SCRIPT_PATH];

/**
 * Environment variables the shipper reads, with the values meant for lolice. `STATE_FILE` is not
 * here: the sidecar construct sets it to its own state mount (PVC subPath or emptyDir).
 *
 * - `RUN_LOG_DIR`: the cron run logs on PVC `data` (mounted at `/home/node/.openclaw`, no subPath).
 * - `GATEWAY_LOG_DIR`: the gateway's daily JSON file log directory; needs an emptyDir mounted at
 *   this path in both the `openclaw` and the shipper container (the cron webhook warnings are
 *   written there only, never to stdout). Leave it out to ship run logs only.
 * - `POLL_INTERVAL_MS`: polling period.
 */
export const RUN_LOG_SHIPPER_ENV: Readonly<Record<string, string>> = {
  GATEWAY_LOG_DIR: '/tmp/openclaw',
  POLL_INTERVAL_MS: '2000',
  RUN_LOG_DIR: '/home/node/.openclaw/cron/runs',
};

/** The `kind` field of a shipped run-log record. */
export const CRON_RUN_KIND = 'cron_run';

/** The `kind` field of a shipped gateway file-log record (cron warnings and errors). */
export const GATEWAY_LOG_KIND = 'gateway_log';

/** Renders a stream selector with labels in the given order, e.g. `{namespace="openclaw"}`. */
export function streamSelector(matchers: Readonly<Partial<Record<AlloyStreamLabel, string>>>): string {
  const parts = Object.entries(matchers).map(([label, value]) => `${label}=${JSON.stringify(value)}`);
  if (parts.length === 0) {
    throw new Error('stream selector has no matcher: expected at least one Alloy label (e.g. namespace), add one');
  }
  return `{${parts.join(', ')}}`;
}

/** `{namespace="openclaw", container="openclaw"}`: the gateway's stdout and stderr. */
export const GATEWAY_STREAM_SELECTOR = streamSelector({
  namespace: OPENCLAW_NAMESPACE,
  container: OPENCLAW_GATEWAY_CONTAINER,
});

/** `{namespace="openclaw", container="cron-run-log"}`: the shipper's output (one JSON record a line). */
export const RUN_LOG_STREAM_SELECTOR = streamSelector({
  namespace: OPENCLAW_NAMESPACE,
  container: RUN_LOG_SHIPPER_CONTAINER,
});

/** The containers of the `openclaw` pod (init containers included) plus the shipper sidecar, sorted. */
export const OPENCLAW_POD_CONTAINERS = [
  'board-server',
  'config-manager',
  'cron-run-log',
  'dind',
  'docker-gc',
  'init-config',
  'init-dotfiles',
  'openclaw',
] as const;

/**
 * Stream label values known to exist, for `label="value"` matchers, as `checkLogQL` uses them by
 * default: `app` exists only on the LiteLLM and cloudflared streams (never on the gateway), and
 * `container` is checked against the `openclaw` pod's containers. Pass your own map to
 * `checkLogQL` to query the containers of other pods (their names are not in the facts).
 */
export const OPENCLAW_STREAM_LABEL_VALUES: Readonly<Record<string, readonly string[]>> = {
  app: ['cloudflared', 'litellm'],
  app_kubernetes_io_name: ['openclaw'],
  container: OPENCLAW_POD_CONTAINERS,
};
