import { IpAddress } from '../../lib/endpoints/ip-address';
import {
  classifyWebhookHost,
  findBlockedAddressRange,
  normalizeWebhookHost,
  type WebhookHostKind,
} from '../../lib/cron/ssrf-guard';

const services = [{ name: 'cron-receiver', namespace: 'monitoring' }];

describe('classifyWebhookHost', () => {
  it.each<[string, WebhookHostKind, boolean]>([
    // host, kind, blocked by the v2026.2.19 guard
    ['cron.example.com', 'public-hostname', false],
    ['hooks.example.dev', 'public-hostname', false],
    ['8.8.8.8', 'public-address', false],
    ['[2606:4700::1111]', 'public-address', false],
    ['100.63.255.255', 'public-address', false],
    ['100.128.0.0', 'public-address', false],
    ['172.32.0.1', 'public-address', false],
    ['0.0.0.0', 'private-address', true],
    ['0.1.2.3', 'private-address', true],
    ['10.0.0.5', 'private-address', true],
    ['127.0.0.1', 'private-address', true],
    ['127.255.0.9', 'private-address', true],
    ['169.254.169.254', 'private-address', true],
    ['172.16.0.1', 'private-address', true],
    ['172.31.255.255', 'private-address', true],
    ['192.168.1.1', 'private-address', true],
    ['100.64.0.1', 'private-address', true],
    ['100.127.255.255', 'private-address', true],
    ['[::1]', 'private-address', true],
    ['[::]', 'private-address', true],
    ['[fe80::1]', 'private-address', true],
    ['[febf::1]', 'private-address', true],
    ['[fec0::1]', 'private-address', true],
    ['[fc00::1]', 'private-address', true],
    ['[fd12:3456::1]', 'private-address', true],
    ['[::ffff:7f00:1]', 'private-address', true],
    ['[::ffff:10.1.2.3]', 'private-address', true],
    ['[::ffff:8.8.8.8]', 'public-address', false],
    ['[64:ff9b::c0a8:101]', 'private-address', true],
    ['[2002:a00:1::]', 'private-address', true],
    ['localhost', 'blocked-hostname', true],
    ['LOCALHOST.', 'blocked-hostname', true],
    ['localhost.localdomain', 'blocked-hostname', true],
    ['metadata.google.internal', 'blocked-hostname', true],
    ['app.localhost', 'blocked-hostname', true],
    ['printer.local', 'blocked-hostname', true],
    ['db.corp.internal', 'blocked-hostname', true],
    ['cron-receiver', 'cluster-service', true],
    ['cron-receiver.monitoring', 'cluster-service', true],
    ['cron-receiver.monitoring.svc', 'cluster-service', true],
    ['cron-receiver.monitoring.svc.cluster.local', 'cluster-service', true],
    ['other.ns.svc.cluster.local', 'cluster-service', true],
    ['10-1-2-3.ns.pod.cluster.local', 'cluster-service', true],
  ])('%s is %s (blocked: %s)', (host, kind, blocked) => {
    const c = classifyWebhookHost(host, { clusterServices: services });
    expect(c.kind).toBe(kind);
    expect(c.blockedBySsrfGuard).toBe(blocked);
    expect(c.internal).toBe(blocked);
    expect(c.reason !== undefined).toBe(blocked);
  });

  it('recognises names under a custom cluster domain that the name blocklist would miss', () => {
    const c = classifyWebhookHost('rx.ns.svc.k8s.example', { clusterDomain: 'k8s.example' });
    expect(c.kind).toBe('cluster-service');
    expect(c.blockedBySsrfGuard).toBe(true);
    expect(c.reason).toContain('ClusterIP');
    // with the default domain the same name looks public
    expect(classifyWebhookHost('rx.ns.svc2.k8s.example').kind).toBe('public-hostname');
  });

  it('treats name.namespace as in-cluster for known namespaces (example.com stays public)', () => {
    expect(classifyWebhookHost('cron-receiver.monitoring').kind).toBe('public-hostname');
    expect(classifyWebhookHost('anything.monitoring', { clusterServices: services }).kind).toBe('cluster-service');
    expect(classifyWebhookHost('rx.openclaw', { clusterNamespaces: ['openclaw'] }).kind).toBe('cluster-service');
    expect(classifyWebhookHost('dns.kube-system').kind).toBe('cluster-service');
    expect(classifyWebhookHost('example.com', { clusterServices: services }).kind).toBe('public-hostname');
    expect(classifyWebhookHost('a.b.monitoring', { clusterServices: services }).kind).toBe('public-hostname');
  });

  it('treats a name whose last label cannot be a public TLD as in-cluster', () => {
    expect(classifyWebhookHost('rx.my-namespace').kind).toBe('cluster-service');
    expect(classifyWebhookHost('rx.ns2').kind).toBe('cluster-service');
    expect(classifyWebhookHost('10-0-0-1.ns.pod').kind).toBe('cluster-service');
    expect(classifyWebhookHost('example.xn--p1ai').kind).toBe('public-hostname');
  });

  it.each([
    ['[64:ff9b:1::a00:1]', 'local-use NAT64'],
    ['[2001:db8::5efe:a00:1]', 'ISATAP'],
    ['[2001:db8::200:5efe:c0a8:1]', 'ISATAP'],
    ['[2002:808:808::5efe:a00:1]', 'ISATAP'],
  ])('blocks %s (embedded private IPv4 as %s)', (host, form) => {
    const c = classifyWebhookHost(host);
    expect(c.blockedBySsrfGuard).toBe(true);
    expect(c.reason).toContain(`embedded as ${form}`);
  });

  it.each([
    ['167772161', 'numeric IPv4 form'],
    ['0x7f.1', 'numeric IPv4 form'],
    ['010.0.0.1', 'numeric IPv4 form'],
    ['8.8.8', 'numeric IPv4 form'],
    ['a..example.com', 'empty label'],
    ['localhost..', 'empty label'],
    ['[1:2:3]', 'not a valid IPv6 address'],
    ['fe80::1%eth0', 'not a valid IPv6 address'],
  ])('refuses the unreadable host %s like the guard does', (host, why) => {
    const c = classifyWebhookHost(host);
    expect(c.kind).toBe('invalid-address');
    expect(c.blockedBySsrfGuard).toBe(true);
    expect(c.reason).toContain(why);
  });

  it('explains why a name is blocked', () => {
    expect(classifyWebhookHost('rx.ns.svc.cluster.local').reason).toBe(
      'hostname "rx.ns.svc.cluster.local" ends in ".local", which the guard blocks by name',
    );
    expect(classifyWebhookHost('10.1.2.3').reason).toBe('address 10.1.2.3 is in 10.0.0.0/8 (private (RFC 1918))');
    expect(classifyWebhookHost('localhost').reason).toBe(`hostname "localhost" is on the guard's blocklist`);
  });

  it('marks loopback targets (same pod) separately from other private targets', () => {
    expect(classifyWebhookHost('127.0.0.1').loopback).toBe(true);
    expect(classifyWebhookHost('[::1]').loopback).toBe(true);
    expect(classifyWebhookHost('[::ffff:127.0.0.1]').loopback).toBe(true);
    expect(classifyWebhookHost('localhost').loopback).toBe(true);
    expect(classifyWebhookHost('10.0.0.1').loopback).toBe(false);
    expect(classifyWebhookHost('cron-receiver').loopback).toBe(false);
  });
});

describe('findBlockedAddressRange', () => {
  it('names the embedded IPv4 address of IPv6 forms', () => {
    expect(findBlockedAddressRange(IpAddress.parse('::ffff:192.168.0.1'))).toEqual({
      range: '192.168.0.0/16 (embedded as IPv4-mapped 192.168.0.1)',
      label: 'IPv4-mapped private (RFC 1918)',
    });
  });

  it('decodes the inverted client address of Teredo', () => {
    // client 10.0.0.1 is stored inverted: f5ff:fffe
    expect(findBlockedAddressRange(IpAddress.parse('2001:0:4136:e378:8000:63bf:f5ff:fffe'))?.range).toContain(
      '10.0.0.0/8',
    );
    expect(findBlockedAddressRange(IpAddress.parse('2001:0:4136:e378:8000:63bf:f7f7:f7f7'))).toBeUndefined();
  });

  it('lets public addresses through', () => {
    expect(findBlockedAddressRange(IpAddress.parse('1.1.1.1'))).toBeUndefined();
    expect(findBlockedAddressRange(IpAddress.parse('2001:db8::1'))).toBeUndefined();
  });
});

describe('normalizeWebhookHost', () => {
  it('lower-cases and strips one trailing dot, then brackets', () => {
    expect(normalizeWebhookHost('[FE80::1]')).toBe('fe80::1');
    expect(normalizeWebhookHost('[FE80::1].')).toBe('fe80::1');
    expect(normalizeWebhookHost('Example.COM.')).toBe('example.com');
  });
});
