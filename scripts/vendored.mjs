// Dependencies of dependencies that speclint replaces with a patched copy in its bundles (src/parse/vendor/*.ts says
// why). The name is resolved to the copy wherever it is imported, in every bundle; the compiled library (dist/src)
// runs upstream's. tests/core/vendored.slow.test.ts bundles the parser with these aliases and compares its trees
// with upstream's.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild's `alias` option. */
export const vendoredAliases = {
  'micromark-util-subtokenize': join(root, 'src/parse/vendor/micromark-util-subtokenize.ts'),
};
