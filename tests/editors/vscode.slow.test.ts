/**
 * The VS Code extension (editors/vscode): its client code type-checks against @types/vscode and
 * vscode-languageclient, and `npm run package` writes a .vsix whose layout VS Code installs: the manifest files, the
 * bundled client, the .specrc schema its `jsonValidation` names, and a package.json without build-time fields.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const extension = join(import.meta.dirname, '../../editors/vscode');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('VS Code extension', () => {
  it('type-checks and packages to a .vsix with the schema and the client', () => {
    if (!existsSync(join(extension, 'node_modules/vscode-languageclient'))) {
      execFileSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: extension, stdio: 'pipe' });
    }
    execFileSync(process.execPath, [join(extension, 'node_modules/typescript/bin/tsc'), '-p', join(extension, 'tsconfig.json'), '--noEmit'], { cwd: extension, stdio: 'pipe' });

    const vsix = execFileSync(process.execPath, [join(extension, 'scripts/package.mjs')], { cwd: extension, encoding: 'utf8' }).trim();
    expect(vsix).toMatch(/speclint-\d+\.\d+\.\d+\.vsix$/);
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/README.md',
      'extension/out/extension.js',
      'extension/package.json',
      'extension/schema/specrc.schema.json',
    ]);
    execFileSync('unzip', ['-tq', vsix]);
    const read = (name: string) => execFileSync('unzip', ['-p', vsix, name], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

    const manifest = JSON.parse(read('extension/package.json'));
    expect(manifest.main).toBe('./out/extension.js');
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: ['.specrc', '.specrc.json'], url: './schema/specrc.schema.json' }]);
    expect(Object.keys(manifest.contributes.configuration.properties)).toContain('speclint.server.path');
    expect(read('extension/schema/specrc.schema.json')).toBe(readFileSync(join(import.meta.dirname, '../../schema/specrc.schema.json'), 'utf8'));
    expect(read('extension.vsixmanifest')).toContain(`Version="${manifest.version}" Publisher="${manifest.publisher}"`);
    // The client is bundled (vscode-languageclient inside), and requires only what VS Code provides.
    const client = read('extension/out/extension.js');
    expect(client).toContain('require("vscode")');
    expect(client).not.toMatch(/require\("vscode-languageclient/);
  });
});
