/**
 * `speclint lsp`: a Language Server over stdio (vscode-languageserver), loaded only by this command.
 *
 * One project layer (`Speclint`) answers every request, so the editor sees what the CLI reports: the file's config
 * (nearest .specrc, overrides, `documents` mapping), its baseline, its relative links. Per document:
 * - diagnostics on open and on change (debounced; a result for an outdated version is dropped);
 * - code actions: each fix, "disable for this line" (an inline directive) and "add to baseline";
 * - hover on a heading: the template's guidance for that section;
 * - completion: the template's missing sections, the nearest to the cursor first.
 * Config and template changes apply without a restart: a stamp of the config files above a document and of its
 * types' templates is checked before each lint (and on workspace/didChangeWatchedFiles), and a changed stamp
 * starts a fresh project layer.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, InsertTextFormat, MarkupKind, ProposedFeatures,
  TextDocumentSyncKind, TextDocuments, createConnection,
  type CodeAction, type CompletionItem, type Diagnostic, type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Speclint } from '../project/speclint.js';
import { SEARCH_PLACES } from '../config/load.js';
import { parseDocument } from '../parse/document.js';
import { useIncrementalParsing } from '../parse/chunks.js';
import { compileTemplate, type CompiledType } from '../templates/compile.js';
import { disableEdit, findingRange, findingTouches, fixEdit, headingGuidance, missingSections } from './lsp-features.js';
import { rulesById } from '../../rules/index.js';
import type { FileReport } from '../reporters/types.js';
import type { SpeclintOptions } from '../project/options.js';
import type { SpecDocument } from '../types.js';

export const ADD_TO_BASELINE = 'speclint.addToBaseline';
/** Quiet time after the last keystroke before a lint starts. */
const DEFAULT_DEBOUNCE_MS = 100;

interface Linted {
  version: number;
  report?: FileReport;
  /** Parsed on demand (code actions, hover, completion), once per version. */
  doc?: SpecDocument;
  /** A config or read problem: shown as a diagnostic on the first line, as the CLI says it on stderr. */
  problem?: string;
}

/** Server options from the command line (`speclint lsp [-c <config>] [--stdio]`) and initializationOptions. */
interface ServerSettings {
  configFile?: string;
  debounceMs: number;
}

function parseServerArgs(argv: string[]): { configFile?: string } {
  const out: { configFile?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-c' || arg === '--config') out.configFile = argv[++i];
    else if (arg.startsWith('--config=')) out.configFile = arg.slice('--config='.length);
    // --stdio, --node-ipc, --clientProcessId=…: what language clients pass; stdio is the only transport.
  }
  return out;
}

/** Runs until the client says exit (or closes the pipe). Resolves with the exit code. */
export function runLanguageServer(argv: string[], cwd: string): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // An edit re-parses the sections it touched, not the whole document (src/parse/chunks.ts).
  useIncrementalParsing();
  return new Promise((resolvePromise) => {
    new SpeclintServer(connection, cwd, parseServerArgs(argv)).listen(resolvePromise);
  });
}

const isMarkdown = (document: TextDocument) => document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(document.uri);

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

class SpeclintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly linted = new Map<string, Linted>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly stamps = new Map<string, string>();
  private speclint!: Speclint;
  private root: string;
  private settings: ServerSettings;
  private shutdownRequested = false;

  constructor(private readonly connection: Connection, cwd: string, args: { configFile?: string }) {
    this.root = cwd;
    this.settings = { configFile: args.configFile, debounceMs: DEFAULT_DEBOUNCE_MS };
  }

  private projectOptions(): SpeclintOptions {
    return { cwd: this.root, configFile: this.settings.configFile, threads: 0 };
  }

  /** A fresh project layer: every config, template and type is read again. */
  private reset(): void {
    this.speclint = new Speclint(this.projectOptions());
    this.stamps.clear();
  }

  listen(done: (code: number) => void): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => {
      const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
      const rootPath = folder ? pathOf(folder) : undefined;
      if (rootPath) this.root = rootPath;
      const init = (params.initializationOptions ?? {}) as { configFile?: string; debounceMs?: number };
      if (typeof init.configFile === 'string' && init.configFile) this.settings.configFile = resolve(this.root, init.configFile);
      if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.settings.debounceMs = init.debounceMs;
      this.watchRegistration = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
      this.reset();
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          hoverProvider: true,
          completionProvider: { triggerCharacters: ['#'] },
          executeCommandProvider: { commands: [ADD_TO_BASELINE] },
        },
        serverInfo: { name: 'speclint' },
      };
    });
    connection.onInitialized(() => {
      if (!this.watchRegistration) return;
      // Config files, baselines and templates (Markdown): a change re-checks every open document.
      const globs = [...SEARCH_PLACES.map((name) => `**/${name}`), '**/*baseline*.json', '**/*.{md,markdown}', '**/*.schema.json'];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
    });
    connection.onDidChangeWatchedFiles((params) => {
      // A config file that no stamp covers (an `extends` target, a schema) cannot be told apart: start afresh.
      if (params.changes.some((change) => !/\.(?:md|markdown)$/i.test(change.uri))) this.reset();
      for (const document of documents.all()) this.schedule(document, 0);
    });
    documents.onDidOpen(({ document }) => this.schedule(document, 0));
    documents.onDidChangeContent(({ document }) => this.schedule(document, this.settings.debounceMs));
    documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.linted.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.onCodeAction(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document)) return [];
      const linted = await this.current(document);
      if (!linted?.report) return [];
      const doc = this.parsed(document, linted);
      const actions: CodeAction[] = [];
      for (const finding of linted.report.messages) {
        if (finding.suppressed || !findingTouches(finding, params.range)) continue;
        const diagnostic = this.diagnostic(finding, doc);
        const edit = fixEdit(finding, document.getText(), (offset) => document.positionAt(offset));
        if (edit) {
          actions.push({ title: `Fix: ${finding.message.split(/: |; /)[0]} (${finding.ruleId})`, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [edit] } } });
        }
        const disable = disableEdit(finding, doc);
        if (disable) actions.push({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: disable.edits } } });
        if (finding.fingerprint) {
          const title = `Add this ${finding.ruleId} finding to the baseline`;
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ADD_TO_BASELINE, arguments: [document.uri, finding.ruleId, finding.fingerprint] } });
        }
      }
      return actions;
    });
    connection.onExecuteCommand(async (params) => {
      if (params.command !== ADD_TO_BASELINE) return null;
      const [uri, ruleId, fingerprint] = (params.arguments ?? []) as [string, string, string];
      return this.addToBaseline(uri, ruleId, fingerprint);
    });
    connection.onHover(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document)) return null;
      const typed = await this.typed(document);
      if (!typed) return null;
      const value = headingGuidance(typed.doc, typed.type, params.position.line + 1);
      return value ? { contents: { kind: MarkupKind.Markdown, value } } : null;
    });
    connection.onCompletion(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document)) return [];
      const typed = await this.typed(document);
      if (!typed) return [];
      const { line } = params.position;
      const typedText = document.getText({ start: { line, character: 0 }, end: params.position });
      // Offered where a heading can start: an empty line, or one that holds only `#`s and words so far.
      if (!/^\s*#*[^\n]*$/.test(typedText) || (typedText.trim() !== '' && !typedText.trimStart().startsWith('#'))) return [];
      return missingSections(typed.doc, typed.type, line + 1).map((section, index): CompletionItem => ({
        label: section.label,
        kind: CompletionItemKind.Snippet,
        detail: section.detail,
        documentation: section.documentation ? { kind: MarkupKind.Markdown, value: section.documentation } : undefined,
        filterText: typedText.trimStart().startsWith('#') ? section.headingLine : section.label,
        sortText: String(index).padStart(4, '0'),
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: { start: { line, character: 0 }, end: params.position }, newText: section.insertText },
      }));
    });
    connection.onShutdown(() => {
      this.shutdownRequested = true;
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
    });
    connection.onExit(() => done(this.shutdownRequested ? 0 : 1));
    documents.listen(connection);
    connection.listen();
  }

  private watchRegistration = false;

  private schedule(document: TextDocument, delay: number): void {
    if (!isMarkdown(document)) return;
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(document.uri, setTimeout(() => {
      this.timers.delete(document.uri);
      void this.lintAndPublish(document.uri);
    }, delay));
  }

  /** The lint of the document's current version (linting now if the last one is outdated). */
  private async current(document: TextDocument): Promise<Linted | undefined> {
    const known = this.linted.get(document.uri);
    if (known && known.version === document.version) return known;
    return this.lint(document);
  }

  private parsed(document: TextDocument, linted: Linted): SpecDocument {
    linted.doc ??= parseDocument(document.getText(), pathOf(document.uri));
    return linted.doc;
  }

  /** The document with its compiled type, for hover and completion; undefined for an untyped document. */
  private async typed(document: TextDocument): Promise<{ doc: SpecDocument; type: CompiledType } | undefined> {
    const linted = await this.current(document);
    const id = linted?.report?.documentType;
    if (!linted || !id) return undefined;
    const path = pathOf(document.uri);
    const { resolved } = await this.speclint.configFor(path ?? join(this.root, 'stdin.md'));
    const source = resolved.types[id];
    if (!source) return undefined;
    return { doc: this.parsed(document, linted), type: compileTemplate(source) };
  }

  /** What identifies the config a file gets: the config files that could apply, and its types' templates. */
  private async stampOf(path: string): Promise<string> {
    const parts: string[] = [];
    const stat = (file: string) => {
      const s = statSync(file, { throwIfNoEntry: false });
      if (s) parts.push(`${file}:${s.mtimeMs}:${s.size}`);
    };
    if (this.settings.configFile) stat(this.settings.configFile);
    else {
      for (let directory = dirname(path); ; directory = dirname(directory)) {
        for (const name of SEARCH_PLACES) stat(join(directory, name));
        if (dirname(directory) === directory) break;
      }
    }
    try {
      const { loaded } = await this.speclint.configFor(path);
      for (const type of Object.values(loaded.types)) {
        stat(type.template);
        if (type.schema) stat(type.schema);
      }
    } catch {
      // A broken config: the lint reports it.
    }
    return parts.join('\n');
  }

  private async lint(document: TextDocument): Promise<Linted | undefined> {
    const version = document.version;
    const text = document.getText();
    const path = pathOf(document.uri);
    const absolute = path ?? join(this.root, 'stdin.md');
    const stamp = await this.stampOf(absolute);
    const previous = this.stamps.get(absolute);
    if (previous !== undefined && previous !== stamp) {
      this.reset();
      // Other open documents may share the changed config.
      for (const other of this.documents.all()) if (other.uri !== document.uri) this.schedule(other, 0);
    }
    this.stamps.set(absolute, previous !== undefined && previous !== stamp ? await this.stampOf(absolute) : stamp);
    const speclint = this.speclint;
    const linted: Linted = { version };
    try {
      if (path && (await speclint.isPathIgnored(path))) {
        this.linted.set(document.uri, linted);
        return linted;
      }
      const run = await speclint.lintText(text, { filePath: path });
      await speclint.applyBaselines(run.results);
      linted.report = run.results[0];
      const notification = run.notifications[0];
      if (!linted.report && notification) linted.problem = notification.message;
    } catch (error) {
      // An invalid config or baseline: said once on the first line, as the CLI says it on stderr.
      linted.problem = (error as Error).message.split('\n')[0]!;
    }
    if (this.documents.get(document.uri)?.version !== version) return undefined;
    this.linted.set(document.uri, linted);
    return linted;
  }

  private async lintAndPublish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const linted = await this.lint(document);
    if (!linted) return;
    const lines = document.getText().split(/\r\n|\r|\n/);
    const lineText = (line: number) => lines[line - 1] ?? '';
    const diagnostics: Diagnostic[] = (linted.report?.messages ?? []).filter((f) => !f.suppressed).map((finding) => this.diagnostic(finding, { lineText }));
    if (linted.problem) {
      diagnostics.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: lineText(1).length } }, severity: DiagnosticSeverity.Error, source: 'speclint', message: `speclint: ${linted.problem}` });
    }
    await this.connection.sendDiagnostics({ uri, version: linted.version, diagnostics });
  }

  private diagnostic(finding: FileReport['messages'][number], doc: Pick<SpecDocument, 'lineText'>): Diagnostic {
    const url = rulesById.get(finding.ruleId)?.meta.docsUrl;
    return {
      range: findingRange(finding, (line) => doc.lineText(line)),
      severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'speclint',
      code: finding.ruleId,
      ...(url ? { codeDescription: { href: url } } : {}),
      message: finding.message,
      data: { fingerprint: finding.fingerprint },
    };
  }

  /** Records one finding in the baseline that applies to the file (as `speclint baseline` would), then re-lints. */
  private async addToBaseline(uri: string, ruleId: string, fingerprint: string): Promise<{ file?: string; applied: boolean }> {
    const document = this.documents.get(uri);
    if (!document) return { applied: false };
    const linted = await this.current(document);
    const report = linted?.report;
    const target = report?.messages.find((m) => !m.suppressed && m.ruleId === ruleId && m.fingerprint === fingerprint);
    if (!report || !target) return { applied: false };
    // The file's entries become what the baseline suppresses today plus this finding; other files' are kept.
    const recorded = { ...report, messages: [...report.messages.filter((m) => m.suppressed?.kind === 'external'), target] };
    const [written] = await this.speclint.writeBaselines([recorded], { update: false });
    const applied = written?.kind === 'record' && !written.unapplied;
    if (written && !applied) {
      void this.connection.window.showWarningMessage(`speclint: recorded in ${written.file}, which no config applies yet: add "baseline": "<path>" to the .specrc.json (speclint init writes one)`);
    }
    this.linted.delete(uri);
    await this.lintAndPublish(uri);
    return { file: written?.file, applied };
  }
}
