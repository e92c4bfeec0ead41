// Packages the extension as a .vsix without @vscode/vsce (which needs Node 22; speclint supports Node 20): the
// client bundled into one file by esbuild (vscode stays external), the .specrc schema, the README, and the two
// files of the VSIX (Open Packaging Conventions) layout: [Content_Types].xml and extension.vsixmanifest.
//   node scripts/package.mjs            → speclint-<version>.vsix beside package.json; prints its path
// Needs the root's build (schema/specrc.schema.json) and the root's devDependencies (esbuild).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const repository = join(here, '..', '..');
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));

mkdirSync(join(here, 'schema'), { recursive: true });
copyFileSync(join(repository, 'schema/specrc.schema.json'), join(here, 'schema/specrc.schema.json'));
const esbuild = createRequire(join(repository, 'package.json'))('esbuild');
await esbuild.build({
  entryPoints: [join(here, 'src/extension.ts')],
  outfile: join(here, 'out/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  // vscode-languageclient's node entry is CommonJS; its `browser` field must not be taken.
  mainFields: ['main', 'module'],
  logLevel: 'error',
  legalComments: 'none',
  minify: true,
});

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const vsixManifest = `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${escape(manifest.name)}" Version="${escape(manifest.version)}" Publisher="${escape(manifest.publisher)}" />
    <DisplayName>${escape(manifest.displayName)}</DisplayName>
    <Description xml:space="preserve">${escape(manifest.description)}</Description>
    <Tags>markdown,lint,specification,template</Tags>
    <Categories>${escape(manifest.categories.join(','))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${escape(manifest.engines.vscode)}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionDependencies" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionPack" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
      <Property Id="Microsoft.VisualStudio.Services.Links.Source" Value="${escape(manifest.repository.url)}" />
    </Properties>
    <License>extension/LICENSE.txt</License>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.License" Path="extension/LICENSE.txt" Addressable="true" />
  </Assets>
</PackageManifest>
`;
const contentTypes = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension=".json" ContentType="application/json" />
  <Default Extension=".js" ContentType="application/javascript" />
  <Default Extension=".md" ContentType="text/markdown" />
  <Default Extension=".txt" ContentType="text/plain" />
  <Default Extension=".vsixmanifest" ContentType="text/xml" />
</Types>
`;
// The packaged manifest: what the extension host reads (no scripts or devDependencies needed at run time).
const { scripts: _scripts, devDependencies: _dev, dependencies: _deps, ...runtime } = manifest;
const entries = [
  ['extension.vsixmanifest', vsixManifest],
  ['[Content_Types].xml', contentTypes],
  ['extension/package.json', `${JSON.stringify(runtime, null, 2)}\n`],
  ['extension/out/extension.js', readFileSync(join(here, 'out/extension.js'))],
  ['extension/schema/specrc.schema.json', readFileSync(join(here, 'schema/specrc.schema.json'))],
  ['extension/README.md', readFileSync(join(here, 'README.md'))],
  ['extension/LICENSE.txt', readFileSync(join(here, 'LICENSE.txt'))],
];

/** A zip archive (deflate, no extras): what a .vsix is. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time and date (1980-01-01): reproducible
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const target = join(here, `${manifest.name}-${manifest.version}.vsix`);
writeFileSync(target, zip(entries));
console.log(target);
