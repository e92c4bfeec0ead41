/**
 * A newcomer adopting speclint, by the README: its marked snippets (`<!-- readme-test: … -->` before a code block)
 * run verbatim, in order, in a fresh git repository outside the checkout, with speclint's tarball next to it where
 * the README says (made by `npm pack` of this checkout). The Action and pre-commit snippets name the project's
 * home URL; git sends it to a tagged local release of this checkout (release-repo.ts), so nothing is rewritten.
 *
 * SLOW (~30-60 s here: an npm install from the npm cache, npx runs, pre-commit): a tier of its own for issue 15.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../cli/run-cli.js';
import { home, makeRelease, pkg, root, tag, type Release } from './release-repo.js';

interface Snippet { kind: string; options: string; lang: string; body: string }

/** The README's marked code blocks, in order. */
function readmeSnippets(): Snippet[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/<!-- readme-test: (\S+)([^>]*?) -->\n```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1]!, options: m[2]!.trim(), lang: m[3]!, body: m[4]! }));
}

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const tarballName = `${pkg.name}-${pkg.version}.tgz`;

/** Size of a directory tree in bytes, and how many package.json files (packages) it holds. */
function measure(directory: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      const inner = measure(path);
      bytes += inner.bytes;
      packages += inner.packages;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      if (entry.name === 'package.json' && /node_modules[/\\](@[^/\\]+[/\\])?[^/\\]+$/.test(directory)) packages++;
    }
  }
  return { bytes, packages };
}

describe('adopting speclint by the README', () => {
  const snippets = readmeSnippets();
  let next = 0;
  let work: string;
  let repo: string;
  let release: Release;
  let env: NodeJS.ProcessEnv;
  let pack: { size: number; unpackedSize: number; entryCount: number; files: Array<{ path: string }> };

  /** The next marked snippet, which must be of this kind. */
  const take = (kind: string): Snippet => {
    const snippet = snippets[next++];
    expect(snippet?.kind, `README snippet ${next}`).toBe(kind);
    return snippet!;
  };

  /** Runs each line of an `sh` snippet in the user's repository; the last one exits `exit=N` (default 0). */
  const runSnippet = (snippet: Snippet) => {
    const lines = snippet.body.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const expectedLast = Number(/exit=(\d+)/.exec(snippet.options)?.[1] ?? 0);
    const outputs: string[] = [];
    lines.forEach((line, i) => {
      const result = spawnSync('bash', ['-c', line], { cwd: repo, env, encoding: 'utf8', timeout: 240_000 });
      outputs.push(result.stdout);
      expect(result.status, `${line}\n${result.stdout}${result.stderr}`).toBe(i === lines.length - 1 ? expectedLast : 0);
    });
    return outputs;
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'speclint-adopt-'));
    // The tarball where the README expects it: ../speclint/ beside the user's repository. dist/ is current (the
    // global setup builds it), so pack without running `prepare` again.
    mkdirSync(join(work, 'speclint'));
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', join(work, 'speclint')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    pack = JSON.parse(packed)[0];
    expect(pack).toMatchObject({ filename: tarballName });
    release = makeRelease();
    repo = join(work, 'my-repo');
    mkdirSync(repo);
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...release.gitEnv,
      GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t',
      // The machine's npm cache, without update checks: installs take what the cache has.
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
      PRE_COMMIT_HOME: join(work, 'pre-commit-cache'),
      NO_COLOR: '1',
    };
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'README.md'), '# My project\n\nWhat it does.\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'start');
  }, 240_000);

  afterAll(() => {
    for (const dir of [work, release?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the snippets name the current version', () => {
    expect(snippets.map((s) => s.kind)).toEqual(['run', 'run', 'run', 'workflow', 'file', 'run']);
    const text = snippets.map((s) => s.body).join('\n');
    expect(text).toContain(`../speclint/${tarballName}`);
    expect(text).toContain(`speclint/speclint@${tag}`);
    expect(text).toContain(`rev: ${tag}`);
    expect(text).toContain(`repo: ${home}`);
  });

  it('the tarball carries the built package and nothing of the repository\'s development', () => {
    const paths = pack.files.map((f) => f.path);
    for (const needed of ['bin/speclint.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/validators/config.cjs', 'schema/specrc.schema.json', 'templates/tech-spec.md', 'docs/rules/checkboxes.md', 'package.json', 'README.md']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(src|tests|fixtures|scripts|standalone|bench)\//.test(p) || p === 'action.yml')).toEqual([]);
    console.info(`npm pack: ${(pack.size / 1024).toFixed(0)} kB tarball, ${(pack.unpackedSize / 1024 / 1024).toFixed(2)} MB unpacked, ${pack.entryCount} files`);
  });

  it('install: runtime dependencies only, nothing built', () => {
    const started = performance.now();
    runSnippet(take('run'));
    const seconds = (performance.now() - started) / 1000;
    const modules = join(repo, 'node_modules');
    for (const devOnly of ['typescript', 'esbuild', 'vitest', 'tsx']) expect(existsSync(join(modules, devOnly)), devOnly).toBe(false);
    expect(existsSync(join(modules, 'speclint', 'src'))).toBe(false);
    const { bytes, packages } = measure(modules);
    console.info(`npm install of the tarball: ${seconds.toFixed(1)} s, ${packages} packages, ${(bytes / 1024 / 1024).toFixed(1)} MB in node_modules`);
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies.speclint).toBe(`file:../speclint/${tarballName}`);
  }, 480_000);

  it('init, a first spec, a first run that lists what to fill in', () => {
    const [, , firstRun] = runSnippet(take('run'));
    expect(JSON.parse(readFileSync(join(repo, '.specrc.json'), 'utf8'))).toMatchObject({ $schema: './node_modules/speclint/schema/specrc.schema.json', baseline: '.speclint-baseline.json' });
    expect(existsSync(join(repo, 'node_modules/speclint/schema/specrc.schema.json'))).toBe(true);
    expect(firstRun).toContain('docs/specs/rate-limits.md');
    expect(firstRun).toMatch(/✖ \d+ problems/);
    expect(firstRun).toMatch(/Rule docs:\n {2}no-placeholders +https:\/\/github\.com\/speclint\/speclint\/blob\/v\d/);
  }, 240_000);

  it('a baseline makes the next run pass, and says what it suppressed', () => {
    const [recorded, next] = runSnippet(take('run'));
    const count = Number(/^Wrote (\d+) findings to \.speclint-baseline\.json\n$/.exec(recorded!)?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(next).toBe(`${count} findings suppressed by the baseline.\n`);
    git(repo, 'add', '-A', ':!node_modules');
    git(repo, 'commit', '-q', '-m', 'speclint');
  }, 240_000);

  it('the workflow\'s speclint step: the action at the tag, from its own files, passes with the baseline', () => {
    const workflow = parse(take('workflow').body) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
    const step = Object.values(workflow.jobs).flatMap((job) => job.steps).find((s) => s.uses?.startsWith(`${home.replace('https://github.com/', '')}@`))!;
    expect(step.uses).toBe(`speclint/speclint@${tag}`);
    // The runner downloads the repository at the tag and runs runs.main with its own Node.js.
    const actionYml = parse(readFileSync(join(release.dir, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default: string }> };
    expect(actionYml.runs.using).toMatch(/^node\d+$/);
    const inputs = Object.fromEntries(Object.entries(actionYml.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, step.with?.[name] ?? spec.default]));
    const output = join(work, 'github-output');
    writeFileSync(output, '');
    const result = spawnSync(process.execPath, [join(release.dir, actionYml.runs.main)], {
      cwd: repo, encoding: 'utf8', timeout: 60_000,
      env: { PATH: process.env.PATH, ...inputs, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, GITHUB_OUTPUT: output, GITHUB_EVENT_PATH: join(work, 'none.json') },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`errors=0\nwarnings=0\nfiles=1\nsarif-file=${step.with!['sarif-file']}\n`);
    const sarif = JSON.parse(readFileSync(join(repo, step.with!['sarif-file']!), 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(10);
    expect(sarif.runs[0].results.every((r: { suppressions?: Array<{ kind: string }> }) => r.suppressions?.[0]?.kind === 'external')).toBe(true);
  }, 240_000);

  it.skipIf(!hasPreCommit)('the pre-commit hook: installed from the tag, it fails a commit of a bad spec and passes a good one', () => {
    const config = take('file');
    writeFileSync(join(repo, config.options), config.body);
    runSnippet(take('run'));
    git(repo, 'add', config.options);
    writeFileSync(join(repo, 'docs/specs/notes.md'), '# Notes\n\nText.\n\n- [] a malformed task\n');
    git(repo, 'add', 'docs/specs/notes.md');
    const commit = () => spawnSync('git', ['commit', '-q', '-m', 'notes'], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
    const failed = commit();
    expect(failed.status).toBe(1);
    expect(failed.stdout + failed.stderr).toContain('docs/specs/notes.md:5:1: error: Malformed task item "- []": write "- [ ]" (--fix does it) (checkboxes)');
    writeFileSync(join(repo, 'docs/specs/notes.md'), '# Notes\n\nText.\n\n- [ ] a task\n');
    git(repo, 'add', 'docs/specs/notes.md');
    const passed = commit();
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  }, 240_000);

  it('the library API works from the installed package', () => {
    const script = "import { lintText } from 'speclint'; const r = await lintText('# T\\n\\n- [] x\\n'); console.log(r.messages.map((m) => m.ruleId).join(','));";
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' })).toBe('checkboxes\n');
  });
});
