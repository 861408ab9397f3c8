/**
 * The SSRF guard model as a webhook refusal shows it: each blocked range and each IPv6 form that
 * embeds an IPv4 address is named in the reason, and each kind of host is classified whole
 * (blocked, inside the cluster, the pod itself). The hosts and ranges are those of the guard's
 * documentation in `lib/cron/ssrf-guard.ts`, checked against the real release by the differential
 * tests.
 */
import { classifyWebhookHost, normalizeWebhookHost, unreadableAddressReason } from '../../lib/cron/ssrf-guard';

const reasonOf = (host: string): string | undefined => classifyWebhookHost(host).reason;

describe('the reason names the blocked range', () => {
  it.each([
    ['0.1.2.3', 'address 0.1.2.3 is in 0.0.0.0/8 ("this network")'],
    ['10.1.2.3', 'address 10.1.2.3 is in 10.0.0.0/8 (private (RFC 1918))'],
    ['127.0.0.2', 'address 127.0.0.2 is in 127.0.0.0/8 (loopback)'],
    ['169.254.169.254', 'address 169.254.169.254 is in 169.254.0.0/16 (link-local / cloud metadata)'],
    ['172.16.0.1', 'address 172.16.0.1 is in 172.16.0.0/12 (private (RFC 1918))'],
    ['192.168.0.1', 'address 192.168.0.1 is in 192.168.0.0/16 (private (RFC 1918))'],
    ['100.64.0.1', 'address 100.64.0.1 is in 100.64.0.0/10 (carrier-grade NAT (RFC 6598))'],
    ['[::1]', 'address ::1 is in ::1/128 (loopback)'],
    ['[::]', 'address :: is in ::/128 (unspecified)'],
    ['[fe80::1]', 'address fe80::1 is in fe80::/10 (link-local)'],
    ['[fec0::1]', 'address fec0::1 is in fec0::/10 (site-local)'],
    ['[fd00::1]', 'address fd00::1 is in fc00::/7 (unique local)'],
  ])('%s: %s', (host, reason) => {
    expect(reasonOf(host)).toBe(reason);
  });

  it.each([
    ['[::ffff:10.0.0.1]', '::ffff:a00:1', 'IPv4-mapped'],
    ['[64:ff9b::a00:1]', '64:ff9b::a00:1', 'NAT64'],
    ['[64:ff9b:1::a00:1]', '64:ff9b:1::a00:1', 'local-use NAT64'],
    ['[2002:a00:1::]', '2002:a00:1::', '6to4'],
    ['[2001:0:4136:e378:8000:63bf:f5ff:fffe]', '2001:0:4136:e378:8000:63bf:f5ff:fffe', 'Teredo'],
    ['[2001:db8::5efe:a00:1]', '2001:db8::5efe:a00:1', 'ISATAP'],
    ['[::a00:1]', '::a00:1', 'IPv4-compatible'],
  ])('%s embeds 10.0.0.1 as %s', (host, shown, form) => {
    expect(reasonOf(host)).toBe(
      `address ${shown} is in 10.0.0.0/8 (embedded as ${form} 10.0.0.1) (${form} private (RFC 1918))`,
    );
  });
});

describe('classification by kind of host', () => {
  it('a name with an empty label is unreadable, blocked and not the pod itself', () => {
    expect(classifyWebhookHost('a..example.com')).toEqual({
      host: 'a..example.com',
      kind: 'invalid-address',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason:
        '"a..example.com" has an empty label (two dots in a row, or a dot at the start, or more than one at the end): OpenClaw\'s webhook path blocks such a name; write the host without them',
    });
  });

  it('an unparsable IPv6 literal is unreadable, blocked and not the pod itself', () => {
    expect(classifyWebhookHost('[1:2:3]')).toEqual({
      host: '1:2:3',
      kind: 'invalid-address',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason:
        '"1:2:3" contains ":" but is not a valid IPv6 address; the guard refuses any IPv6 literal it cannot parse',
    });
  });

  it('public addresses and names pass, outside the cluster', () => {
    const open = { blockedBySsrfGuard: false, internal: false, loopback: false };
    expect(classifyWebhookHost('8.8.8.8')).toEqual({ host: '8.8.8.8', kind: 'public-address', ...open });
    expect(classifyWebhookHost(' Example.COM ')).toEqual({ host: 'example.com', kind: 'public-hostname', ...open });
  });

  it('a single label of letters is an in-cluster Service, blocked after DNS resolution', () => {
    expect(classifyWebhookHost('receiver')).toEqual({
      host: 'receiver',
      kind: 'cluster-service',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason:
        '"receiver" is an in-cluster Service name; it resolves to a ClusterIP, which lies in a private range the guard blocks after DNS resolution',
    });
  });

  it('<name>.default is an in-cluster Service, as every cluster has that namespace', () => {
    expect(classifyWebhookHost('rx.default').kind).toBe('cluster-service');
    expect(classifyWebhookHost('rx.ns').kind).toBe('public-hostname');
  });

  it('names under .localhost and localhost.localdomain are the pod itself; other blocked names are not', () => {
    expect(classifyWebhookHost('app.localhost')).toMatchObject({ kind: 'blocked-hostname', loopback: true });
    expect(classifyWebhookHost('localhost.localdomain')).toMatchObject({ kind: 'blocked-hostname', loopback: true });
    expect(classifyWebhookHost('db.corp.internal')).toMatchObject({
      kind: 'blocked-hostname',
      internal: true,
      loopback: false,
    });
  });
});

describe('unreadable numeric forms', () => {
  it('names an empty label and a short hex form; a name with letters is not numeric', () => {
    expect(unreadableAddressReason('a..b')).toBe(
      '"a..b" has an empty label; the guard refuses it as a malformed IPv4 literal',
    );
    expect(unreadableAddressReason('0x7f.1')).toBe(
      '"0x7f.1" is a numeric IPv4 form other than a canonical dotted quad (decimal, octal, hex or short); the guard refuses every such form',
    );
    expect(unreadableAddressReason('a.1')).toBeUndefined();
    expect(unreadableAddressReason('1a.2')).toBeUndefined();
    expect(unreadableAddressReason('x0x.1')).toBeUndefined();
    expect(unreadableAddressReason('a1.2')).toBeUndefined();
  });

  it('leaves more than four numeric parts to the name rules', () => {
    expect(unreadableAddressReason('1.2.3.4.5')).toBeUndefined();
  });

  it('normalizes a host with surrounding blanks', () => {
    expect(normalizeWebhookHost(' [FE80::1] ')).toBe('fe80::1');
    expect(normalizeWebhookHost('[::1')).toBe('[::1');
    expect(normalizeWebhookHost('::1]')).toBe('::1]');
  });
});
