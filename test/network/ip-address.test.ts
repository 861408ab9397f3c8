import { IpAddress, IpCidr } from '../../lib/endpoints/ip-address';

describe('IpAddress', () => {
  test('parses IPv4 dotted quads to their integer value', () => {
    expect(IpAddress.parse('0.0.0.0').value).toBe(0n);
    expect(IpAddress.parse('255.255.255.255').value).toBe(0xffffffffn);
    expect(IpAddress.parse('10.1.2.3').value).toBe(0x0a010203n);
    expect(IpAddress.parse(' 192.168.10.88 ').toString()).toBe('192.168.10.88');
    expect(IpAddress.parse('8.8.8.8').family).toBe(4);
  });

  test('parses IPv6 in full, compressed and IPv4-suffixed forms', () => {
    expect(IpAddress.parse('::').value).toBe(0n);
    expect(IpAddress.parse('::1').value).toBe(1n);
    expect(IpAddress.parse('2001:db8::1').value).toBe((0x20010db8n << 96n) | 1n);
    expect(IpAddress.parse('2001:0DB8:0000:0000:0000:0000:0000:0001').toString()).toBe('2001:db8::1');
    expect(IpAddress.parse('fe80::').toString()).toBe('fe80::');
    expect(IpAddress.parse('::ffff:192.0.2.1').value).toBe((0xffffn << 32n) | 0xc0000201n);
    expect(IpAddress.parse('0:0:0:0:0:ffff:192.0.2.1').toString()).toBe('::ffff:c000:201');
    expect(IpAddress.parse('::ffff:192.0.2.1').family).toBe(6);
  });

  test('formats IPv6 per RFC 5952 (longest zero run, first on ties, no single-group compression)', () => {
    expect(IpAddress.parse('1:0:0:2:0:0:0:3').toString()).toBe('1:0:0:2::3');
    expect(IpAddress.parse('1:0:0:2:0:0:3:4').toString()).toBe('1::2:0:0:3:4');
    expect(IpAddress.parse('1:2:3:4:5:6:0:8').toString()).toBe('1:2:3:4:5:6:0:8');
  });

  test.each([
    ['256.0.0.1'],
    ['10.0.0'],
    ['10.0.0.1.2'],
    ['010.0.0.1'],
    ['10.0.0.-1'],
    ['a.b.c.d'],
    [''],
    ['1:2:3:4:5:6:7'],
    ['1:2:3:4:5:6:7:8:9'],
    ['1::2::3'],
    ['12345::1'],
    ['fe80::1%eth0'],
    ['1.2.3.4::'],
    ['::1.2.3'],
    ['10.0.0.0/8'],
    [':1:2:3:4:5:6:7'],
  ])('fails to parse %j', (text) => {
    expect(() => IpAddress.parse(text)).toThrow(/is not a valid IPv/);
    expect(IpAddress.isValid(text)).toBe(false);
  });
});

describe('IpCidr', () => {
  test('contains addresses inside the prefix and not outside', () => {
    const block = IpCidr.parse('172.16.0.0/12');
    expect(block.contains('172.16.0.1')).toBe(true);
    expect(block.contains('172.31.255.255')).toBe(true);
    expect(block.contains('172.32.0.0')).toBe(false);
    expect(block.contains('172.15.255.255')).toBe(false);
  });

  test('/32 contains exactly one address and /0 contains every address of its family only', () => {
    const single = IpCidr.parse('169.254.20.10/32');
    expect(single.contains('169.254.20.10')).toBe(true);
    expect(single.contains('169.254.20.11')).toBe(false);
    const all4 = IpCidr.parse('0.0.0.0/0');
    expect(all4.contains('255.255.255.255')).toBe(true);
    expect(all4.contains('::1')).toBe(false);
    const all6 = IpCidr.parse('::/0');
    expect(all6.contains('2001:db8::1')).toBe(true);
    expect(all6.contains('8.8.8.8')).toBe(false);
    expect(all6.contains('::ffff:8.8.8.8')).toBe(true);
  });

  test('handles IPv6 prefixes that do not fall on a group boundary', () => {
    const ula = IpCidr.parse('fc00::/7');
    expect(ula.contains('fd12:3456::1')).toBe(true);
    expect(ula.contains('fe00::1')).toBe(false);
    const linkLocal = IpCidr.parse('fe80::/10');
    expect(linkLocal.contains('febf:ffff::1')).toBe(true);
    expect(linkLocal.contains('fec0::1')).toBe(false);
    expect(IpCidr.parse('2001:db8::1/128').contains('2001:db8::1')).toBe(true);
    expect(IpCidr.parse('2001:db8::1/128').contains('2001:db8::2')).toBe(false);
  });

  test('clears host bits like net.ParseCIDR', () => {
    const block = IpCidr.parse('10.1.2.3/8');
    expect(block.toString()).toBe('10.0.0.0/8');
    expect(block.contains('10.200.0.1')).toBe(true);
    expect(IpCidr.parse('2001:db8:ffff::/32').toString()).toBe('2001:db8::/32');
  });

  test('containsCidr is true for sub-blocks and the block itself, false across families', () => {
    const block = IpCidr.parse('10.0.0.0/8');
    expect(block.containsCidr(IpCidr.parse('10.1.0.0/16'))).toBe(true);
    expect(block.containsCidr(IpCidr.parse('10.0.0.0/8'))).toBe(true);
    expect(block.containsCidr(IpCidr.parse('10.0.0.0/7'))).toBe(false);
    expect(block.containsCidr(IpCidr.parse('11.0.0.0/16'))).toBe(false);
    expect(IpCidr.parse('::/0').containsCidr(IpCidr.parse('10.0.0.0/8'))).toBe(false);
  });

  test.each([
    ['10.0.0.0', /has no prefix length/],
    ['10.0.0.0/33', /expected an integer from 0 to 32/],
    ['::/129', /expected an integer from 0 to 128/],
    ['10.0.0.0/-1', /prefix length/],
    ['10.0.0.0/08', /prefix length/],
    ['10.0.0.0/', /prefix length/],
    ['300.0.0.0/8', /has an invalid address/],
    ['fc00:::/7', /has an invalid address/],
  ])('fails to parse %j', (text, message) => {
    expect(() => IpCidr.parse(text)).toThrow(message);
    expect(IpCidr.isValid(text)).toBe(false);
  });

  test('fails to build an address from an out-of-range value', () => {
    expect(() => IpAddress.fromValue(4, 1n << 32n)).toThrow(/out of range for IPv4/);
    expect(IpAddress.fromValue(6, 1n << 32n).toString()).toBe('::1:0:0');
  });
});
