/**
 * The containers and volumes of the gateway pod exactly as lolice runs them (lolice's
 * `argoproj/openclaw/deployment-openclaw.yaml`, copy in test/fixtures/live): scripts, images,
 * users, capabilities, resources, ports, probes, mounts (with their subPaths) and volumes.
 * Shell scripts are `command: ["sh", "-c"]` plus the script as the single `args` entry, as in lolice.
 */
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import type { ImageReference } from '../config/openclaw-ops-config';
import { BOARD_SERVER_PORT, GATEWAY_CONTAINER_NAME, GATEWAY_PORT, OPENCLAW_STATE_DIR } from './gateway-labels';

/** Names of the pod's volumes. */
export const GatewayVolume = {
  DOCKER_CERTS: 'docker-certs',
  DOCKER_DATA: 'docker-data',
  OPENCLAW_CONFIG: 'openclaw-config',
  GH_WRAPPER: 'gh-wrapper',
  BOARD_NGINX_CONF: 'board-nginx-conf',
  BOARD_HTML: 'board-html',
  DATA: 'data',
} as const;

/** The images of the sidecars, as pinned in lolice today. */
export const SidecarImage = {
  DIND: 'docker:29-dind',
  DOCKER_CLI: 'docker:29-cli',
  BOARD_SERVER: 'nginxinc/nginx-unprivileged:1.29-alpine',
} as const;

const DOCKER_CLIENT_ENV: k8s.EnvVar[] = [
  { name: 'DOCKER_HOST', value: 'tcp://localhost:2376' },
  { name: 'DOCKER_TLS_VERIFY', value: '1' },
  { name: 'DOCKER_CERT_PATH', value: '/certs/client' },
];

const NODE_USER = {
  runAsUser: 1000,
  runAsGroup: 1000,
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
} as const;

function resources(requests: [string, string], limits: [string, string]): k8s.ResourceRequirements {
  return {
    requests: { cpu: k8s.Quantity.fromString(requests[0]), memory: k8s.Quantity.fromString(requests[1]) },
    limits: { cpu: k8s.Quantity.fromString(limits[0]), memory: k8s.Quantity.fromString(limits[1]) },
  };
}

/** `command: ["sh", "-c"]`, `args: [script]` (lines joined, with a trailing newline, as a YAML `|` block). */
function shellScript(lines: readonly string[]): Pick<k8s.Container, 'command' | 'args'> {
  return { command: ['sh', '-c'], args: [`${lines.join('\n')}\n`] };
}

const stateMount: k8s.VolumeMount = { name: GatewayVolume.DATA, mountPath: OPENCLAW_STATE_DIR };
const ghqMount: k8s.VolumeMount = { name: GatewayVolume.DATA, mountPath: '/home/node/ghq', subPath: 'ghq' };
const codexMount: k8s.VolumeMount = { name: GatewayVolume.DATA, mountPath: '/home/node/.codex', subPath: 'codex' };
const configMount: k8s.VolumeMount = { name: GatewayVolume.OPENCLAW_CONFIG, mountPath: '/config', readOnly: true };
const dockerClientCertsMount: k8s.VolumeMount = {
  name: GatewayVolume.DOCKER_CERTS,
  mountPath: '/certs/client',
  subPath: 'client',
  readOnly: true,
};

const DOTFILES_DIR = '/home/node/ghq/github.com/boxp/dotfiles';

export function imageOf(image: ImageReference): string {
  return `${image.repository}:${image.tag}`;
}

/**
 * Copies the ConfigMap's openclaw.json onto the PVC (the gateway reads and may write the PVC copy)
 * and creates the codex directory; the ghq and codex subPath mounts make those directories exist
 * on the volume.
 */
export function initConfigContainer(image: ImageReference): k8s.Container {
  return {
    name: 'init-config',
    image: imageOf(image),
    ...shellScript([
      `mkdir -p ${OPENCLAW_STATE_DIR}`,
      `cp /config/openclaw.json ${OPENCLAW_STATE_DIR}/openclaw.json`,
      'mkdir -p /home/node/.codex',
    ]),
    securityContext: { ...NODE_USER },
    volumeMounts: [configMount, stateMount, ghqMount, codexMount],
  };
}

/** Clones github.com/boxp/dotfiles into the ghq tree on the PVC, or updates its master branch. */
export function initDotfilesContainer(image: ImageReference): k8s.Container {
  return {
    name: 'init-dotfiles',
    image: imageOf(image),
    ...shellScript([
      `DOTFILES_DIR=${DOTFILES_DIR}`,
      'if [ -d "$DOTFILES_DIR/.git" ]; then',
      '  cd "$DOTFILES_DIR" && git checkout master && git pull origin master',
      'else',
      '  mkdir -p "$(dirname "$DOTFILES_DIR")"',
      '  git clone https://github.com/boxp/dotfiles.git "$DOTFILES_DIR"',
      'fi',
    ]),
    securityContext: { ...NODE_USER },
    volumeMounts: [ghqMount, stateMount],
  };
}

/**
 * The gateway itself: links the dotfiles' `.claude` entries (keeping the image's config.json and settings.json), then
 * runs.
 */
export function gatewayContainer(image: ImageReference, env: k8s.EnvVar[]): k8s.Container {
  return {
    name: GATEWAY_CONTAINER_NAME,
    image: imageOf(image),
    ...shellScript([
      `DOTFILES_DIR=${DOTFILES_DIR}`,
      '# Symlink individual dotfiles into .claude instead of replacing',
      "# the entire directory, to preserve Dockerfile's config.json",
      '# and settings.json (trustedWorkspaces, allowedCommands).',
      'CLAUDE_DIR=/home/node/.claude',
      'if [ -d "$DOTFILES_DIR/.claude" ]; then',
      '  for item in "$DOTFILES_DIR/.claude"/* "$DOTFILES_DIR/.claude"/.*; do',
      '    name="$(basename "$item")"',
      '    case "$name" in .|..|config.json|settings.json) continue ;; esac',
      '    [ -e "$item" ] || continue',
      '    ln -sfn "$item" "$CLAUDE_DIR/$name"',
      '  done',
      'fi',
      `exec node dist/index.js gateway --bind lan --port ${GATEWAY_PORT}`,
    ]),
    ports: [{ containerPort: GATEWAY_PORT }],
    env,
    resources: resources(['500m', '1Gi'], ['2000m', '4Gi']),
    securityContext: {
      ...NODE_USER,
      readOnlyRootFilesystem: false,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [
      dockerClientCertsMount,
      { name: GatewayVolume.GH_WRAPPER, mountPath: '/opt/gh-wrapper', readOnly: true },
      stateMount,
      ghqMount,
      codexMount,
    ],
  };
}

/**
 * Every 60 s, copies a changed ConfigMap openclaw.json atomically onto the PVC, so OpenClaw's
 * chokidar watcher hot-reloads it without a pod restart.
 */
export function configManagerContainer(image: ImageReference): k8s.Container {
  const target = `${OPENCLAW_STATE_DIR}/openclaw.json`;
  return {
    name: 'config-manager',
    image: imageOf(image),
    ...shellScript([
      `LAST_HASH=$(md5sum ${target} 2>/dev/null | cut -d' ' -f1)`,
      'while true; do',
      "  CURRENT_HASH=$(md5sum /config/openclaw.json 2>/dev/null | cut -d' ' -f1)",
      '  if [ -n "$CURRENT_HASH" ] && [ "$CURRENT_HASH" != "$LAST_HASH" ]; then',
      `    if cp /config/openclaw.json ${target}.tmp && \\`,
      `       mv ${target}.tmp ${target}; then`,
      '      echo "$(date -Iseconds) config synced (hash=$CURRENT_HASH)"',
      '      LAST_HASH="$CURRENT_HASH"',
      '    else',
      '      echo "$(date -Iseconds) config sync failed, will retry"',
      `      rm -f ${target}.tmp`,
      '    fi',
      '  fi',
      '  sleep 60',
      'done',
    ]),
    resources: resources(['10m', '32Mi'], ['50m', '64Mi']),
    securityContext: { ...NODE_USER, capabilities: { drop: ['ALL'] } },
    volumeMounts: [configMount, stateMount],
  };
}

/** Docker daemon for the agent's sandbox (TLS certs shared through `docker-certs`), with log rotation. */
export function dindContainer(): k8s.Container {
  return {
    name: 'dind',
    image: SidecarImage.DIND,
    ...shellScript([
      '# Configure Docker daemon with log rotation and explicit',
      '# storage driver to prevent unbounded log and layer growth.',
      'mkdir -p /etc/docker',
      "cat > /etc/docker/daemon.json <<'EOF'",
      '{',
      '  "storage-driver": "overlay2",',
      '  "log-driver": "json-file",',
      '  "log-opts": {',
      '    "max-size": "10m",',
      '    "max-file": "3"',
      '  }',
      '}',
      'EOF',
      'exec dockerd-entrypoint.sh',
    ]),
    securityContext: { privileged: true },
    env: [{ name: 'DOCKER_TLS_CERTDIR', value: '/certs' }],
    resources: resources(['250m', '512Mi'], ['1000m', '2Gi']),
    volumeMounts: [
      { name: GatewayVolume.DOCKER_CERTS, mountPath: '/certs' },
      { name: GatewayVolume.DOCKER_DATA, mountPath: '/var/lib/docker' },
    ],
  };
}

/** nginx serving board.md from the PVC. */
export function boardServerContainer(): k8s.Container {
  const probe = (initialDelaySeconds: number, periodSeconds: number): k8s.Probe => ({
    httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(BOARD_SERVER_PORT) },
    initialDelaySeconds,
    periodSeconds,
  });
  return {
    name: 'board-server',
    image: SidecarImage.BOARD_SERVER,
    ports: [{ containerPort: BOARD_SERVER_PORT }],
    resources: resources(['10m', '32Mi'], ['100m', '64Mi']),
    securityContext: {
      runAsUser: 101,
      runAsGroup: 101,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    readinessProbe: probe(2, 10),
    livenessProbe: probe(5, 30),
    volumeMounts: [
      { name: GatewayVolume.DATA, mountPath: '/data', readOnly: true },
      {
        name: GatewayVolume.BOARD_NGINX_CONF,
        mountPath: '/etc/nginx/conf.d/default.conf',
        subPath: 'nginx.conf',
        readOnly: true,
      },
      { name: GatewayVolume.BOARD_HTML, mountPath: '/usr/share/nginx/html', readOnly: true },
    ],
  };
}

/**
 * Prunes the dind daemon's stopped containers, dangling images, unused volumes and old build cache every 30 minutes.
 */
export function dockerGcContainer(): k8s.Container {
  return {
    name: 'docker-gc',
    image: SidecarImage.DOCKER_CLI,
    ...shellScript([
      '# Wait for dind to be ready',
      'until docker info >/dev/null 2>&1; do',
      '  sleep 5',
      'done',
      'echo "$(date -Iseconds) docker-gc: dind is ready, starting periodic cleanup"',
      'while true; do',
      '  sleep 1800',
      '  echo "$(date -Iseconds) docker-gc: running cleanup"',
      '  # Remove stopped containers',
      '  docker container prune -f 2>/dev/null || true',
      '  # Remove dangling images',
      '  docker image prune -f 2>/dev/null || true',
      '  # Remove unused volumes',
      '  docker volume prune -f 2>/dev/null || true',
      '  # Remove build cache older than 1h',
      '  docker builder prune -f --filter "until=1h" 2>/dev/null || true',
      '  echo "$(date -Iseconds) docker-gc: cleanup complete"',
      '  docker system df 2>/dev/null || true',
      'done',
    ]),
    env: DOCKER_CLIENT_ENV,
    resources: resources(['10m', '32Mi'], ['50m', '64Mi']),
    securityContext: { runAsUser: 0, allowPrivilegeEscalation: false },
    volumeMounts: [dockerClientCertsMount],
  };
}

/** The pod's volumes, as in lolice. */
export function gatewayVolumes(configMapName: string): k8s.Volume[] {
  return [
    { name: GatewayVolume.DOCKER_CERTS, emptyDir: {} },
    { name: GatewayVolume.DOCKER_DATA, emptyDir: {} },
    { name: GatewayVolume.OPENCLAW_CONFIG, configMap: { name: configMapName } },
    { name: GatewayVolume.GH_WRAPPER, configMap: { name: 'gh-wrapper', defaultMode: 0o555 } },
    { name: GatewayVolume.BOARD_NGINX_CONF, configMap: { name: 'board-server-config-nginx' } },
    { name: GatewayVolume.BOARD_HTML, configMap: { name: 'board-server-config-html' } },
    { name: GatewayVolume.DATA, persistentVolumeClaim: { claimName: 'openclaw-data' } },
  ];
}
