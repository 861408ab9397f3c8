import { parse } from 'yaml';
import { readPlainBlockYaml } from '../files/yaml-reader';

/**
 * The value of a kustomization file: read directly when it is plain block YAML (as kustomizations
 * are), else parsed by the `yaml` library; the same value either way (`lib/files/yaml-reader.ts`).
 * @throws when the text is not valid YAML, naming the file
 */
export function parseKustomizationText(text: string, file: string): unknown {
  const read = readPlainBlockYaml(text);
  if (read !== undefined) return read;
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid yaml (${(error as Error).message}): fix the kustomization`);
  }
}
