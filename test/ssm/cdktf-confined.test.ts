/**
 * cdktf is archived upstream: every import of it (and of its providers) in lib/ stays under
 * lib/ssm/, so moving to the cdktn fork or to plain Terraform is a change to that folder only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const LIB = path.resolve(__dirname, '..', '..', 'lib');
const CDKTF_IMPORT = /from '(cdktf|@cdktf\/[^']+)'/;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('cdktf confined to lib/ssm', () => {
  it('no file outside lib/ssm/ imports cdktf or a @cdktf provider', () => {
    const offenders = tsFiles(LIB)
      .filter((file) => !file.startsWith(path.join(LIB, 'ssm') + path.sep))
      .filter((file) => CDKTF_IMPORT.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(LIB, file));
    expect(offenders).toEqual([]);
  });

  it('lib/ssm/ does import it (the check looks at the right files)', () => {
    const inSsm = tsFiles(path.join(LIB, 'ssm')).filter((file) => CDKTF_IMPORT.test(fs.readFileSync(file, 'utf8')));
    expect(inSsm.length).toBeGreaterThan(0);
  });
});
