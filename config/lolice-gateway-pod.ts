/**
 * The gateway pod exactly as lolice runs it (lolice's `argoproj/openclaw/deployment-openclaw.yaml`,
 * copy in test/fixtures/live): scripts, users, capabilities, resources, ports, probes, mounts
 * (with their subPaths), volumes and comments. The images are in `lolice-images.json`, where
 * Renovate and `npm run adopt` find them.
 */
import type {
  ContainerSecurityContextSpec,
  GatewayPodConfig,
  VolumeMountSpec,
} from '../lib/gateway/gateway-pod-config';
import images from './lolice-images.json';

const STATE_DIR = '/home/node/.openclaw';
const DOTFILES_DIR = '/home/node/ghq/github.com/boxp/dotfiles';
/** Port of the board-server sidecar. */
export const BOARD_SERVER_PORT = 8080;

const NODE_USER: ContainerSecurityContextSpec = {
  runAsUser: 1000,
  runAsGroup: 1000,
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
};

const stateMount: VolumeMountSpec = { name: 'data', mountPath: STATE_DIR };
const ghqMount: VolumeMountSpec = { name: 'data', mountPath: '/home/node/ghq', subPath: 'ghq' };
const codexMount: VolumeMountSpec = { name: 'data', mountPath: '/home/node/.codex', subPath: 'codex' };
const configMount: VolumeMountSpec = { name: 'openclaw-config', mountPath: '/config', readOnly: true };
const dockerClientCertsMount: VolumeMountSpec = {
  name: 'docker-certs',
  mountPath: '/certs/client',
  subPath: 'client',
  readOnly: true,
};

function resources(requests: [string, string], limits: [string, string]) {
  return { requests: { cpu: requests[0], memory: requests[1] }, limits: { cpu: limits[0], memory: limits[1] } };
}

function healthz(initialDelaySeconds: number, periodSeconds: number) {
  return { httpGet: { path: '/healthz', port: BOARD_SERVER_PORT }, initialDelaySeconds, periodSeconds };
}

export const loliceGatewayPod: GatewayPodConfig = {
  fsGroup: 1000,
  nodeSelector: { 'kubernetes.io/arch': 'amd64' },
  initContainers: [
    {
      name: 'init-config',
      image: images.openclaw,
      comment: [
        'Copy config from ConfigMap to PVC.',
        'OpenClaw resolves ${VAR_NAME} in memory at config load time',
        'for top-level string values (e.g. tokens, apiKeys).',
      ].join('\n'),
      script: [
        `mkdir -p ${STATE_DIR}`,
        `cp /config/openclaw.json ${STATE_DIR}/openclaw.json`,
        'mkdir -p /home/node/.codex',
      ],
      securityContext: NODE_USER,
      volumeMounts: [configMount, stateMount, ghqMount, codexMount],
    },
    {
      name: 'init-dotfiles',
      image: images.openclaw,
      comment: 'Clone/update dotfiles and create symlink for .claude config',
      script: [
        `DOTFILES_DIR=${DOTFILES_DIR}`,
        'if [ -d "$DOTFILES_DIR/.git" ]; then',
        '  cd "$DOTFILES_DIR" && git checkout master && git pull origin master',
        'else',
        '  mkdir -p "$(dirname "$DOTFILES_DIR")"',
        '  git clone https://github.com/boxp/dotfiles.git "$DOTFILES_DIR"',
        'fi',
      ],
      securityContext: NODE_USER,
      volumeMounts: [ghqMount, stateMount],
    },
  ],
  gateway: {
    script: [
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
      'exec node dist/index.js gateway --bind lan --port 18789',
    ],
    envComments: {
      NODE_OPTIONS: [
        'Limit Node.js heap to prevent unbounded memory growth.',
        'Without this, Node.js may use up to 75% of the container',
        'memory limit (3 GiB of 4 GiB), causing pressure on the node.',
      ].join('\n'),
    },
    resources: resources(['500m', '1Gi'], ['2000m', '4Gi']),
    securityContext: { ...NODE_USER, readOnlyRootFilesystem: false, capabilities: { drop: ['ALL'] } },
    volumeMounts: [
      dockerClientCertsMount,
      { name: 'gh-wrapper', mountPath: '/opt/gh-wrapper', readOnly: true },
      stateMount,
      ghqMount,
      codexMount,
    ],
  },
  sidecars: [
    {
      name: 'config-manager',
      image: images.openclaw,
      comment: [
        'Config manager sidecar: periodically syncs ConfigMap to PVC',
        "so that OpenClaw's chokidar file watcher detects changes and",
        'hot-reloads configuration without Pod restart.',
      ].join('\n'),
      script: [
        `LAST_HASH=$(md5sum ${STATE_DIR}/openclaw.json 2>/dev/null | cut -d' ' -f1)`,
        'while true; do',
        "  CURRENT_HASH=$(md5sum /config/openclaw.json 2>/dev/null | cut -d' ' -f1)",
        '  if [ -n "$CURRENT_HASH" ] && [ "$CURRENT_HASH" != "$LAST_HASH" ]; then',
        `    if cp /config/openclaw.json ${STATE_DIR}/openclaw.json.tmp && \\`,
        `       mv ${STATE_DIR}/openclaw.json.tmp ${STATE_DIR}/openclaw.json; then`,
        '      echo "$(date -Iseconds) config synced (hash=$CURRENT_HASH)"',
        '      LAST_HASH="$CURRENT_HASH"',
        '    else',
        '      echo "$(date -Iseconds) config sync failed, will retry"',
        `      rm -f ${STATE_DIR}/openclaw.json.tmp`,
        '    fi',
        '  fi',
        '  sleep 60',
        'done',
      ],
      resources: resources(['10m', '32Mi'], ['50m', '64Mi']),
      securityContext: { ...NODE_USER, capabilities: { drop: ['ALL'] } },
      volumeMounts: [configMount, stateMount],
    },
    {
      name: 'dind',
      image: images.dind,
      comment: [
        'Docker-in-Docker sidecar for sandbox mode',
        'WARNING: privileged: true is required for DinD but carries container escape risk.',
        'Mitigations: NetworkPolicy blocks RFC1918, automountServiceAccountToken: false,',
        'consider dedicated node with taint/toleration for blast radius limitation.',
      ].join('\n'),
      script: [
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
      ],
      securityContext: { privileged: true },
      env: [{ name: 'DOCKER_TLS_CERTDIR', value: '/certs' }],
      resources: resources(['250m', '512Mi'], ['1000m', '2Gi']),
      volumeMounts: [
        { name: 'docker-certs', mountPath: '/certs' },
        { name: 'docker-data', mountPath: '/var/lib/docker' },
      ],
    },
    {
      name: 'board-server',
      image: images.boardServer,
      comment: 'board-server sidecar: serves board.md as a web page via nginx',
      ports: [BOARD_SERVER_PORT],
      resources: resources(['10m', '32Mi'], ['100m', '64Mi']),
      securityContext: {
        runAsUser: 101,
        runAsGroup: 101,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      },
      readinessProbe: healthz(2, 10),
      livenessProbe: healthz(5, 30),
      volumeMounts: [
        { name: 'data', mountPath: '/data', readOnly: true },
        {
          name: 'board-nginx-conf',
          mountPath: '/etc/nginx/conf.d/default.conf',
          subPath: 'nginx.conf',
          readOnly: true,
        },
        { name: 'board-html', mountPath: '/usr/share/nginx/html', readOnly: true },
      ],
    },
    {
      name: 'docker-gc',
      image: images.dockerCli,
      comment: [
        'Docker GC sidecar: periodically prunes unused Docker resources',
        '(stopped containers, dangling images, build cache) to prevent',
        'memory growth in the dind container.',
      ].join('\n'),
      script: [
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
      ],
      env: [
        { name: 'DOCKER_HOST', value: 'tcp://localhost:2376' },
        { name: 'DOCKER_TLS_VERIFY', value: '1' },
        { name: 'DOCKER_CERT_PATH', value: '/certs/client' },
      ],
      resources: resources(['10m', '32Mi'], ['50m', '64Mi']),
      securityContext: { runAsUser: 0, allowPrivilegeEscalation: false },
      volumeMounts: [dockerClientCertsMount],
    },
  ],
  volumes: [
    { name: 'docker-certs', emptyDir: {} },
    { name: 'docker-data', emptyDir: {} },
    { name: 'openclaw-config', openclawConfigMap: true },
    { name: 'gh-wrapper', configMap: { name: 'gh-wrapper', defaultMode: 0o555 } },
    { name: 'board-nginx-conf', configMap: { name: 'board-server-config-nginx' } },
    { name: 'board-html', configMap: { name: 'board-server-config-html' } },
    { name: 'data', persistentVolumeClaim: { claimName: 'openclaw-data' } },
  ],
};
