/**
 * The containers and volumes of the gateway pod as lolice runs them (lolice-arch.md §1.4).
 *
 * RECONSTRUCTED: the facts describe what each init container and sidecar script does, not its
 * exact text; the shell scripts below do exactly that. Images, users, capabilities, resources,
 * ports, probes, mounts and volumes are as the facts state them. Compare the scripts once with
 * lolice's deployment-openclaw.yaml.
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

function script(lines: readonly string[]): string[] {
  return ['sh', '-c', lines.join('\n')];
}

const stateMount: k8s.VolumeMount = { name: GatewayVolume.DATA, mountPath: OPENCLAW_STATE_DIR };
const ghqMount: k8s.VolumeMount = { name: GatewayVolume.DATA, mountPath: '/home/node/ghq', subPath: 'ghq' };

export function imageOf(image: ImageReference): string {
  return `${image.repository}:${image.tag}`;
}

/** Copies the ConfigMap's openclaw.json onto the PVC (the gateway reads and may write the PVC copy). */
export function initConfigContainer(image: ImageReference): k8s.Container {
  return {
    name: 'init-config',
    image: imageOf(image),
    command: script([
      'set -eu',
      `mkdir -p ${OPENCLAW_STATE_DIR}`,
      `cp /config/openclaw.json ${OPENCLAW_STATE_DIR}/openclaw.json`,
      'mkdir -p /home/node/.codex',
    ]),
    securityContext: { ...NODE_USER },
    volumeMounts: [stateMount, { name: GatewayVolume.OPENCLAW_CONFIG, mountPath: '/config', readOnly: true }],
  };
}

/** Clones or pulls github.com/boxp/dotfiles into the ghq tree on the PVC. */
export function initDotfilesContainer(image: ImageReference): k8s.Container {
  const dir = '/home/node/ghq/github.com/boxp/dotfiles';
  return {
    name: 'init-dotfiles',
    image: imageOf(image),
    command: script([
      'set -eu',
      `if [ -d ${dir}/.git ]; then`,
      `  git -C ${dir} pull --ff-only || echo "init-dotfiles: pull failed, keeping the existing checkout"`,
      'else',
      `  mkdir -p $(dirname ${dir})`,
      `  git clone https://github.com/boxp/dotfiles.git ${dir}`,
      'fi',
    ]),
    securityContext: { ...NODE_USER },
    volumeMounts: [stateMount, ghqMount],
  };
}

/** The gateway itself. */
export function gatewayContainer(image: ImageReference, env: k8s.EnvVar[]): k8s.Container {
  return {
    name: GATEWAY_CONTAINER_NAME,
    image: imageOf(image),
    command: script([
      'set -eu',
      'mkdir -p /home/node/.claude',
      'for f in /home/node/ghq/github.com/boxp/dotfiles/.claude/*; do [ -e "$f" ] && ln -sfn "$f" /home/node/.claude/; done',
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
      stateMount,
      ghqMount,
      { name: GatewayVolume.DATA, mountPath: '/home/node/.codex', subPath: 'codex' },
      { name: GatewayVolume.DOCKER_CERTS, mountPath: '/certs/client', subPath: 'client', readOnly: true },
      { name: GatewayVolume.GH_WRAPPER, mountPath: '/opt/gh-wrapper', readOnly: true },
    ],
  };
}

/** Every 60 s, copies a changed ConfigMap openclaw.json atomically onto the PVC (chokidar hot-reloads it). */
export function configManagerContainer(image: ImageReference): k8s.Container {
  const target = `${OPENCLAW_STATE_DIR}/openclaw.json`;
  return {
    name: 'config-manager',
    image: imageOf(image),
    command: script([
      'while true; do',
      '  if [ -f /config/openclaw.json ]; then',
      "    want=$(md5sum /config/openclaw.json | cut -d' ' -f1)",
      `    have=$(md5sum ${target} 2>/dev/null | cut -d' ' -f1 || true)`,
      '    if [ "$want" != "$have" ]; then',
      `      cp /config/openclaw.json ${target}.tmp && mv ${target}.tmp ${target}`,
      '      echo "config-manager: openclaw.json updated from the ConfigMap"',
      '    fi',
      '  fi',
      '  sleep 60',
      'done',
    ]),
    resources: resources(['10m', '32Mi'], ['50m', '64Mi']),
    securityContext: { ...NODE_USER, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: GatewayVolume.OPENCLAW_CONFIG, mountPath: '/config', readOnly: true }, stateMount],
  };
}

/** Docker daemon for the agent's tools (TLS certs shared through `docker-certs`). */
export function dindContainer(): k8s.Container {
  return {
    name: 'dind',
    image: SidecarImage.DIND,
    command: script([
      'set -eu',
      'mkdir -p /etc/docker',
      `echo '{"storage-driver":"overlay2","log-driver":"json-file","log-opts":{"max-size":"10m","max-file":"3"}}' > /etc/docker/daemon.json`,
      'exec dockerd-entrypoint.sh',
    ]),
    env: [{ name: 'DOCKER_TLS_CERTDIR', value: '/certs' }],
    resources: resources(['250m', '512Mi'], ['1', '2Gi']),
    securityContext: { privileged: true },
    volumeMounts: [
      { name: GatewayVolume.DOCKER_CERTS, mountPath: '/certs' },
      { name: GatewayVolume.DOCKER_DATA, mountPath: '/var/lib/docker' },
    ],
  };
}

/** nginx serving board.md from the PVC. */
export function boardServerContainer(): k8s.Container {
  const probe: k8s.Probe = { httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(BOARD_SERVER_PORT) } };
  return {
    name: 'board-server',
    image: SidecarImage.BOARD_SERVER,
    ports: [{ containerPort: BOARD_SERVER_PORT }],
    readinessProbe: probe,
    livenessProbe: probe,
    securityContext: {
      runAsUser: 101,
      runAsGroup: 101,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [
      { name: GatewayVolume.BOARD_NGINX_CONF, mountPath: '/etc/nginx/conf.d', readOnly: true },
      { name: GatewayVolume.BOARD_HTML, mountPath: '/usr/share/nginx/html', readOnly: true },
      { name: GatewayVolume.DATA, mountPath: '/data', readOnly: true },
    ],
  };
}

/** Prunes the dind daemon every 30 minutes. */
export function dockerGcContainer(): k8s.Container {
  return {
    name: 'docker-gc',
    image: SidecarImage.DOCKER_CLI,
    command: script([
      'while true; do',
      '  docker system prune -af --volumes || echo "docker-gc: prune failed, retrying later"',
      '  sleep 1800',
      'done',
    ]),
    env: DOCKER_CLIENT_ENV,
    securityContext: { runAsUser: 0, allowPrivilegeEscalation: false },
    volumeMounts: [{ name: GatewayVolume.DOCKER_CERTS, mountPath: '/certs/client', subPath: 'client', readOnly: true }],
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
