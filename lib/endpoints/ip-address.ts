/**
 * IPv4 / IPv6 addresses and CIDR blocks, with containment tests.
 *
 * Addresses are held as unsigned integers (`bigint`) together with their family. The two
 * families are kept apart: an IPv4 address is never inside an IPv6 block and vice versa, and an
 * IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is an IPv6 address. This is how a NetworkPolicy
 * `ipBlock` is applied in practice: a `0.0.0.0/0` block says nothing about IPv6 traffic.
 */

/** The address family: 4 for IPv4, 6 for IPv6. */
export type IpFamily = 4 | 6;

const BITS: Readonly<Record<IpFamily, number>> = { 4: 32, 6: 128 };

/** A parsed IPv4 or IPv6 address. */
export class IpAddress {
  /**
   * Parses an IPv4 dotted quad (`192.168.0.1`) or an IPv6 address in any RFC 4291 text form
   * (`2001:db8::1`, `::`, `::ffff:192.0.2.1`). Surrounding whitespace is ignored.
   *
   * Rejected: leading zeros in IPv4 octets (`010.0.0.1`, ambiguous between octal and decimal),
   * zone identifiers (`fe80::1%eth0`), prefixes (`10.0.0.0/8`; use {@link IpCidr.parse}).
   *
   * @throws when `text` is not an IP address
   */
  public static parse(text: string): IpAddress {
    const trimmed = text.trim();
    if (trimmed.includes(':')) {
      return new IpAddress(6, parseIpv6(trimmed, text));
    }
    return new IpAddress(4, parseIpv4(trimmed, text));
  }

  /** Whether `text` parses as an IPv4 or IPv6 address. */
  public static isValid(text: string): boolean {
    try {
      IpAddress.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  private constructor(
    /** 4 or 6. */
    public readonly family: IpFamily,
    /** The address as an unsigned integer of 32 (IPv4) or 128 (IPv6) bits. */
    public readonly value: bigint,
  ) {}

  /** Builds an address from its family and integer value. @throws when the value is out of range */
  public static fromValue(family: IpFamily, value: bigint): IpAddress {
    if (value < 0n || value >= 1n << BigInt(BITS[family])) {
      throw new Error(
        `ip value ${value.toString()} is out of range for IPv${family}: expected 0 to 2^${BITS[family]}-1`,
      );
    }
    return new IpAddress(family, value);
  }

  /** Whether both addresses have the same family and value. */
  public equals(other: IpAddress): boolean {
    return this.family === other.family && this.value === other.value;
  }

  /** Canonical text: dotted quad for IPv4, RFC 5952 (lowercase, longest zero run as `::`) for IPv6. */
  public toString(): string {
    return this.family === 4 ? formatIpv4(this.value) : formatIpv6(this.value);
  }
}

/** A CIDR block such as `10.0.0.0/8` or `fc00::/7`. */
export class IpCidr {
  /**
   * Parses `<address>/<prefix length>`. Host bits set after the prefix are cleared, as Go's
   * `net.ParseCIDR` (and so the Kubernetes API server) does: `10.1.2.3/8` is the block `10.0.0.0/8`.
   *
   * @throws when `text` has no `/`, the address is invalid, or the prefix length is out of range
   */
  public static parse(text: string): IpCidr {
    const trimmed = text.trim();
    const slash = trimmed.indexOf('/');
    if (slash < 0) {
      throw new Error(
        `cidr "${text}" has no prefix length: expected <address>/<prefix> such ` +
          `as "10.0.0.0/8" or "fc00::/7" (use /32 or /128 for a single address)`,
      );
    }
    const addressText = trimmed.slice(0, slash);
    const prefixText = trimmed.slice(slash + 1);
    let address: IpAddress;
    try {
      address = IpAddress.parse(addressText);
    } catch (error) {
      throw new Error(`cidr "${text}" has an invalid address: ${errorMessage(error)}`);
    }
    const maxPrefix = BITS[address.family];
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > maxPrefix) {
      throw new Error(
        `cidr "${text}" has prefix length "${prefixText}": expected an integer ` +
          `from 0 to ${maxPrefix} for IPv${address.family}`,
      );
    }
    return new IpCidr(address.family, Number(prefixText), address.value);
  }

  /** Whether `text` parses as a CIDR block. */
  public static isValid(text: string): boolean {
    try {
      IpCidr.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  /** The first address of the block (host bits cleared). */
  public readonly network: IpAddress;
  private readonly mask: bigint;

  private constructor(
    /** 4 or 6. */
    public readonly family: IpFamily,
    /** Number of leading bits fixed by the block (0 to 32, or 0 to 128). */
    public readonly prefixLength: number,
    address: bigint,
  ) {
    const bits = BigInt(BITS[family]);
    const all = (1n << bits) - 1n;
    this.mask = all ^ ((1n << (bits - BigInt(prefixLength))) - 1n);
    this.network = IpAddress.fromValue(family, address & this.mask);
  }

  /** Whether `address` (parsed if given as text) lies in this block; always false across families. */
  public contains(address: IpAddress | string): boolean {
    const ip = typeof address === 'string' ? IpAddress.parse(address) : address;
    return ip.family === this.family && (ip.value & this.mask) === this.network.value;
  }

  /** Whether every address of `other` lies in this block (a block contains itself). */
  public containsCidr(other: IpCidr): boolean {
    // `contains` refuses an address of the other family, so a block of the other family is refused too.
    return other.prefixLength >= this.prefixLength && this.contains(other.network);
  }

  /** Canonical text, e.g. `10.0.0.0/8`, `fc00::/7`. */
  public toString(): string {
    return `${this.network.toString()}/${this.prefixLength}`;
  }
}

function parseIpv4(text: string, original: string): bigint {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) {
    throw new Error(
      `ip address "${original}" is not a valid IPv4 or IPv6 address: expected ` +
        `four decimal octets 0-255 without leading zeros (e.g. "192.168.0.1") or ` +
        `an IPv6 address (e.g. "2001:db8::1")`,
    );
  }
  return parts.reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string, original: string): bigint {
  const invalid = (why: string): Error =>
    new Error(
      `ip address "${original}" is not a valid IPv6 address (${why}): expected ` +
        `8 groups of 1-4 hex digits, at most one "::", optionally ending in a ` +
        `dotted IPv4 address (e.g. "2001:db8::1", "::ffff:192.0.2.1")`,
    );
  if (text.includes('%')) {
    throw invalid('zone identifiers are not supported');
  }
  const doubleColon = text.indexOf('::');
  if (text.includes('::', doubleColon + 1)) {
    throw invalid('more than one "::"');
  }
  const splitGroups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  // An embedded IPv4 address may only be the very last part and counts as two groups.
  const expandIpv4Suffix = (groups: string[]): string[] => {
    const last = groups[groups.length - 1];
    if (last === undefined || !last.includes('.')) {
      return groups;
    }
    const v4 = parseIpv4(last, original);
    return [...groups.slice(0, -1), ((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16)];
  };
  // The groups before and after the `::` (without one, every group is in `head`).
  let head: string[];
  let tail: string[] = [];
  if (doubleColon < 0) {
    head = expandIpv4Suffix(splitGroups(text));
  } else {
    tail = expandIpv4Suffix(splitGroups(text.slice(doubleColon + 2)));
    head = splitGroups(text.slice(0, doubleColon));
    if (head.some((g) => g.includes('.'))) {
      throw invalid('a dotted IPv4 part may only end the address');
    }
  }

  const groups = [...head, ...tail];
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) {
    throw invalid('a group is empty or not 1-4 hex digits');
  }
  if (doubleColon >= 0 ? groups.length > 7 : groups.length !== 8) {
    throw invalid(`${groups.length} groups`);
  }
  // Without `::` there are 8 groups and no zeros to fill in.
  const full = [...head, ...Array<string>(8 - groups.length).fill('0'), ...tail];
  return full.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
}

function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(Number((value >> shift) & 0xffffn));
  }
  // RFC 5952: compress the longest run (first on ties) of two or more zero groups.
  let bestStart = -1;
  let bestLength = 0;
  groups.forEach((_, start) => {
    let length = 0;
    while (groups[start + length] === 0) {
      length++;
    }
    if (length >= 2 && length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  });
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) {
    return hex.join(':');
  }
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
