// The self-contained bundle committed in standalone/: the GitHub Action (action.yml runs standalone/action.mjs with
// the runner's Node.js) and the pre-commit hook (standalone/cli.mjs) run it from a checkout of this repository with
// no node_modules and no build. Everything is bundled — the WASM SQL parsers' JavaScript and their .wasm files,
// ajv and the precompiled validators — and a test keeps the committed copy identical to a fresh build:
//
//   npm run build:standalone        (after a change to src/, rules/, templates/ or the dependencies)
//
// Needs dist/validators from `npm run build` (the build script runs both).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendoredAliases } from './vendored.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Files copied beside the bundle: the WASM the SQL parsers load relative to their own code. */
const WASM = [
  ['node_modules/libpg-query/wasm/libpg-query.wasm', 'libpg-query.wasm'],
  ['node_modules/@guanmingchiu/sqlparser-ts/wasm/sqlparser_rs_wasm_bg.wasm', 'sqlparser_rs_wasm_bg.wasm'],
];

/** Source patches, each asserted to apply: a dependency upgrade that moves the code fails the build, not a run. */
function patch(text, file, from, to) {
  if (!text.includes(from)) throw new Error(`build-standalone: expected ${JSON.stringify(from)} in ${file}; update scripts/build-standalone.mjs`);
  return text.split(from).join(to);
}

const standalonePlugin = {
  name: 'speclint-standalone',
  setup(build) {
    // project/validators.ts requires ajv and the precompiled validators from the package at run time (they stay out
    // of the CLI's start-up path); here they must be inside the bundle, so its runtime require becomes the
    // bundler's require of those exact modules.
    build.onLoad({ filter: /[\\/]src[\\/]project[\\/]validators\.ts$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      const replacement = [
        'const requireModule = (specifier: string): unknown => {',
        "  if (specifier === 'ajv') return require('ajv');",
        "  if (specifier === 'ajv-formats') return require('ajv-formats');",
        "  if (specifier.endsWith('config.cjs')) return require('../../dist/validators/config.cjs');",
        "  if (specifier.endsWith('metadata.cjs')) return require('../../dist/validators/metadata.cjs');",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: generated TypeScript, whose template literal this is
        "  throw new Error(`standalone bundle: no bundled module for ${specifier}`);",
        '};',
      ].join('\n');
      return { contents: patch(text, args.path, 'const requireModule = createRequire(import.meta.url);', replacement), loader: 'ts', resolveDir: dirname(args.path) };
    });
    // sqlparser-ts reads its .wasm from ../wasm/ relative to its own module; in the bundle it sits beside the chunk.
    build.onLoad({ filter: /sqlparser-ts[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: patch(text, args.path, 'new URL("../wasm/sqlparser_rs_wasm_bg.wasm", import.meta.url)', 'new URL("./sqlparser_rs_wasm_bg.wasm", import.meta.url)'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** Third-party notices for every package the bundle contains (from esbuild's metafile). */
function licenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    // A vendored copy (src/parse/vendor/<package>.ts) carries its package's license, read from the installed package.
    const vendored = /^src\/parse\/vendor\/([^/]+)\.ts$/.exec(input);
    const m = vendored ?? /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!m) continue;
    const directory = vendored ? join(root, 'node_modules', m[1]) : join(root, input.slice(0, input.lastIndexOf(m[1]) + m[1].length));
    if (packages.has(m[1]) || !existsSync(join(directory, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(directory).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    packages.set(m[1], `${pkg.name}@${pkg.version} (${pkg.license ?? 'see below'})\n\n${licenseFile ? readFileSync(join(directory, licenseFile), 'utf8').trim() : 'No license file in the package.'}\n`);
  }
  return [...packages.keys()].sort().map((name) => packages.get(name)).join(`\n${'-'.repeat(78)}\n\n`);
}

/** Builds the standalone bundle into `outdir` (replaced). Returns the file names written. */
export async function buildStandalone(outdir) {
  if (!existsSync(join(root, 'dist/validators/config.cjs'))) throw new Error('build-standalone: run "npm run build" first (dist/validators)');
  const esbuild = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/bin.ts', worker: 'src/project/worker.ts', action: 'src/cli/action.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    alias: vendoredAliases,
    // Only a TypeScript config file would need it, and speclint does not search for one.
    external: ['typescript'],
    plugins: [standalonePlugin],
    banner: {
      js: [
        "import { createRequire as __speclintCreateRequire } from 'node:module';",
        "import { fileURLToPath as __speclintFileURLToPath } from 'node:url';",
        'const require = __speclintCreateRequire(import.meta.url);',
        'const __filename = __speclintFileURLToPath(import.meta.url);',
        "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      ].join(' '),
    },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'error',
  });
  for (const [from, to] of WASM) {
    copyFileSync(join(root, from), join(outdir, to));
    chmodSync(join(outdir, to), 0o644);
  }
  // pre-commit (`language: script`) executes the entry directly.
  const cli = join(outdir, 'cli.mjs');
  writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, 'utf8')}`);
  chmodSync(cli, 0o755);
  writeFileSync(join(outdir, 'THIRD_PARTY_LICENSES.txt'), `Packages bundled into speclint's standalone build (standalone/*.mjs).\n\n${licenses(result.metafile)}`);
  writeFileSync(join(outdir, 'README.md'), [
    '# standalone/ — generated, do not edit',
    '',
    "speclint bundled into one directory that runs with Node.js alone (no `npm install`, no build): the GitHub",
    'Action runs `action.mjs`, the pre-commit hook runs `cli.mjs`. It is rebuilt by `npm run build:standalone` and',
    'kept identical to a fresh build by `tests/integrations/action.test.ts`.',
    '',
  ].join('\n'));
  return readdirSync(outdir).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = join(root, 'standalone');
  const files = await buildStandalone(outdir);
  const bytes = files.reduce((n, f) => n + readFileSync(join(outdir, f)).length, 0);
  process.stdout.write(`standalone/: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (${relative(process.cwd(), outdir) || '.'})\n`);
}
