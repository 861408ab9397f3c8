/**
 * Labels of the gateway pod exactly as lolice has them. The selector is immutable, so these can
 * never change without deleting the Deployment; there is deliberately no `app:` label and no
 * cdk8s-generated label.
 */
export const GATEWAY_SELECTOR_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'openclaw',
  'app.kubernetes.io/component': 'gateway',
};

/** Labels on the Deployment object itself. */
export const GATEWAY_DEPLOYMENT_LABELS: Readonly<Record<string, string>> = {
  ...GATEWAY_SELECTOR_LABELS,
  'app.kubernetes.io/managed-by': 'argocd',
};

/** The gateway container's name; `${VAR}` references in openclaw.json resolve against its env. */
export const GATEWAY_CONTAINER_NAME = 'openclaw';

/** Port the gateway listens on (`--port`, `gateway.port`). */
export const GATEWAY_PORT = 18789;

/** Where the PVC root (OpenClaw's state dir, `~/.openclaw`) is mounted. */
export const OPENCLAW_STATE_DIR = '/home/node/.openclaw';
