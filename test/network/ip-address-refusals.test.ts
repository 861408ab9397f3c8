import { IpAddress, IpCidr } from '../../lib/endpoints/ip-address';

/** The whole refusal of an IPv4-looking text. */
const notIpv4 = (text: string): string =>
  `ip address "${text}" is not a valid IPv4 or IPv6 address: expected four decimal octets 0-255 ` +
  `without leading zeros (e.g. "192.168.0.1") or an IPv6 address (e.g. "2001:db8::1")`;

/** The whole refusal of an IPv6-looking text, with its reason. */
const notIpv6 = (text: string, why: string): string =>
  `ip address "${text}" is not a valid IPv6 address (${why}): expected 8 groups of 1-4 hex digits, ` +
  `at most one "::", optionally ending in a dotted IPv4 address (e.g. "2001:db8::1", "::ffff:192.0.2.1")`;

describe('IpAddress refusals name the text, the expected form and the reason', () => {
  test.each([
    ['256.0.0.1'],
    ['10.0.0'],
    ['10.0.0.1.2'],
    ['010.0.0.1'],
    ['00.0.0.1'],
    ['1000.0.0.1'],
    ['10..0.1'],
    ['a.b.c.d'],
    [''],
  ])('IPv4 %j', (text) => {
    expect(() => IpAddress.parse(text)).toThrow(new Error(notIpv4(text)));
  });

  test('the message quotes the text as given, surrounding whitespace included', () => {
    expect(() => IpAddress.parse(' 10.0.0 ')).toThrow(new Error(notIpv4(' 10.0.0 ')));
    expect(() => IpAddress.parse(' fe80::1%eth0 ')).toThrow(
      new Error(notIpv6(' fe80::1%eth0 ', 'zone identifiers are not supported')),
    );
  });

  test.each([
    ['fe80::1%eth0', 'zone identifiers are not supported'],
    ['1::2::3', 'more than one "::"'],
    [':::', 'more than one "::"'],
    ['1.2.3.4::', 'a dotted IPv4 part may only end the address'],
    ['12345::1', 'a group is empty or not 1-4 hex digits'],
    ['g::1', 'a group is empty or not 1-4 hex digits'],
    [':1:2:3:4:5:6:7', 'a group is empty or not 1-4 hex digits'],
    ['1:2:3:4:5:6:7:', 'a group is empty or not 1-4 hex digits'],
    ['1:2:3:4:5:6:7', '7 groups'],
    ['1:2:3:4:5:6:7:8:9', '9 groups'],
    ['1::2:3:4:5:6:7:8', '8 groups'],
    ['1:2:3:4:5:6:1.2.3.4:8', 'a group is empty or not 1-4 hex digits'],
  ])('IPv6 %j: %s', (text, why) => {
    expect(() => IpAddress.parse(text)).toThrow(new Error(notIpv6(text, why)));
  });

  test('a bad dotted IPv4 suffix of an IPv6 address is refused as an IPv4 part', () => {
    expect(() => IpAddress.parse('::ffff:1.2.3')).toThrow(new Error(notIpv4('::ffff:1.2.3')));
    expect(() => IpAddress.parse('::ffff:1.2.3.256')).toThrow(new Error(notIpv4('::ffff:1.2.3.256')));
  });
});

describe('IpAddress boundaries', () => {
  test('octets 0 and 255 are accepted, 256 is not', () => {
    expect(IpAddress.parse('0.255.0.255').value).toBe(0x00ff00ffn);
    expect(IpAddress.parse('255.0.0.0').toString()).toBe('255.0.0.0');
    expect(IpAddress.isValid('0.0.0.256')).toBe(false);
    expect(IpAddress.isValid('0.0.0.0')).toBe(true);
    expect(IpAddress.isValid('100.200.199.9')).toBe(true);
  });

  test('seven groups around "::" are accepted, eight are not', () => {
    expect(IpAddress.parse('1::2:3:4:5:6:7').toString()).toBe('1:0:2:3:4:5:6:7');
    expect(IpAddress.parse('1:2:3:4:5:6:7::').toString()).toBe('1:2:3:4:5:6:7:0');
    expect(IpAddress.parse('::2:3:4:5:6:7:8').toString()).toBe('0:2:3:4:5:6:7:8');
    expect(IpAddress.parse('1:2:3:4:5:6:7:8').value).toBe(0x00010002000300040005000600070008n);
    expect(IpAddress.isValid('1:2:3:4::5:6:7:8')).toBe(false);
  });

  test('"::" fills exactly the missing groups with zeros, wherever it stands', () => {
    expect(IpAddress.parse('1:2::7:8').value).toBe(0x00010002000000000000000000070008n);
    expect(IpAddress.parse('ffff::').value).toBe(0xffffn << 112n);
    expect(IpAddress.parse('::ffff').value).toBe(0xffffn);
    expect(IpAddress.parse('1::').value).toBe(1n << 112n);
  });

  test('a dotted IPv4 suffix counts as the last two groups, with or without "::"', () => {
    expect(IpAddress.parse('1:2:3:4:5:6:1.2.3.4').value).toBe(0x000100020003000400050006_01020304n);
    expect(IpAddress.parse('1::255.254.253.252').value).toBe((1n << 112n) | 0xfffefdfcn);
    expect(IpAddress.parse('::1.2.3.4').toString()).toBe('::102:304');
    expect(IpAddress.isValid('1:2:3:4:5:6:7:1.2.3.4')).toBe(false);
  });

  test('hex groups of one to four digits, in either case', () => {
    expect(IpAddress.parse('A:bC:DeF:aBcD::').toString()).toBe('a:bc:def:abcd::');
    expect(IpAddress.isValid('abcde::')).toBe(false);
  });

  test('equals compares family and value', () => {
    expect(IpAddress.parse('10.0.0.1').equals(IpAddress.parse(' 10.0.0.1'))).toBe(true);
    expect(IpAddress.parse('10.0.0.1').equals(IpAddress.parse('10.0.0.2'))).toBe(false);
    expect(IpAddress.parse('0.0.0.1').equals(IpAddress.parse('::1'))).toBe(false);
    expect(IpAddress.parse('::1').equals(IpAddress.parse('0:0:0:0:0:0:0:1'))).toBe(true);
  });
});

describe('IpAddress canonical text', () => {
  test('IPv4: each octet in its place', () => {
    expect(IpAddress.parse('1.2.3.4').toString()).toBe('1.2.3.4');
    expect(IpAddress.fromValue(4, 0xfffefdfcn).toString()).toBe('255.254.253.252');
  });

  test('IPv6: the longest zero run is compressed, a later longer run wins over an earlier one', () => {
    expect(IpAddress.parse('1:0:0:2:3:0:0:0').toString()).toBe('1:0:0:2:3::');
    expect(IpAddress.parse('0:0:1:0:0:0:2:3').toString()).toBe('0:0:1::2:3');
    expect(IpAddress.parse('0:0:0:0:0:0:0:0').toString()).toBe('::');
    expect(IpAddress.parse('0:0:0:0:0:0:0:1').toString()).toBe('::1');
    expect(IpAddress.parse('1:0:0:0:0:0:0:0').toString()).toBe('1::');
    expect(IpAddress.parse('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff').toString()).toBe(
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    );
    expect(IpAddress.parse('0:1:2:3:4:5:6:7').toString()).toBe('0:1:2:3:4:5:6:7');
    expect(IpAddress.parse('1:2:3:4:5:6:7:0').toString()).toBe('1:2:3:4:5:6:7:0');
  });
});

describe('IpAddress.fromValue', () => {
  test('accepts 0 and the largest value of each family, refuses one past and below', () => {
    expect(IpAddress.fromValue(4, 0n).toString()).toBe('0.0.0.0');
    expect(IpAddress.fromValue(4, (1n << 32n) - 1n).toString()).toBe('255.255.255.255');
    expect(IpAddress.fromValue(6, (1n << 128n) - 1n).toString()).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(() => IpAddress.fromValue(4, 1n << 32n)).toThrow(
      new Error('ip value 4294967296 is out of range for IPv4: expected 0 to 2^32-1'),
    );
    expect(() => IpAddress.fromValue(6, 1n << 128n)).toThrow(
      new Error(`ip value ${(1n << 128n).toString()} is out of range for IPv6: expected 0 to 2^128-1`),
    );
    expect(() => IpAddress.fromValue(4, -1n)).toThrow(
      new Error('ip value -1 is out of range for IPv4: expected 0 to 2^32-1'),
    );
  });
});

describe('IpCidr refusals and boundaries', () => {
  test('no prefix length', () => {
    expect(() => IpCidr.parse('10.0.0.0')).toThrow(
      new Error(
        'cidr "10.0.0.0" has no prefix length: expected <address>/<prefix> such as "10.0.0.0/8" or ' +
          '"fc00::/7" (use /32 or /128 for a single address)',
      ),
    );
  });

  test('an invalid address carries the address refusal', () => {
    expect(() => IpCidr.parse('/8')).toThrow(new Error(`cidr "/8" has an invalid address: ${notIpv4('')}`));
    expect(() => IpCidr.parse('300.0.0.0/8')).toThrow(
      new Error(`cidr "300.0.0.0/8" has an invalid address: ${notIpv4('300.0.0.0')}`),
    );
    expect(() => IpCidr.parse(' fc00:::/7')).toThrow(
      new Error(`cidr " fc00:::/7" has an invalid address: ${notIpv6('fc00:::', 'more than one "::"')}`),
    );
  });

  test.each([
    ['10.0.0.0/33', '33', 32, 4],
    ['10.0.0.0/-1', '-1', 32, 4],
    ['10.0.0.0/08', '08', 32, 4],
    ['10.0.0.0/', '', 32, 4],
    ['10.0.0.0/8/8', '8/8', 32, 4],
    ['::/129', '129', 128, 6],
    ['::/1000', '1000', 128, 6],
    ['::/0128', '0128', 128, 6],
  ])('prefix of %j', (text, prefix, max, family) => {
    expect(() => IpCidr.parse(text)).toThrow(
      new Error(`cidr "${text}" has prefix length "${prefix}": expected an integer from 0 to ${max} for IPv${family}`),
    );
  });

  test('prefix lengths 0, 32 and 128 are accepted; surrounding whitespace is ignored', () => {
    expect(IpCidr.parse(' 10.1.2.3/32 ').toString()).toBe('10.1.2.3/32');
    expect(IpCidr.parse('10.1.2.3/0').toString()).toBe('0.0.0.0/0');
    expect(IpCidr.parse('2001:db8::1/128').toString()).toBe('2001:db8::1/128');
    expect(IpCidr.parse('2001:db8::1/100').prefixLength).toBe(100);
    expect(IpCidr.parse('10.1.2.3/31').network.toString()).toBe('10.1.2.2');
    expect(IpCidr.isValid('10.0.0.0/8')).toBe(true);
  });

  test('a block holds its first and last address and nothing either side', () => {
    const block = IpCidr.parse('192.168.4.0/22');
    expect(block.contains(IpAddress.parse('192.168.4.0'))).toBe(true);
    expect(block.contains('192.168.7.255')).toBe(true);
    expect(block.contains('192.168.3.255')).toBe(false);
    expect(block.contains('192.168.8.0')).toBe(false);
    expect(block.family).toBe(4);
    expect(IpCidr.parse('::/0').family).toBe(6);
  });

  test('containsCidr needs the same family, a prefix at least as long, and the network inside', () => {
    const block = IpCidr.parse('10.0.0.0/8');
    expect(block.containsCidr(IpCidr.parse('10.255.255.255/32'))).toBe(true);
    expect(block.containsCidr(IpCidr.parse('10.0.0.0/9'))).toBe(true);
    expect(block.containsCidr(IpCidr.parse('0.0.0.0/0'))).toBe(false);
    expect(IpCidr.parse('0.0.0.0/0').containsCidr(IpCidr.parse('::/0'))).toBe(false);
    expect(IpCidr.parse('::/0').containsCidr(IpCidr.parse('::/0'))).toBe(true);
    expect(IpCidr.parse('::/96').containsCidr(IpCidr.parse('0.0.0.0/32'))).toBe(false);
  });
});
