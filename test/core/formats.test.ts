/**
 * The formats and limits of lib/core/formats.ts, as the receiving systems define them: each check
 * accepts the boundary value and refuses the one past it, and a refusal is one whole message
 * (received, expected, how to fix it).
 */
import {
  awsRegion,
  controlCharacters,
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  envVarName,
  goDurationMs,
  imageRepository,
  imageTag,
  kmsKeyId,
  labelProblem,
  s3BucketName,
  secretKeyName,
  surroundingWhitespace,
} from '../../lib/core/formats';

describe('surroundingWhitespace', () => {
  it('refuses whitespace at either end, naming what was expected', () => {
    expect(surroundingWhitespace('a', 'a key')).toBeUndefined();
    expect(surroundingWhitespace('a b', 'a key')).toBeUndefined();
    expect(surroundingWhitespace(' a', 'a key')).toBe(
      'received " a" with whitespace at the start or end, expected a key without it ' +
        '(it would be checked trimmed but written as is): remove the whitespace',
    );
    expect(surroundingWhitespace('a\t', 'a key')).toMatch(/^received "a\\t" with whitespace/);
  });
});

describe('controlCharacters', () => {
  const code = (c: number): string => String.fromCharCode(c);

  it('names the character and its position', () => {
    expect(controlCharacters('ab\u001bc')).toBe(
      'received a control character (U+001b) at position 2, expected printable text: remove it',
    );
    expect(controlCharacters('x\u0085')).toBe(
      'received a control character (U+0085) at position 1, expected printable text: remove it',
    );
  });

  it('single-line text: refuses every C0 character, DEL and C1, and nothing else', () => {
    for (const c of [0x00, 0x09, 0x0a, 0x0d, 0x1f, 0x7f, 0x9f]) {
      expect(controlCharacters(`a${code(c)}`), c.toString(16)).toBeDefined();
    }
    for (const c of [0x20, 0x7e, 0xa0, 0xe9]) {
      expect(controlCharacters(`a${code(c)}`), c.toString(16)).toBeUndefined();
    }
  });

  it('multi-line text: also accepts tab, newline and carriage return, not the characters next to them', () => {
    for (const c of [0x09, 0x0a, 0x0d, 0x20, 0x7e, 0xa0]) {
      expect(controlCharacters(`a${code(c)}`, true), c.toString(16)).toBeUndefined();
    }
    for (const c of [0x00, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f, 0x80, 0x9f]) {
      expect(controlCharacters(`a${code(c)}`, true), c.toString(16)).toBe(
        `received a control character (U+${c.toString(16).padStart(4, '0')}) at position 1, expected printable text: remove it`,
      );
    }
  });
});

describe('dns1123Label', () => {
  it('accepts up to 63 lowercase alphanumerics and inner "-"', () => {
    for (const value of ['a', '0', 'a-b', '1a', 'a'.repeat(63)])
      expect(dns1123Label(value, 'a namespace')).toBeUndefined();
  });

  it('refuses 64 characters, upper case, other characters and a "-" at either end, with a suggestion', () => {
    expect(dns1123Label('a'.repeat(64), 'a namespace')).toBe(
      `received "${'a'.repeat(64)}", expected a namespace that is an RFC 1123 label (at most 63 lowercase letters, ` +
        `digits and "-", starting and ending alphanumeric): rename it, e.g. "${'a'.repeat(63)}"`,
    );
    for (const value of ['A', '-a', 'a-', 'a.b', 'a_b', '', 'xa b']) {
      expect(dns1123Label(value, 'a namespace'), value).toMatch(
        /^received .* expected a namespace that is an RFC 1123 label/,
      );
    }
  });
});

describe('dns1035Label', () => {
  it('accepts up to 63 characters starting with a letter', () => {
    for (const value of ['a', 'a1', 'a-b', 'a'.repeat(63)])
      expect(dns1035Label(value, 'a Service name')).toBeUndefined();
  });

  it('refuses a leading digit, 64 characters, upper case and a "-" at either end', () => {
    expect(dns1035Label('1a', 'a Service name')).toBe(
      'received "1a", expected a Service name that is an RFC 1035 label (at most 63 lowercase letters, ' +
        'digits and "-", starting with a letter): rename it, e.g. "1a"',
    );
    for (const value of ['a'.repeat(64), 'A', '-a', 'a-', 'a.b', '', 'xa b']) {
      expect(dns1035Label(value, 'a Service name'), value).toMatch(/^received .* RFC 1035 label/);
    }
  });
});

describe('dns1123Subdomain', () => {
  const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;

  it('accepts dot-separated RFC 1123 labels up to 253 characters', () => {
    expect(long).toHaveLength(253);
    for (const value of ['a', 'a.b', 'openclaw-es', '1.2-3', long]) {
      expect(dns1123Subdomain(value, 'a Secret name')).toBeUndefined();
    }
  });

  it('refuses 254 characters, an empty part and a part not starting or ending alphanumeric', () => {
    expect(dns1123Subdomain(`${long}d`, 'a Secret name')).toMatch(/^received "a+\.b+\.c+\.d+", expected a Secret name/);
    expect(dns1123Subdomain('a..b', 'a Secret name')).toBe(
      'received "a..b", expected a Secret name that is an RFC 1123 subdomain (at most 253 lowercase letters, ' +
        'digits, "-" and ".", each part starting and ending alphanumeric): rename it, e.g. "a-b"',
    );
    for (const value of ['.a', 'a.', 'a.-b', 'a.B', '', 'a_b.c']) {
      expect(dns1123Subdomain(value, 'a Secret name'), value).toMatch(/RFC 1123 subdomain/);
    }
  });
});

describe('labelProblem', () => {
  const badKey = (key: string): string =>
    `label key ${JSON.stringify(key)} is not a Kubernetes label key: expected [prefix/]name with a name of ` +
    'at most 63 alphanumerics, "-", "_" and "."; fix the key';
  const badValue = (key: string, value: unknown): string =>
    `label ${key} has value ${JSON.stringify(value)}, expected at most 63 alphanumerics, "-", "_" and "." ` +
    'starting and ending alphanumeric; fix the value';

  it('accepts a name with or without a DNS prefix, and an empty value', () => {
    expect(labelProblem('app.kubernetes.io/name', 'grafana')).toBeUndefined();
    expect(labelProblem('app', 'a.b_c-D')).toBeUndefined();
    expect(labelProblem('A_b.c-d', '')).toBeUndefined();
    expect(labelProblem('x', 'v'.repeat(63))).toBeUndefined();
    expect(labelProblem('n'.repeat(63), 'v')).toBeUndefined();
    expect(labelProblem('a/b', '1')).toBeUndefined();
  });

  it('refuses a bad prefix, a name past 63 characters or not starting and ending alphanumeric', () => {
    for (const key of ['Example.com/name', 'a/b/c', 'n'.repeat(64), '-name', 'name-', '', 'a/', 'a b', '/name']) {
      expect(labelProblem(key, 'v'), key).toBe(badKey(key));
    }
  });

  it('refuses a value that is not a string, past 63 characters or not starting and ending alphanumeric', () => {
    for (const value of [3, null, 'v'.repeat(64), '-v', 'v-', 'a b']) {
      expect(labelProblem('app', value), String(value)).toBe(badValue('app', value));
    }
  });
});

describe('envVarName', () => {
  it('accepts letters, digits and "_" not starting with a digit', () => {
    for (const value of ['A', '_', 'a_1', 'GH_TOKEN', '_9']) expect(envVarName(value)).toBeUndefined();
  });

  it('refuses other names with a usable suggestion', () => {
    expect(envVarName('my-var')).toBe(
      'received "my-var", expected an env var name of letters, digits and "_" not starting with a digit ' +
        '(OpenClaw substitutes only such names): rename it, e.g. "MY_VAR"',
    );
    const suggested = (value: string): string => /e\.g\. "(.*)"$/.exec(envVarName(value) ?? '')?.[1] ?? 'accepted';
    expect(suggested('1token')).toBe('_1TOKEN');
    expect(suggested('a b--c')).toBe('A_B_C');
    expect(suggested('')).toBe('MY_VAR');
    expect(suggested('x1 2')).toBe('X1_2');
    expect(suggested('a$')).toBe('A_');
  });
});

describe('secretKeyName', () => {
  it('accepts up to 253 letters, digits, "-", "_" and "."; not "." or ".."', () => {
    for (const value of ['a', 'a-b_c.D9', '...', '.a', 'k'.repeat(253)]) expect(secretKeyName(value)).toBeUndefined();
    for (const value of ['.', '..', 'k'.repeat(254), '', 'a/b', 'a b']) {
      expect(secretKeyName(value), value).toBe(
        `received ${JSON.stringify(value)}, expected a Secret key of at most 253 letters, digits, "-", "_" and "." ` +
          '(what Kubernetes accepts in data): rename the key',
      );
    }
  });
});

describe('awsRegion', () => {
  it('accepts partition, optional gov/iso part, direction and a one- or two-digit number', () => {
    const directions = [
      'north',
      'south',
      'east',
      'west',
      'central',
      'northeast',
      'northwest',
      'southeast',
      'southwest',
    ];
    for (const direction of directions) expect(awsRegion(`ap-${direction}-1`), direction).toBeUndefined();
    for (const value of ['us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'cn-north-1', 'eu-central-12']) {
      expect(awsRegion(value), value).toBeUndefined();
    }
  });

  it('refuses an availability zone, upper case, a missing part or anything around the name', () => {
    expect(awsRegion('ap-northeast-1a')).toBe(
      'received "ap-northeast-1a", expected an AWS region name such as "ap-northeast-1" (lowercase, no ' +
        'availability-zone letter): fix the region',
    );
    for (const value of [
      'AP-northeast-1',
      'ap-northeast-123',
      'ap-northeast-',
      'ap-up-1',
      'a-north-1',
      'xap-north-1',
      'ap-north-1 ',
      'ap-north-1-',
      'us-gov-iso-west-1',
      'us-isobb-east-1',
      'ap-northnorth-1',
    ]) {
      expect(awsRegion(value), value).toMatch(/^received .* expected an AWS region name/);
    }
  });
});

describe('s3BucketName', () => {
  it('accepts 3 to 63 lowercase letters, digits, "." and "-", starting and ending alphanumeric', () => {
    for (const value of [
      'abc',
      'a.b',
      'a-b',
      '1.2.3',
      'b'.repeat(63),
      'xn-abc',
      'axn--b',
      'a-s3aliasx',
      's3alias-a',
      'a1.2.3.4',
      '1.2.3.4a',
    ]) {
      expect(s3BucketName(value), value).toBeUndefined();
    }
  });

  it('refuses lengths outside 3-63, bad ends, "..", IP addresses and the reserved prefix and suffix', () => {
    for (const value of [
      'ab',
      'b'.repeat(64),
      'Abc',
      '-abc',
      'abc-',
      '.abc',
      'a..b',
      '192.168.1.1',
      '10.20.30.40',
      'xn--abc',
      'abc-s3alias',
      'a_b',
    ]) {
      expect(s3BucketName(value), value).toBe(
        `received ${JSON.stringify(value)}, expected an S3 bucket name (3-63 lowercase letters, digits, "." and "-", ` +
          'starting and ending alphanumeric): fix the bucket name',
      );
    }
  });
});

describe('goDurationMs', () => {
  it('adds up every unit Go knows, decimals included', () => {
    expect(goDurationMs('0')).toBe(0);
    expect(goDurationMs('1h')).toBe(3_600_000);
    expect(goDurationMs('90m')).toBe(5_400_000);
    expect(goDurationMs('1h30m')).toBe(5_400_000);
    expect(goDurationMs('2h45m30s')).toBe(9_930_000);
    expect(goDurationMs('1.5s')).toBe(1500);
    expect(goDurationMs('.5s')).toBe(500);
    expect(goDurationMs('.55s')).toBe(550);
    expect(goDurationMs('1.s')).toBe(1000);
    expect(goDurationMs('250ms')).toBe(250);
    expect(goDurationMs('5us')).toBe(0.005);
    expect(goDurationMs('5\u00b5s')).toBe(0.005);
    expect(goDurationMs('5\u03bcs')).toBe(0.005);
    expect(goDurationMs('100ns')).toBeCloseTo(0.0001, 12);
    expect(goDurationMs('1m1ms')).toBe(60_001);
  });

  it('is undefined for what Go would not parse (and for a sign)', () => {
    for (const value of ['', '1', '00', 'h', '1d', '1h ', ' 1h', '-1h', '+1h', '1.5', 'h1', '1hm', '.s', '1H']) {
      expect(goDurationMs(value), value).toBeUndefined();
    }
  });
});

describe('imageRepository', () => {
  it('refuses a digest, moving it to image.tag', () => {
    expect(imageRepository('ghcr.io/a/b@sha256:abc')).toBe(
      'received "ghcr.io/a/b@sha256:abc", which carries a digest, expected a repository without tag or digest ' +
        '(the tag is image.tag): move the digest out and set image.tag',
    );
  });

  it('refuses upper case, empty path components and bad separators', () => {
    for (const value of [
      'ghcr.io/Boxp/openclaw',
      'a//b',
      'a/',
      '/a',
      'a.',
      '_a',
      'host:x1/a',
      'a/b_',
      'a b',
      'a___b',
      'a..b',
      'a._b',
      'a.-b',
      'a-_b',
      'a/b..c',
      'reg..io/a',
      '-reg.io/a',
      'reg-.io/a',
      'example.com./app',
      'reg.io:/a',
      '[::1/a',
      '[]/a',
      'Foo',
    ]) {
      expect(imageRepository(value), value).toBe(
        `received ${JSON.stringify(value)}, expected an image repository such as "registry.example.com:5000/team/openclaw" ` +
          '(an optional registry host and port, then lowercase path components joined by ".", "_", "__" or dashes): ' +
          'fix image.repository',
      );
    }
  });

  it('accepts the OCI reference grammar: separators inside a component, a registry by name or [IPv6] with a port', () => {
    for (const value of [
      'a__b/c.d-e',
      'my-registry.io:443/x',
      'a/b/c/d',
      'a--b',
      'a---b/c',
      'open-claw',
      'a/b__c',
      'a/b-cd',
      'a.b/c_d',
      'Registry.Example.com/team/app',
      'Foo/bar',
      'localhost/app',
      '[::1]:5000/app',
      '[fe80::1]/app',
      '0/1',
      'r:0/a',
    ]) {
      expect(imageRepository(value), value).toBeUndefined();
    }
  });

  it("accepts up to 255 characters, the grammar's longest name", () => {
    const repository = (length: number): string => `r.io/${'a'.repeat(length - 5)}`;
    expect(imageRepository(repository(255))).toBeUndefined();
    expect(imageRepository(repository(256))).toBe(
      'received an image repository of 256 characters, expected at most 255: shorten image.repository',
    );
  });
});

describe('imageTag', () => {
  it('accepts up to 128 characters not starting with "." or "-"', () => {
    for (const value of ['v1.2.3', '_a', 'A', `a${'-'.repeat(127)}`]) expect(imageTag(value), value).toBeUndefined();
  });

  it('refuses an empty tag, 129 characters, a leading "." or "-" and other characters', () => {
    for (const value of ['', `a${'b'.repeat(128)}`, '.a', '-a', 'a+b', 'a:b', 'a/b']) {
      expect(imageTag(value), value).toBe(
        `received ${JSON.stringify(value)}, expected an image tag of at most 128 letters, digits, "_", "." and "-" ` +
          '(not starting with "." or "-"): fix image.tag',
      );
    }
  });
});

describe('kmsKeyId', () => {
  const uuid = '1234abcd-12ab-34cd-56ef-1234567890ab';

  it('accepts a key id, a multi-region key id, an alias and key or alias ARNs', () => {
    for (const value of [
      uuid,
      `mrk-${'0a'.repeat(16)}`,
      'alias/my-key_1/x',
      `alias/${'a'.repeat(250)}`,
      `arn:aws:kms:ap-northeast-1:123456789012:key/${uuid}`,
      'arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/my-key',
    ]) {
      expect(kmsKeyId(value), value).toBeUndefined();
    }
  });

  it('refuses anything else, pointing at the default key', () => {
    for (const value of [
      uuid.toUpperCase(),
      `${uuid}0`,
      `x${uuid}`,
      `xmrk-${'0a'.repeat(16)}`,
      'xalias/a',
      `xarn:aws:kms:ap-northeast-1:123456789012:key/${uuid}`,
      `mrk-${'0a'.repeat(15)}0`,
      `mrk-${'0a'.repeat(16)}0`,
      'alias/',
      `alias/${'a'.repeat(251)}`,
      'alias/a b',
      `arn:aws:kms:ap-northeast-1:12345678901:key/${uuid}`,
      'arn:aws:kms:ap-northeast-1:123456789012:secret/x',
      'arn:aws:kms::123456789012:key/x',
      `arn:aws:s3:ap-northeast-1:123456789012:key/${uuid}`,
      `arn:aws:kms:ap-northeast-1:123456789012:key/${uuid} `,
    ]) {
      expect(kmsKeyId(value), value).toBe(
        `received ${JSON.stringify(value)}, expected a KMS key id, "alias/<name>" or a key/alias ARN: fix kmsKeyId ` +
          'or remove it to use aws/ssm',
      );
    }
  });
});
