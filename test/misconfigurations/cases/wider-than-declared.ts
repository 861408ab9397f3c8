/** Rules that would allow more than declared: empty port lists and selectors, peers that match nothing. */
import type { MisconfigurationCase } from '../misconfiguration-case';
import { job, untyped } from '../misconfiguration-case';

const network = (c: Parameters<MisconfigurationCase['variant']>[0]) => {
  if (!c.network) throw new Error('default config has no network section');
  return c.network as unknown as {
    externalEgressPorts: number[];
    urlEnvVars: string[];
    clusterServices: {
      name: string;
      namespace: string;
      podLabels: Record<string, string>;
      ports: { port: number; targetPort: number }[];
    }[];
  };
};

export const widerThanDeclaredCases: readonly MisconfigurationCase[] = [
  {
    id: 'egress-ports-empty',
    title: 'an empty externalEgressPorts list (would open every port to the internet)',
    rule: 'egress-ports-nonempty',
    object: 'config.network.externalEgressPorts',
    fix: /list the ports/,
    variant: (c) => {
      network(c).externalEgressPorts = [];
    },
  },
  {
    id: 'service-pod-labels-empty',
    title: 'a Service with empty podLabels (an empty selector is every pod)',
    rule: 'pod-selector-nonempty',
    object: 'config.network.clusterServices[1].podLabels',
    fix: /add the labels of the pods/,
    variant: (c) => {
      network(c).clusterServices[1].podLabels = {};
    },
  },
  {
    id: 'service-ports-empty',
    title: 'a Service with no ports (a rule without ports allows every port)',
    rule: 'service-ports-nonempty',
    object: 'config.network.clusterServices[0].ports',
    fix: /list the ports the Service exposes/,
    variant: (c) => {
      network(c).clusterServices[0].ports = [];
    },
  },
  {
    id: 'url-env-var-typo',
    title: 'a urlEnvVars name that matches no env var (its rule would be dropped)',
    rule: 'url-env-var-defined',
    object: 'config.network.urlEnvVars[1] (GRAFNA_URL)',
    fix: /add GRAFNA_URL to gatewayLiteralEnv or fix the name/,
    variant: (c) => {
      network(c).urlEnvVars = ['GRAFANA_URL', 'GRAFNA_URL'];
    },
  },
  {
    id: 'url-env-var-lowercase',
    title: 'a urlEnvVars name in the wrong case',
    rule: 'url-env-var-defined',
    object: 'config.network.urlEnvVars[0] (grafana_url)',
    fix: /fix the name/,
    variant: (c) => {
      network(c).urlEnvVars = ['grafana_url'];
    },
  },
  {
    id: 'url-env-var-secret',
    title: 'a urlEnvVars name that is a secret env var (its URL cannot be read at synth)',
    rule: 'url-env-var-defined',
    object: 'config.network.urlEnvVars[1] (GITHUB_TOKEN)',
    fix: /make the URL a gatewayLiteralEnv entry or remove GITHUB_TOKEN/,
    variant: (c) => {
      network(c).urlEnvVars = ['GRAFANA_URL', 'GITHUB_TOKEN'];
    },
  },
  {
    id: 'receiver-pod-labels-empty',
    title: 'a cron receiver with empty podLabels',
    rule: 'pod-selector-nonempty',
    object: 'config.cronJobs[0].receiver.podLabels',
    fix: /add the labels of the pods/,
    variant: (c) => {
      job(c).receiver = { namespace: 'cron', podLabels: {}, port: 8080 };
    },
  },
  {
    id: 'receiver-port-zero',
    title: 'a cron receiver on port 0',
    rule: 'config-range',
    object: 'config.cronJobs[0].receiver.port',
    fix: /fix the value/,
    variant: (c) => {
      job(c).receiver = { namespace: 'cron', podLabels: { app: 'cron-receiver' }, port: 0 };
    },
  },
  {
    id: 'egress-port-zero',
    title: 'port 0 in externalEgressPorts',
    rule: 'config-range',
    object: 'config.network.externalEgressPorts[0]',
    fix: /fix the value/,
    variant: (c) => {
      network(c).externalEgressPorts = [0, 443];
    },
  },
  {
    id: 'egress-port-too-big',
    title: 'port 70000 in externalEgressPorts',
    rule: 'config-range',
    object: 'config.network.externalEgressPorts[1]',
    fix: /fix the value/,
    variant: (c) => {
      network(c).externalEgressPorts = [443, 70000];
    },
  },
  {
    id: 'egress-port-fraction',
    title: 'a fractional port',
    rule: 'config-shape',
    object: 'config.network.externalEgressPorts[0]',
    fix: /set it to an integer/,
    variant: (c) => {
      network(c).externalEgressPorts = [443.5];
    },
  },
  {
    id: 'service-listed-twice',
    title: 'a Service listed twice in the service table',
    rule: 'service-table-unique',
    object: 'config.network.clusterServices[4] (grafana.monitoring)',
    fix: /merge the entries/,
    variant: (c) => {
      network(c).clusterServices.push({ ...network(c).clusterServices[0], podLabels: { app: 'grafana' } });
    },
  },
  {
    id: 'service-label-key-invalid',
    title: 'a podLabels key Kubernetes rejects',
    rule: 'k8s-label',
    object: 'config.network.clusterServices[0].podLabels["app name"]',
    fix: /fix the key/,
    variant: (c) => {
      network(c).clusterServices[0].podLabels = { 'app name': 'grafana' };
    },
  },
  {
    id: 'service-label-value-invalid',
    title: 'a podLabels value Kubernetes rejects',
    rule: 'k8s-label',
    object: 'config.network.clusterServices[1].podLabels.app',
    fix: /fix the value/,
    variant: (c) => {
      network(c).clusterServices[1].podLabels = { app: 'lite llm!' };
    },
  },
  {
    id: 'receiver-namespace-empty',
    title: 'a cron receiver with an empty namespace',
    rule: 'k8s-name',
    object: 'config.cronJobs[0].receiver.namespace',
    fix: /rename it/,
    variant: (c) => {
      job(c).receiver = { namespace: '', podLabels: { app: 'r' }, port: 8080 };
    },
  },
  {
    id: 'service-target-port-string',
    title: 'a targetPort written as a string',
    rule: 'config-shape',
    object: 'config.network.clusterServices[0].ports[0].targetPort',
    fix: /set it to a number/,
    variant: (c) => {
      network(c).clusterServices[0].ports[0].targetPort = untyped<number>('3000');
    },
  },
];
