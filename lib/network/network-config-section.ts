/**
 * The network section of the config: the Service table, ingress, egress ports, URL env vars, and the
 * rules that relate them to the env and openclaw.json. `config/` composes it into the whole config.
 */
import { z } from 'zod';
import type { ConfigProblem } from '../core/config-problem';
import { dns1035Label, dns1123Label, dns1123Subdomain } from '../core/formats';
import { checked, envName, firstOf, namespaceName, nonEmptyPorts, podLabels, port, trimmed } from '../core/zod-checks';
import type { GatewayNetworkConfig } from '../endpoints/network-peers';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import type { LiteralEnvVar, SecretDeclaration } from '../secrets/secret-declaration';
import { secretOfEnv } from '../secrets/secrets-config-section';

const clusterServiceSchema = z.strictObject({
  name: checked(
    'k8s-name',
    firstOf(trimmed('a Service name'), (v) => dns1035Label(v, 'a Service name')),
  ),
  namespace: namespaceName,
  podLabels: podLabels.readonly(),
  ports: z
    .array(z.strictObject({ port, targetPort: port }))
    .readonly()
    .superRefine(
      nonEmptyPorts(
        'service-ports-nonempty',
        'received an empty port list, expected at least one {port, targetPort}: ' +
          'a NetworkPolicy rule without ports allows every port; list the ports ' +
          'the Service exposes',
      ),
    ),
  description: z.string(),
});

/** The network section (`GatewayNetworkConfig`). */
export const networkSchema = z.strictObject({
  clusterServices: z.array(clusterServiceSchema).readonly().optional(),
  litellmPolicy: z.boolean().optional(),
  ingress: z.enum(['cloudflared', 'none']).optional(),
  clusterDomain: checked(
    'k8s-name',
    firstOf(trimmed('a cluster domain'), (v) => dns1123Subdomain(v, 'a cluster domain')),
  ).optional(),
  externalEgressPorts: z
    .array(port)
    .readonly()
    .superRefine(
      nonEmptyPorts(
        'egress-ports-nonempty',
        'received an empty port list, expected at least one TCP port: a ' +
          'NetworkPolicy rule without ports opens every port to 0.0.0.0/0 and ' +
          '::/0; list the ports (e.g. [80, 443]), or omit the field for the default',
      ),
    )
    .optional(),
  urlEnvVars: z.array(envName).readonly().optional(),
});

/** What the network section needs from the rest of the config. */
export interface NetworkRulesInput {
  readonly network: GatewayNetworkConfig | undefined;
  readonly secrets: readonly SecretDeclaration[];
  readonly literalEnv: readonly LiteralEnvVar[];
  readonly document: OpenClawConfigDocument;
}

/** URL env vars are literal, the Service table has one entry per Service, Service-looking hosts are valid. */
export function networkProblems(input: NetworkRulesInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const network = input.network ?? {};
  const literalNames = new Set(input.literalEnv.map((e) => e.name));
  (network.urlEnvVars ?? []).forEach((name, index) => {
    if (!literalNames.has(name)) {
      const secret = secretOfEnv(input.secrets, name) !== undefined;
      problems.push({
        rule: 'url-env-var-defined',
        object: `config.network.urlEnvVars[${index}] (${name})`,
        message: secret
          ? `names an env var that comes from a Secret, expected a literal env var ` +
            `whose URL can be read at synth: no egress rule can be derived; make the ` +
            `URL a gatewayLiteralEnv entry or remove ${name} from urlEnvVars`
          : `names no env var of container openclaw (literal env: ` +
            `${[...literalNames].sort().join(', ') || 'none'}), expected a literal ` +
            `env var holding a URL (its egress rule would be silently dropped): add ` +
            `${name} to gatewayLiteralEnv or fix the name`,
      });
    }
  });
  const seen = new Set<string>();
  (network.clusterServices ?? []).forEach((service, index) => {
    const id = `${service.name}.${service.namespace}`;
    if (seen.has(id)) {
      problems.push({
        rule: 'service-table-unique',
        object: `config.network.clusterServices[${index}] (${id})`,
        message: 'is listed twice, expected one entry per Service (only the first would be used): merge the entries',
      });
    }
    seen.add(id);
  });
  // URLs the gateway calls: a Service-looking host with an invalid namespace or name is a typo,
  // not a Service missing from the table.
  const urls: [string, string][] = [];
  for (const [id, provider] of Object.entries(input.document.models?.providers ?? {})) {
    if (typeof provider?.baseUrl === 'string')
      urls.push([`config.openclawConfig.models.providers.${id}.baseUrl`, provider.baseUrl]);
  }
  const endpoint = input.document.diagnostics?.otel?.endpoint;
  if (typeof endpoint === 'string') urls.push(['config.openclawConfig.diagnostics.otel.endpoint', endpoint]);
  for (const literal of input.literalEnv) {
    if ((network.urlEnvVars ?? ['GRAFANA_URL']).includes(literal.name))
      urls.push([`env ${literal.name}`, literal.value]);
  }
  for (const [object, url] of urls) {
    if (url !== url.trim()) {
      problems.push({
        rule: 'normalised-value',
        object,
        message:
          `received a URL with whitespace at the start or end, expected none: the ` +
          `egress rule is derived from the trimmed URL but the value is written as ` +
          `is; remove the whitespace`,
      });
      continue;
    }
    problems.push(...serviceHostProblems(object, url, network.clusterDomain ?? 'cluster.local'));
  }
  return problems;
}

function serviceHostProblems(object: string, url: string, clusterDomain: string): ConfigProblem[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return [];
  }
  const labels = host.split('.');
  const rest = labels.slice(2).join('.');
  if (labels.length < 3 || (rest !== 'svc' && rest !== `svc.${clusterDomain}`)) return [];
  const [service, namespace] = labels as [string, string];
  const problem = dns1123Label(namespace, 'a namespace') ?? dns1123Label(service, 'a Service name');
  if (problem === undefined) return [];
  const which = dns1123Label(namespace, 'x') !== undefined ? `namespace "${namespace}"` : `Service name "${service}"`;
  return [
    {
      rule: 'service-host-name',
      object,
      message:
        `host "${host}" has ${which}, which no Service can have (` +
        `${problem.replace(/^received "[^"]*", /, '')}); fix the host in the URL ` +
        `— adding it to the service table would not help`,
    },
  ];
}
