/**
 * Config discovery and resolution (the shell's side; the core only ever sees a ResolvedConfig).
 * The nearest config file above a linted file applies (no cascading across directories; `extends` composes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError } from '../errors.js';
import { recommendedRules, allRules } from './recommended.js';
import { validateConfigFile } from './validate.js';
import { parseJsoncConfig, parseSpecrc, parseYamlConfig } from './parse.js';
import { builtinTypeSources } from '../templates/index.js';
import type { ConfigFile, DocumentTypeSource, ResolvedConfig, ResolvedRuleConfig, RuleSetting, Severity } from '../types.js';
import type { SetsConfig } from '../sets/types.js';

export const SEARCH_PLACES = [
  'package.json',
  '.specrc',
  '.specrc.json',
  '.specrc.yaml',
  '.specrc.yml',
  '.specrc.js',
  '.specrc.cjs',
  '.specrc.mjs',
  'speclint.config.js',
  'speclint.config.mjs',
  'speclint.config.cjs',
];

/** A config file with `extends` flattened. Paths inside are absolute. */
export interface LoadedConfig {
  /** The file that was found (or given with -c); undefined for the built-in default. */
  filePath?: string;
  directory: string;
  rules: Record<string, ResolvedRuleConfig>;
  ignores: string[];
  types: Record<string, { template: string; schema?: string; optionalSections?: string[]; aliases?: Record<string, string[]>; since?: Record<string, string> }>;
  documents: Array<{ files: string[]; type: string; base: string }>;
  overrides: Array<{ files: string[]; excludedFiles: string[]; rules: Record<string, RuleSetting>; settings?: Record<string, unknown>; base: string }>;
  settings: Record<string, unknown>;
  /** `baseline`: absolute path of the baseline file whose findings do not count. */
  baseline?: string;
  /** `docsUrl`: where rule docs live (a mirror), with `{rule}` and `{version}`. */
  docsUrl?: string;
  /** `sets`: spec set layouts, collections and coverage thresholds (docs/sets.md); globs relative to `directory`. */
  sets?: SetsConfig;
}

/** Keys of the config file this loader reads beyond ConfigFile (src/types.ts). */
type ConfigFileKeys = ConfigFile & { baseline?: string; docsUrl?: string; sets?: SetsConfig };

type Explorer = { search(from: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>; load(path: string): Promise<{ config: unknown; filepath: string } | null> };

function severityOf(setting: RuleSetting): Severity | 'off' {
  const value = Array.isArray(setting) ? setting[0] : setting;
  if (value === 'off' || value === 0) return 'off';
  if (value === 'warn' || value === 1) return 'warn';
  return 'error';
}

export function applyRuleSettings(base: Record<string, ResolvedRuleConfig>, settings: Record<string, RuleSetting> | undefined): Record<string, ResolvedRuleConfig> {
  if (!settings) return base;
  const out = { ...base };
  for (const [id, setting] of Object.entries(settings)) {
    const options = Array.isArray(setting) && setting.length > 1 ? (setting[1] as Record<string, unknown>) : out[id]?.options ?? {};
    out[id] = { severity: severityOf(setting), options };
  }
  return out;
}

const asArray = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export class ConfigLoader {
  private explorer?: Promise<Explorer>;
  private readonly byDirectory = new Map<string, Promise<LoadedConfig>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();
  private readonly templateTexts = new Map<string, string>();
  private readonly typeSourcesByConfig = new WeakMap<LoadedConfig, Record<string, DocumentTypeSource>>();
  private readonly resolvedByConfig = new WeakMap<LoadedConfig, Map<string, ResolvedConfig>>();
  /** Directory → is there a config candidate in it or above it: each directory is looked at once per run. */
  private readonly candidates = new Map<string, boolean>();

  constructor(private readonly options: { configFile?: string; cwd: string } ) {}

  private getExplorer(): Promise<Explorer> {
    this.explorer ??= import('cosmiconfig').then((module) => {
      // cosmiconfig is CommonJS: bundled, its exports sit on `default`.
      const cosmiconfig = module.cosmiconfig ?? (module as unknown as { default: typeof module }).default.cosmiconfig;
      return cosmiconfig('speclint', {
        searchPlaces: SEARCH_PLACES,
        searchStrategy: 'global',
        stopDir: parsePath(this.options.cwd).root,
        cache: true,
        // JSON with comments and one-line syntax errors with positions (config/parse.ts); JS configs load as usual.
        loaders: { '.json': parseJsoncConfig, '.yaml': parseYamlConfig, '.yml': parseYamlConfig, noExt: parseSpecrc },
      }) as unknown as Explorer;
    });
    return this.explorer;
  }

  /** The config that applies to a file (or directory) path. */
  async configFor(path: string): Promise<LoadedConfig> {
    if (this.options.configFile) return this.loadFile(resolve(this.options.cwd, this.options.configFile), []);
    const directory = dirname(resolve(this.options.cwd, path));
    let pending = this.byDirectory.get(directory);
    if (!pending) {
      pending = this.search(directory);
      this.byDirectory.set(directory, pending);
    }
    return pending;
  }

  private async search(directory: string): Promise<LoadedConfig> {
    // Most runs have no config anywhere above: find that out without loading cosmiconfig and its parsers.
    if (!this.hasConfigCandidate(directory)) return this.defaults(this.options.cwd);
    let found: { config: unknown; filepath: string } | null;
    try {
      found = await (await this.getExplorer()).search(directory);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(loadErrorMessage(error, guessConfigPath(directory)));
    }
    if (!found) return this.defaults(this.options.cwd);
    return this.loadFile(found.filepath, [], found.config);
  }

  /** Is there a file at or above `directory` (up to the file system root) that could be a config? */
  private hasConfigCandidate(directory: string): boolean {
    let known = this.candidates.get(directory);
    if (known === undefined) {
      const parent = dirname(directory);
      known = holdsConfigCandidate(directory) || (parent !== directory && this.hasConfigCandidate(parent));
      this.candidates.set(directory, known);
    }
    return known;
  }

  private defaults(directory: string): LoadedConfig {
    return { directory, rules: recommendedRules(), ignores: [], types: {}, documents: [], overrides: [], settings: {} };
  }

  private loadFile(filePath: string, chain: string[], preloaded?: unknown): Promise<LoadedConfig> {
    if (chain.includes(filePath)) {
      throw new ConfigError(`Invalid config ${filePath}: circular "extends" (${[...chain, filePath].map((p) => relative(this.options.cwd, p) || p).join(' → ')})`);
    }
    let pending = chain.length === 0 ? this.byFile.get(filePath) : undefined;
    if (!pending) {
      pending = this.readAndFlatten(filePath, chain, preloaded);
      if (chain.length === 0) this.byFile.set(filePath, pending);
    }
    return pending;
  }

  private async readAndFlatten(filePath: string, chain: string[], preloaded?: unknown): Promise<LoadedConfig> {
    let data = preloaded;
    if (data === undefined) {
      try {
        const loaded = await (await this.getExplorer()).load(filePath);
        data = loaded?.config;
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new ConfigError(`Cannot read config ${filePath}: file not found`);
        throw new ConfigError(loadErrorMessage(error, filePath));
      }
    }
    if (data === undefined || data === null) data = {};
    validateConfigFile(data, filePath);
    const file = data as ConfigFileKeys;
    const directory = dirname(filePath);
    const extendsList = file.extends === undefined ? ['speclint:recommended'] : asArray(file.extends);
    let result: LoadedConfig = { ...this.defaults(directory), rules: {}, filePath };
    for (const entry of extendsList) {
      const parent = await this.resolveExtends(entry, directory, [...chain, filePath]);
      result = mergeConfigs(result, parent);
    }
    result.filePath = filePath;
    result.directory = directory;
    result.rules = applyRuleSettings(result.rules, file.rules);
    result.ignores = [...result.ignores, ...asArray(file.ignores).map((glob) => toAbsoluteGlob(directory, glob))];
    for (const [id, type] of Object.entries(file.types ?? {})) {
      result.types[id] = { ...type, template: resolve(directory, type.template), schema: type.schema ? resolve(directory, type.schema) : undefined };
    }
    result.documents = [...result.documents, ...(file.documents ?? []).map((d) => ({ files: asArray(d.files), type: d.type, base: directory }))];
    result.overrides = [
      ...result.overrides,
      ...(file.overrides ?? []).map((o) => ({ files: asArray(o.files), excludedFiles: asArray(o.excludedFiles), rules: o.rules ?? {}, settings: o.settings, base: directory })),
    ];
    result.settings = { ...result.settings, ...(file.settings ?? {}) };
    if (file.baseline !== undefined) result.baseline = resolve(directory, file.baseline);
    if (file.docsUrl !== undefined) result.docsUrl = file.docsUrl;
    if (file.sets !== undefined) result.sets = file.sets;
    return result;
  }

  private async resolveExtends(entry: string, directory: string, chain: string[]): Promise<LoadedConfig> {
    if (entry === 'speclint:recommended') return this.defaults(directory);
    if (entry === 'speclint:all') return { ...this.defaults(directory), rules: allRules() };
    let target: string;
    if (entry.startsWith('.') || isAbsolute(entry)) target = resolve(directory, entry);
    else {
      try {
        target = createRequire(join(directory, 'noop.js')).resolve(entry);
      } catch {
        throw new ConfigError(`Invalid config ${chain[chain.length - 1]}: extends: cannot find "${entry}" (expected "speclint:recommended", "speclint:all", a relative path or an installed package)`);
      }
    }
    return this.loadFile(target, chain);
  }

  /** The ResolvedConfig lintText receives for one file: overrides applied, type mapping and templates resolved. */
  async resolveFor(filePath: string, loaded: LoadedConfig, forcedTypeId?: string): Promise<ResolvedConfig> {
    const absolute = resolve(this.options.cwd, filePath);
    const overrides = loaded.overrides.filter((o) => matches(o.base, o.files, absolute) && !matches(o.base, o.excludedFiles, absolute));
    let forcedType: ResolvedConfig['forcedType'];
    if (forcedTypeId) forcedType = { id: forcedTypeId, reason: '--type on the command line' };
    else {
      const mapping = loaded.documents.find((d) => matches(d.base, d.files, absolute));
      if (mapping) forcedType = { id: mapping.type, reason: `config "documents" maps ${mapping.files.join(', ')} to ${mapping.type}` };
    }
    // Files that match the same overrides and mapping share one ResolvedConfig object (and its cache hash).
    const memoKey = `${overrides.map((o) => loaded.overrides.indexOf(o)).join(',')}|${forcedType?.id ?? ''}|${forcedType?.reason ?? ''}`;
    let memo = this.resolvedByConfig.get(loaded);
    if (!memo) {
      memo = new Map();
      this.resolvedByConfig.set(loaded, memo);
    }
    const known = memo.get(memoKey);
    if (known) return known;
    let rules = loaded.rules;
    let settings = loaded.settings;
    for (const override of overrides) {
      rules = applyRuleSettings(rules, override.rules);
      if (override.settings) settings = { ...settings, ...override.settings };
    }
    const types = this.typeSources(loaded);
    if (forcedType && !types[forcedType.id]) {
      throw new ConfigError(`Unknown document type "${forcedType.id}" (${forcedType.reason}); known types: ${Object.keys(types).join(', ')}`);
    }
    const resolved: ResolvedConfig = { rules, types, forcedType, settings };
    memo.set(memoKey, resolved);
    return resolved;
  }

  private typeSources(loaded: LoadedConfig): Record<string, DocumentTypeSource> {
    const cached = this.typeSourcesByConfig.get(loaded);
    if (cached) return cached;
    const sources: Record<string, DocumentTypeSource> = { ...builtinTypeSources() };
    for (const [id, type] of Object.entries(loaded.types)) {
      const where = loaded.filePath ?? 'config';
      const template = this.readTemplate(type.template, `${where}: types.${id}.template`);
      if (!/^ {0,3}#{1,6}[ \t]+\S/m.test(template)) {
        throw new ConfigError(`Invalid config ${where}: types.${id}.template: ${type.template} has no headings, so it describes no document type`);
      }
      let metadataSchema: Record<string, unknown> | undefined;
      if (type.schema) {
        try {
          metadataSchema = JSON.parse(this.readTemplate(type.schema, `${where}: types.${id}.schema`)) as Record<string, unknown>;
        } catch (error) {
          if (error instanceof ConfigError) throw error;
          throw new ConfigError(`Invalid config ${where}: types.${id}.schema: ${type.schema} is not valid JSON`);
        }
      }
      sources[id] = { id, template, source: relative(this.options.cwd, type.template) || type.template, templatePath: type.template, metadataSchema, optionalSections: type.optionalSections, aliases: type.aliases, since: type.since };
    }
    this.typeSourcesByConfig.set(loaded, sources);
    return sources;
  }

  private readTemplate(path: string, where: string): string {
    let text = this.templateTexts.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ConfigError(`Invalid config ${where}: cannot read ${path}${code === 'ENOENT' ? ' (file not found)' : code ? ` (${code})` : ''}`);
      }
      this.templateTexts.set(path, text);
    }
    return text;
  }

  /** Is this absolute path ignored by the config's `ignores`? */
  isIgnored(absolutePath: string, loaded: LoadedConfig): boolean {
    return loaded.ignores.length > 0 && matchesAbsolute(loaded.ignores, absolutePath);
  }
}

function mergeConfigs(base: LoadedConfig, parent: LoadedConfig): LoadedConfig {
  return {
    ...base,
    rules: { ...base.rules, ...parent.rules },
    ignores: [...base.ignores, ...parent.ignores],
    types: { ...base.types, ...parent.types },
    documents: [...base.documents, ...parent.documents],
    overrides: [...base.overrides, ...parent.overrides],
    settings: { ...base.settings, ...parent.settings },
    baseline: parent.baseline ?? base.baseline,
    docsUrl: parent.docsUrl ?? base.docsUrl,
    sets: parent.sets ?? base.sets,
  };
}

function toAbsoluteGlob(directory: string, glob: string): string {
  const negated = glob.startsWith('!');
  const pattern = negated ? glob.slice(1) : glob;
  const absolute = isAbsolute(pattern) ? pattern : `${directory.split(sep).join('/')}/${pattern.replace(/^\.\//, '')}`;
  return (negated ? '!' : '') + absolute;
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matchesAbsolute(globs: string[], absolutePath: string): boolean {
  const posix = absolutePath.split(sep).join('/');
  let ignored = false;
  for (const glob of globs) {
    const negated = glob.startsWith('!');
    const pattern = negated ? glob.slice(1) : glob;
    let matcher = matcherCache.get(pattern);
    if (!matcher) {
      const base = picomatch(pattern, { dot: true });
      // A glob naming a directory (`docs/archive` or `docs/archive/**`) covers everything below it.
      const below = picomatch(`${pattern.replace(/\/\*\*$/, '')}/**`, { dot: true });
      matcher = (path: string) => base(path) || below(path);
      matcherCache.set(pattern, matcher);
    }
    if (matcher(posix)) ignored = !negated;
  }
  return ignored;
}

/** Globs relative to a config directory; a glob without a slash matches the base name anywhere below it. */
export function matches(base: string, globs: string[], absolutePath: string): boolean {
  if (globs.length === 0) return false;
  const rel = relative(base, absolutePath).split(sep).join('/');
  if (rel.startsWith('../')) return false;
  return globs.some((glob) => {
    const key = `rel:${glob}`;
    let matcher = matcherCache.get(key);
    if (!matcher) {
      const pattern = glob.replace(/^\.\//, '');
      matcher = picomatch(pattern.includes('/') ? pattern : `**/${pattern}`, { dot: true });
      matcherCache.set(key, matcher);
    }
    return matcher(rel);
  });
}

/** Does `directory` itself hold a file that could be a config (a package.json only with a "speclint" key)? */
function holdsConfigCandidate(directory: string): boolean {
  for (const place of SEARCH_PLACES) {
    const path = join(directory, place);
    if (!existsSync(path)) continue;
    if (place !== 'package.json') return true;
    try {
      if ('speclint' in (JSON.parse(readFileSync(path, 'utf8')) as object)) return true;
    } catch {
      return true; // let cosmiconfig report it
    }
  }
  return false;
}

/** The config file a failed search was reading (cosmiconfig does not always say). */
function guessConfigPath(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    for (const place of SEARCH_PLACES) {
      if (place !== 'package.json' && existsSync(join(current, place))) return join(current, place);
    }
    if (dirname(current) === current) return undefined;
  }
}

/** cosmiconfig says "JSON Error in /path: …"; say it the way every other config problem is said. */
function loadErrorMessage(error: unknown, fallbackPath?: string): string {
  const text = oneLine(error);
  const m = /^(JSON|YAML) Error in (.+?):\s*(.*)$/.exec(text);
  if (m) return `Invalid config ${m[2]}: not valid ${m[1]}: ${m[3]}`;
  return `Cannot load config${fallbackPath ? ` ${fallbackPath}` : ''}: ${text}`;
}

export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
}
