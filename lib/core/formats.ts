/**
 * Formats and limits of the names and values the config carries, as the systems that receive them
 * define them (Kubernetes, AWS, Go, OCI). Each check returns `undefined` when the value is fine,
 * else a message saying what was received, what is expected and how to fix it.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** What OpenClaw substitutes in `${VAR}` (uppercase) and what a shell can export. */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
// Control characters (C0 except tab/newline/carriage return, DEL, C1)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Characters a name must not carry: whitespace at either end (checked raw, written raw). */
export function surroundingWhitespace(value: string, what: string): string | undefined {
  if (value !== value.trim()) {
    return (
      `received ${JSON.stringify(value)} with whitespace at the start or end, ` +
      `expected ${what} without it (it would be checked trimmed but written as ` +
      `is): remove the whitespace`
    );
  }
  return undefined;
}

/** Control characters (NUL, escape, …) in a single-line value. */
export function controlCharacters(value: string, allowNewlines = false): string | undefined {
  const pattern = allowNewlines ? CONTROL : ANY_CONTROL;
  const match = pattern.exec(value);
  if (match) {
    const code = match[0].charCodeAt(0).toString(16).padStart(4, '0');
    return `received a control character (U+${code}) at position ${match.index}, expected printable text: remove it`;
  }
  return undefined;
}

/** An RFC 1123 DNS label (namespaces, Service namespaces): ≤ 63, lowercase alphanumerics and `-`. */
export function dns1123Label(value: string, what: string): string | undefined {
  if (value.length > 63 || !DNS1123_LABEL.test(value)) {
    return (
      `received ${JSON.stringify(value)}, expected ${what} that is an RFC 1123 ` +
      `label (at most 63 lowercase letters, digits and "-", starting and ` +
      `ending alphanumeric): rename it, e.g. "${suggestLabel(value)}"`
    );
  }
  return undefined;
}

/** An RFC 1035 label (Service names). */
export function dns1035Label(value: string, what: string): string | undefined {
  if (value.length > 63 || !DNS1035_LABEL.test(value)) {
    return (
      `received ${JSON.stringify(value)}, expected ${what} that is an RFC 1035 ` +
      `label (at most 63 lowercase letters, digits and "-", starting with a ` +
      `letter): rename it, e.g. "${suggestLabel(value)}"`
    );
  }
  return undefined;
}

/** An RFC 1123 DNS subdomain (object names: Secrets, ExternalSecrets, stores): ≤ 253, dot-separated labels. */
export function dns1123Subdomain(value: string, what: string): string | undefined {
  if (value.length > 253 || value.split('.').some((label) => !DNS1123_LABEL.test(label))) {
    return (
      `received ${JSON.stringify(value)}, expected ${what} that is an RFC 1123 ` +
      `subdomain (at most 253 lowercase letters, digits, "-" and ".", each ` +
      `part starting and ending alphanumeric): rename it, e.g. "` +
      `${suggestLabel(value)}"`
    );
  }
  return undefined;
}

function suggestLabel(value: string): string {
  const cleaned = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return cleaned === '' ? 'my-name' : cleaned;
}

/** A Kubernetes label key (`prefix/name`) and value, as a NetworkPolicy selector needs them. */
export function labelProblem(key: string, value: unknown): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (
    (prefix !== undefined && dns1123Subdomain(prefix, 'a prefix') !== undefined) ||
    name.length > 63 ||
    !LABEL_NAME.test(name)
  ) {
    return (
      `label key ${JSON.stringify(key)} is not a Kubernetes label key: ` +
      `expected [prefix/]name with a name of at most 63 alphanumerics, "-", ` +
      `"_" and "."; fix the key`
    );
  }
  if (typeof value !== 'string' || value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) {
    return (
      `label ${key} has value ${JSON.stringify(value)}, expected at most 63 ` +
      `alphanumerics, "-", "_" and "." starting and ending alphanumeric; fix ` +
      `the value`
    );
  }
  return undefined;
}

/** An env var name OpenClaw's `${VAR}` and a shell can both use. */
export function envVarName(value: string): string | undefined {
  if (!ENV_VAR_NAME.test(value)) {
    return (
      `received ${JSON.stringify(value)}, expected an env var name of letters, ` +
      `digits and "_" not starting with a digit (OpenClaw substitutes only ` +
      `such names): rename it, e.g. "` +
      `${
        value
          .toUpperCase()
          .replace(/[^A-Z0-9_]+/g, '_')
          .replace(/^(\d)/, '_$1') || 'MY_VAR'
      }"`
    );
  }
  return undefined;
}

/** A key of a Kubernetes Secret. */
export function secretKeyName(value: string): string | undefined {
  if (value.length > 253 || !SECRET_KEY.test(value) || value === '.' || value === '..') {
    return (
      `received ${JSON.stringify(value)}, expected a Secret key of at most 253 ` +
      `letters, digits, "-", "_" and "." (what Kubernetes accepts in data): ` +
      `rename the key`
    );
  }
  return undefined;
}

const AWS_DIRECTION = 'north|south|east|west|central|northeast|northwest|southeast|southwest';
/** An AWS region name: partition prefix, direction, number (e.g. ap-northeast-1, us-gov-west-1). */
const AWS_REGION = new RegExp(`^[a-z]{2}(-gov|-iso[a-z]?)?-(${AWS_DIRECTION})-\\d{1,2}$`);

/** Region names AWS uses (`ap-northeast-1`, `us-gov-west-1`, `cn-north-1`). */
export function awsRegion(value: string): string | undefined {
  if (!AWS_REGION.test(value)) {
    return (
      `received ${JSON.stringify(value)}, expected an AWS region name such as ` +
      `"ap-northeast-1" (lowercase, no availability-zone letter): fix the ` +
      `region`
    );
  }
  return undefined;
}

/** S3 bucket naming rules (general purpose buckets). */
export function s3BucketName(value: string): string | undefined {
  const ok =
    value.length >= 3 &&
    value.length <= 63 &&
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(value) &&
    !value.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(value) &&
    !value.startsWith('xn--') &&
    !value.endsWith('-s3alias');
  if (!ok) {
    return (
      `received ${JSON.stringify(value)}, expected an S3 bucket name (3-63 ` +
      `lowercase letters, digits, "." and "-", starting and ending ` +
      `alphanumeric): fix the bucket name`
    );
  }
  return undefined;
}

const GO_DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds of a Go duration (`1h`, `90m`, `1h30m`), or `undefined` when Go would not parse it. */
export function goDurationMs(value: string): number | undefined {
  if (value === '0') return 0;
  const whole = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/; // µs (micro sign) and μs (Greek mu)
  if (!whole.test(value)) return undefined;
  let total = 0;
  for (const match of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/g)) {
    total += Number(match[1]) * (GO_DURATION_UNITS[match[2] as string] as number);
  }
  return total;
}

// The name part of an image reference, as the OCI distribution reference grammar defines it
// (github.com/distribution/reference, regexp.go), which containerd and Docker parse images with:
// an optional registry (DNS name or [IPv6] with an optional port), then path components of lowercase
// letters and digits joined by one ".", one "_", "__" or any run of "-".
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const REGISTRY = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const IMAGE_REPOSITORY = new RegExp(`^(?:${REGISTRY}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** The grammar's `NameTotalLengthMax`. */
const IMAGE_REPOSITORY_MAX_LENGTH = 255;

/** An image repository without tag or digest. */
export function imageRepository(value: string): string | undefined {
  const lastPart = value.slice(value.lastIndexOf('/') + 1);
  if (value.includes('@')) {
    return (
      `received ${JSON.stringify(value)}, which carries a digest, expected a ` +
      `repository without tag or digest (the tag is image.tag): move the ` +
      `digest out and set image.tag`
    );
  }
  if (lastPart.includes(':')) {
    return (
      `received ${JSON.stringify(value)}, which already ends in a tag, ` +
      `expected a repository without tag (image.tag is appended, giving two ` +
      `tags): remove ":${lastPart.split(':')[1]}" from image.repository and ` +
      `put it in image.tag`
    );
  }
  if (!IMAGE_REPOSITORY.test(value)) {
    return (
      `received ${JSON.stringify(value)}, expected an image repository such as ` +
      `"registry.example.com:5000/team/openclaw" (an optional registry host and port, then ` +
      `lowercase path components joined by ".", "_", "__" or dashes): fix image.repository`
    );
  }
  if (value.length > IMAGE_REPOSITORY_MAX_LENGTH) {
    return (
      `received an image repository of ${value.length} characters, expected at most ` +
      `${IMAGE_REPOSITORY_MAX_LENGTH}: shorten image.repository`
    );
  }
  return undefined;
}

/** An image tag (OCI: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`). */
export function imageTag(value: string): string | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(value)) {
    return (
      `received ${JSON.stringify(value)}, expected an image tag of at most 128 ` +
      `letters, digits, "_", "." and "-" (not starting with "." or "-"): fix ` +
      `image.tag`
    );
  }
  return undefined;
}

/** A KMS key reference SSM accepts: key id, alias, or their ARNs. */
export function kmsKeyId(value: string): string | undefined {
  const ok =
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ||
    /^mrk-[0-9a-f]{32}$/.test(value) ||
    /^alias\/[A-Za-z0-9/_-]{1,250}$/.test(value) ||
    /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/[A-Za-z0-9-]+|alias\/[A-Za-z0-9/_-]+)$/.test(value);
  if (!ok) {
    return (
      `received ${JSON.stringify(value)}, expected a KMS key id, ` +
      `"alias/<name>" or a key/alias ARN: fix kmsKeyId or remove it to use ` +
      `aws/ssm`
    );
  }
  return undefined;
}
