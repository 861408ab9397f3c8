// Lint: typescript-eslint, no import cycles, and the layer boundaries of lib/ (see ARCHITECTURE.md).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const CONSTRUCT_LIBRARIES = ['constructs', 'cdk8s', 'cdk8s-plus-28', 'cdk8s-plus-28/*', 'cdktf', '@cdktf/*'];

/**
 * The folders of lib/, ground first: each may import only the folders before it (ARCHITECTURE.md
 * draws this order). `.` is the files at lib/'s root: the graph (`openclaw-ops-app.ts`), the checks
 * over the whole rendered graph and the package's index.
 */
export const LIB_LAYERS = [
  'core',
  'files',
  'telemetry',
  'query',
  'secrets',
  'ssm',
  'openclaw',
  'endpoints',
  'gateway',
  'cron',
  'network',
  'observability',
  'config',
  'upgrade',
  '.',
  'checkout',
  'cli',
];
const layerGlob = (layer) => (layer === '.' ? 'lib/*.ts' : `lib/${layer}/**`);
const layerName = (layer) => (layer === '.' ? 'the files at lib/' : `lib/${layer}/`);
/** One zone per layer: its files may not import any later layer. */
const LAYER_ZONES = LIB_LAYERS.slice(0, -1).map((layer, index) => ({
  target: layerGlob(layer),
  from: LIB_LAYERS.slice(index + 1).map(layerGlob),
  message:
    `${layerName(layer)} may import only ${LIB_LAYERS.slice(0, index).map(layerName).join(', ') || 'no other lib/ folder'} ` +
    '(ARCHITECTURE.md, "Layers"): move the shared piece down to a lower layer, or pass it in as a prop',
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'build/**',
      'cdktf.out/**',
      'imports/**',
      '.base/**',
      'openclaw-releases/**',
      'test/fixtures/**',
      // mutation testing output (npm run mutation)
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.d.ts', '.js', '.mjs', '.json'] })],
      // no-cycle parses the imported files too: with TypeScript's parser
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
    },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
      // TypeScript checks names; no-undef does not know its globals
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // every line, strings and comments included: split long messages into concatenated parts
      'max-len': ['error', { code: 120 }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/test/**', '**/test'], message: 'lib/ never imports tests or test support' },
            {
              group: ['**/cli/**', '../cli', './cli'],
              message: 'only lib/cli/ wires the command lines; domains never import it',
            },
            {
              group: ['**/openclaw-ops-app'],
              message: 'no construct takes the whole app: pass what it needs through typed props',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/core/**/*.ts', 'lib/query/**/*.ts', 'lib/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CONSTRUCT_LIBRARIES.filter((p) => !p.includes('*')).map((name) => ({
            name,
            message: 'core/, query/ and config/ hold plain values and pure functions: no constructs',
          })),
          patterns: [
            {
              group: CONSTRUCT_LIBRARIES.filter((p) => p.includes('*')),
              message: 'core/, query/ and config/ import no constructs',
            },
            { group: ['**/test/**'], message: 'lib/ never imports tests or test support' },
            { group: ['**/cli/**'], message: 'domains never import lib/cli' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/cli/**/*.ts', 'lib/openclaw-ops-app.ts', 'lib/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // CommonJS run by Node directly (the CLI launcher)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // constant tables in tests may exist only to document a type (keyof typeof TABLE)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|[A-Z][A-Z0-9_]+$)', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
