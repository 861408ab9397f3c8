/**
 * Two cold synths (`node build/cli/synth.js` in child processes, separate temp dirs) give byte-identical
 * trees; no output carries an absolute path, a timestamp or anything that looks like a secret;
 * files the tool does not own survive a synth. The checks run over the WHOLE output, whatever
 * files other features add.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { loliceConfig } from '../../config/lolice';
import {
  CHANGED_LOLICE_FILES,
  makeTempDir,
  readTree,
  removeTempDirs,
  renderLolice,
  REPO_ROOT,
  runMain,
} from '../support/openclaw-ops-harness';

const STACK_FILE = `stacks/${loliceConfig.arch.stackName}/cdk.tf.json`;

/** Files that are not ours, put in both outdirs before synth. */
const SENTINELS = {
  // (A kustomization.yaml is not among them: synth adds the generated files to its lists.)
  lolice: { 'argoproj/openclaw/namespace.yaml': 'kind: Namespace\n', 'README.md': '# hand-written, not generated\n' },
  terraform: { 'stacks/some-other-stack/cdk.tf.json': '{}\n' },
} as const;

interface SynthRun {
  readonly root: string;
  readonly lolice: Map<string, Buffer>;
  readonly terraform: Map<string, Buffer>;
}

function synthInto(name: string): SynthRun {
  const root = makeTempDir(`determinism-${name}`);
  const loliceOut = path.join(root, 'lolice');
  const terraformOut = path.join(root, 'cdktf.out');
  for (const [dir, files] of [
    [loliceOut, SENTINELS.lolice],
    [terraformOut, SENTINELS.terraform],
  ] as const) {
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
  }
  const result = runMain(['--lolice-out', loliceOut, '--terraform-out', terraformOut]);
  expect(result.status, `synth failed:\n${result.stderr}`).toBe(0);
  return { root, lolice: readTree(loliceOut), terraform: readTree(terraformOut) };
}

afterAll(removeTempDirs);

let first: SynthRun;
let second: SynthRun;
/** Every generated file of both runs' first tree: "lolice/<path>" or "cdktf.out/<path>" → text. */
let outputs: Map<string, string>;

beforeAll(() => {
  first = synthInto('a');
  second = synthInto('b');
  outputs = new Map<string, string>();
  for (const [file, bytes] of first.lolice) {
    if (!(file in SENTINELS.lolice)) outputs.set(`lolice/${file}`, bytes.toString('utf8'));
  }
  for (const [file, bytes] of first.terraform) {
    if (!(file in SENTINELS.terraform)) outputs.set(`cdktf.out/${file}`, bytes.toString('utf8'));
  }
});

describe('determinism | two synths', () => {
  test('write the changed lolice files and the stack', () => {
    for (const file of CHANGED_LOLICE_FILES) expect([...first.lolice.keys()]).toContain(file);
    expect([...first.terraform.keys()]).toContain(STACK_FILE);
  });

  test('produce the same file list in both trees', () => {
    expect([...second.lolice.keys()]).toEqual([...first.lolice.keys()]);
    expect([...second.terraform.keys()]).toEqual([...first.terraform.keys()]);
  });

  test('produce byte-identical lolice and cdktf.out trees', () => {
    for (const [tree, a, b] of [
      ['lolice', first.lolice, second.lolice],
      ['cdktf.out', first.terraform, second.terraform],
    ] as const) {
      for (const [file, bytes] of a) {
        expect(b.get(file)?.equals(bytes), `${tree}/${file} differs between the two synths`).toBe(true);
      }
    }
  });

  test('match what the in-process renderer produces (the CLI adds nothing)', () => {
    for (const [file, text] of renderLolice()) {
      expect(first.lolice.get(file)?.toString('utf8'), file).toBe(text);
    }
  });
});

describe('determinism | nothing is deleted', () => {
  test('files in the outdirs that the tool does not own survive the synth unchanged', () => {
    for (const [file, content] of Object.entries(SENTINELS.lolice)) {
      expect(first.lolice.get(file)?.toString('utf8'), `lolice/${file}`).toBe(content);
    }
    for (const [file, content] of Object.entries(SENTINELS.terraform)) {
      expect(first.terraform.get(file)?.toString('utf8'), `cdktf.out/${file}`).toBe(content);
    }
  });
});

describe('determinism | no environment leaks into the output', () => {
  test('no absolute path of this machine appears (repo, temp dirs, home, /work)', () => {
    const forbidden = [REPO_ROOT, first.root, second.root, fs.realpathSync(first.root), '/work/'];
    const home = os.homedir();
    if (home && home !== '/' && home !== '/root' && !home.startsWith('/home/node')) forbidden.push(home);
    for (const [file, text] of outputs) {
      for (const needle of forbidden) expect(text.includes(needle), `${file} contains "${needle}"`).toBe(false);
      // The container path /tmp/openclaw (OpenClaw's file log, shared with the shipper) is fine;
      // any other temp path of this machine is not.
      expect(text, file).not.toMatch(new RegExp(`${escapeRegExp(os.tmpdir())}/(?!openclaw(/|\\b))`));
      // Container paths such as /home/node/.openclaw are fine; other home directories are not.
      expect(text, file).not.toMatch(/\/home\/(?!node\/|node\b)[a-z]/);
      expect(text, file).not.toMatch(/\/Users\/[A-Za-z]/);
    }
  });

  test('no ISO timestamp appears', () => {
    for (const [file, text] of outputs) {
      expect(text, file).not.toMatch(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });
});

/**
 * Long runs of token characters that mix lower case, upper case and digits (or long hex), with
 * enough entropy to look random. Known non-secrets are allow-listed by exact text.
 */
const SECRET_LOOKING_ALLOW_LIST: readonly string[] = [];

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

function secretLookingTokens(text: string): string[] {
  const found = new Set<string>();
  for (const [token] of text.matchAll(/[A-Za-z0-9+/=_-]{32,}/g)) {
    // Split paths into segments, but keep base64 (which may contain "/") whole when it looks random.
    for (const candidate of [token, ...token.split('/')]) {
      if (candidate.length < 32) continue;
      const mixed = /[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /[0-9]/.test(candidate);
      const hex = /^[0-9a-f]{32,}$/i.test(candidate) && /[0-9]/.test(candidate) && /[a-f]/i.test(candidate);
      if ((mixed || hex) && shannonEntropy(candidate) >= 3.5) found.add(candidate);
    }
  }
  return [...found].filter((token) => !SECRET_LOOKING_ALLOW_LIST.includes(token));
}

const SECRET_NAME = /(token|password|passwd|secret|api[-_]?key|credential|private[-_]?key)/i;
/** Env var names that hold secrets (LITELLM_PROXY_KEY included). */
const SECRET_ENV_NAME = /(TOKEN|PASSWORD|SECRET|API_KEY|_KEY$|CREDENTIAL)/;
const PLACEHOLDER_ONLY = /^\$\{[A-Z_][A-Z0-9_]*\}$/;

/** Every (path, string) leaf of a JSON value; ConfigMap values that are JSON are descended into. */
function stringLeaves(value: unknown, at: string[] = []): { path: string[]; value: string }[] {
  if (typeof value === 'string') {
    if (/^\s*[{[]/.test(value)) {
      try {
        return stringLeaves(JSON.parse(value) as unknown, [...at, '<json>']);
      } catch {
        // not JSON: a plain string
      }
    }
    return [{ path: at, value }];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...at, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...at, key]));
  }
  return [];
}

describe('determinism | no secret value in any output', () => {
  test('the detector is live: it flags a random-looking token and ignores placeholders', () => {
    expect(secretLookingTokens('token: Zx8Qp2LmR7vN4tK9wY3bH6cJ1dF5gS0aE7uI2oP')).toHaveLength(1);
    expect(secretLookingTokens('sha: 3f2a9c1e7b5d4a6f8e0c2b4d6f8a0c2e4b6d8f0a')).toHaveLength(1);
    expect(
      secretLookingTokens('token: "${OPENCLAW_CRON_WEBHOOK_TOKEN}" /lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN'),
    ).toEqual([]);
  });

  test('no high-entropy token appears in any generated file', () => {
    for (const [file, text] of outputs) {
      expect(secretLookingTokens(text), file).toEqual([]);
    }
  });

  test('the Terraform never exposes a random_password result except as the SSM parameter value', () => {
    const stack = JSON.parse(outputs.get(`cdktf.out/${STACK_FILE}`) ?? '{}') as {
      resource?: Record<string, Record<string, Record<string, unknown>>>;
      output?: Record<string, { value: string }>;
    };
    const text = JSON.stringify({ ...stack, resource: { ...stack.resource, aws_ssm_parameter: undefined } });
    expect(text).not.toMatch(/random_password\.[a-z0-9_]+\.result/);
    for (const parameter of Object.values(stack.resource?.aws_ssm_parameter ?? {})) {
      expect(parameter.value).toMatch(/^\$\{random_password\.[a-z0-9_]+\.result\}$/);
    }
    for (const [file, text] of outputs) {
      if (file !== `cdktf.out/${STACK_FILE}`) expect(text, file).not.toMatch(/random_password/);
    }
  });

  test('the lolice tree holds no Secret object', () => {
    for (const [file, text] of outputs) {
      if (!/\.ya?ml$/.test(file)) continue;
      for (const document of YAML.parseAllDocuments(text)) {
        const object = document.toJS() as { kind?: string } | null;
        expect(object?.kind, file).not.toBe('Secret');
      }
    }
  });

  test('every secret-named value in YAML is a secretKeyRef, a remoteRef or a ${VAR} placeholder', () => {
    let checked = 0;
    for (const [file, text] of outputs) {
      if (!/\.ya?ml$/.test(file)) continue;
      for (const document of YAML.parseAllDocuments(text)) {
        const object: unknown = document.toJS();
        // env items: a secret-named variable must come from a secretKeyRef, never a literal value.
        for (const leaf of stringLeaves(object)) {
          const key = leaf.path[leaf.path.length - 1] ?? '';
          const where = `${file} ${leaf.path.join('.')}`;
          if (key === 'name' && leaf.path[leaf.path.length - 3] === 'env' && SECRET_ENV_NAME.test(leaf.value)) {
            checked += 1;
            const envItem = leaf.path
              .slice(0, -1)
              .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], object) as {
              value?: unknown;
              valueFrom?: { secretKeyRef?: unknown };
            };
            expect(envItem.value, `${where} (${leaf.value}) must not be a literal`).toBeUndefined();
            expect(envItem.valueFrom?.secretKeyRef, `${where} (${leaf.value})`).toBeDefined();
          } else if (
            SECRET_NAME.test(key) &&
            key !== 'secretKey' &&
            !['secretKeyRef', 'remoteRef', 'secretRef', 'secretStoreRef', 'target'].some((p) => leaf.path.includes(p))
          ) {
            checked += 1;
            expect(leaf.value, `${where} must be a \${VAR} placeholder`).toMatch(PLACEHOLDER_ONLY);
          }
        }
      }
    }
    // The default tree has 12 secret env vars and 5 secret-named openclaw.json values.
    expect(checked).toBeGreaterThanOrEqual(17);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
