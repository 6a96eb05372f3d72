/**
 * Holds the last good configuration. A reload that finds an invalid file keeps running on the last good
 * one and exposes the error; an update is validated in full before it is written, edits the YAML in place
 * so comments survive, and is written atomically. No file watching here: the live engine calls reload().
 */
import os from 'node:os';
import path from 'node:path';
import { BridgeError, configPatchSchema, type ConfigPatch, type ConfigView } from '../../../shared/bridge.js';
import { formatConfigError, formatConfigIssue } from '../../../shared/config-issue.js';
import type { ConfigFile } from '../../../shared/config-schema.js';
import type { AppConfig, ConfigErrorInfo, ConfigIssue, ConfigSource } from '../../../shared/types.js';
import type { Disposer } from '../ports.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { isChatterboxData, readChatterbox } from './chatterbox.js';
import { fileIssue } from './config-issues.js';
import { chatterboxEdits, headroomEdits } from './config-patch.js';
import { applyEdits, type DocEdit } from './edit-document.js';
import { parseConfigText, type LoadContext, type LoadResult } from './load-config.js';
import { fullSettings } from './normalise-config.js';
import { parseYaml } from './parse-yaml.js';
import { readConfigText } from './read-config-text.js';
import type { RootCheckPlaces } from './root-refusal.js';

/** The config view as the store knows it; which folders are missing is the engine's to add (it looks on disk). */
export type StoredConfigView = Omit<ConfigView, 'missingFolders'>;

export interface ConfigState {
  config: AppConfig;
  source: ConfigSource;
}

/** What listeners get after every reload and update. */
export interface ConfigChange {
  current: ConfigState | null;
  error: ConfigErrorInfo | null;
  warnings: ConfigIssue[];
}

/** Steps of an update that belong to the caller (the consent check, DESIGN.md invariant 7). */
export interface UpdateHooks {
  /** Sees the new configuration before anything is written; throwing refuses the update. */
  check?: (next: AppConfig) => Promise<void>;
  /** Runs after the file is written and before listeners are told. */
  written?: (next: AppConfig) => Promise<void>;
}

interface Good extends ConfigState {
  written: ConfigFile;
}

/** A folder to append to the file, with the comment written above it. */
export interface FolderAddition {
  folder: Record<string, unknown> & { name: string; path: string };
  comment: string;
}

export interface AppendDraft {
  text: string;
  result: Extract<LoadResult, { ok: true }>;
}

const invalidConfig = (issues: ConfigIssue[]): BridgeError =>
  new BridgeError('config-invalid', issues.map(formatConfigIssue).join('\n'), issues);

const CHATTERBOX_FIXED =
  "this config.yaml is Chatterbox's own, which holds exactly its three folders; to manage more, give Headroom a config of its own (--config FILE)";

export class ConfigStore {
  private good: Good | null = null;
  private lastError: ConfigErrorInfo | null = null;
  private lastWarnings: ConfigIssue[] = [];
  private text = '';
  private readonly listeners = new Set<(change: ConfigChange) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** Absolute path of config.yaml. */
    readonly file: string,
    private readonly ctx: Required<LoadContext>,
  ) {}

  /** Loads `file`; an invalid or missing file gives a store with `current() === null` and an `error()`. */
  static async open(file: string, options: LoadContext): Promise<ConfigStore> {
    const store = new ConfigStore(path.resolve(file), {
      dataDir: path.resolve(options.dataDir),
      home: options.home ?? os.homedir(),
    });
    await store.reload();
    return store;
  }

  /** The last good configuration and where it came from, or null when there never was one. */
  current(): ConfigState | null {
    return this.good && { config: this.good.config, source: this.good.source };
  }

  /** The problems of the file as it is now; null when it is valid. */
  error(): ConfigErrorInfo | null {
    return this.lastError;
  }

  /** Things worth saying about a valid file (e.g. a Chatterbox setting Headroom reads differently). */
  warnings(): ConfigIssue[] {
    return this.lastWarnings;
  }

  /** Re-reads the file. An invalid file keeps the last good configuration and sets the error. */
  reload(): Promise<ConfigChange> {
    return this.serially(() => this.readFile());
  }

  private async readFile(): Promise<ConfigChange> {
    const read = await readConfigText(this.file);
    if (read.ok) this.text = read.text;
    const result: LoadResult = read.ok
      ? await parseConfigText(read.text, this.file, this.ctx)
      : { ok: false, error: { file: this.file, issues: [read.issue], usingLastGood: false } };
    this.accept(result);
    return this.notify();
  }

  /** The settings editor's view: the file's values (defaults filled in), its text and any error. */
  view(): StoredConfigView {
    const written = this.good?.written;
    return {
      source: this.good?.source ?? { file: this.file, kind: 'headroom' },
      settings: fullSettings(written ?? {}),
      folders: written?.folders.map((f) => ({ ...f })) ?? [],
      text: this.text,
      error: this.lastError,
      foldersEditable: this.good?.source.kind !== 'chatterbox',
    };
  }

  /**
   * Applies `patch` to the file as it is on disk now. Throws `BridgeError('config-invalid')` (with
   * `FILE:LINE:COL: message` lines, and the issues themselves for the form's fields) when the result would be invalid, and `'config-readonly'` for what a
   * Chatterbox file cannot hold; the file is untouched in both cases.
   */
  update(patch: ConfigPatch, hooks: UpdateHooks = {}): Promise<StoredConfigView> {
    return this.serially(() => this.applyPatch(patch, hooks));
  }

  /** The configuration `patch` would give, applied to the file as it is on disk now; nothing is written. */
  patched(patch: ConfigPatch): Promise<AppConfig> {
    return this.serially(async () => (await this.parsePatched(patch)).result.config);
  }

  /** Reloads and updates run one at a time, so a slow reload never overwrites a newer update's state. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Calls `listener` after every reload and update; the disposer stops it. */
  onChange(listener: (change: ConfigChange) => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async applyPatch(input: ConfigPatch, hooks: UpdateHooks): Promise<StoredConfigView> {
    const { newText, result } = await this.parsePatched(input);
    await hooks.check?.(result.config);
    await writeFileAtomic(this.file, newText);
    // Before listeners hear of it: the live engine must not take the engine's own save for a disk edit.
    await hooks.written?.(result.config);
    this.text = newText;
    this.accept(result);
    this.notify();
    return this.view();
  }

  private async parsePatched(input: ConfigPatch) {
    const parsed = configPatchSchema().safeParse(input);
    if (!parsed.success) {
      // `settings.X` of a patch is the top-level key X of the file; `folders…` is the same path in both.
      const issues = parsed.error.issues.map((i) => {
        const path = i.path[0] === 'settings' ? i.path.slice(1) : i.path;
        return { ...fileIssue(this.file, i.message), key: path.join('.') || null };
      });
      const lines = parsed.error.issues.map((i) => `${this.file}: ${i.path.join('.')}: ${i.message}`);
      throw new BridgeError('config-invalid', lines.join('\n'), issues);
    }
    const text = await this.textOnDisk();
    const newText = this.editedText(text, parsed.data);
    const result = await parseConfigText(newText, this.file, this.ctx);
    if (!result.ok)
      throw new BridgeError('config-invalid', formatConfigError(result.error), result.error.issues);
    return { newText, result };
  }

  /** The file's current text; a missing file is edited as an empty one (the patch must then be complete). */
  private async textOnDisk(): Promise<string> {
    const read = await readConfigText(this.file);
    if (read.ok) return read.text;
    if (read.missing) return '';
    throw new BridgeError('config-invalid', formatConfigIssue(read.issue), [read.issue]);
  }

  private editedText(text: string, patch: ConfigPatch): string {
    const { doc, data, site } = this.parseForEdit(text);
    if (!isChatterboxData(data)) return applyEdits(text, doc, headroomEdits(data, patch));
    const chatterbox = readChatterbox(data, site);
    if (!chatterbox.ok) throw invalidConfig(chatterbox.issues);
    return applyEdits(text, doc, chatterboxEdits(chatterbox.file, patch));
  }

  private parseForEdit(text: string) {
    const read = parseYaml(text, this.file, { emptyAsMapping: true });
    if (!read.ok) throw invalidConfig(read.issues);
    return { doc: read.site.doc, data: read.data, site: read.site };
  }

  /** The places roots are checked against (DESIGN.md invariant 3), as this store loads its file. */
  rootPlaces(): RootCheckPlaces {
    return { home: this.ctx.home, dataDir: this.ctx.dataDir, configFile: this.file };
  }

  /**
   * The file as it would be with `additions` appended to its folder list (each with its comment above it),
   * loaded and vetted like any config (refused roots, overlaps) but not written. Throws like update().
   */
  draftAppend(additions: readonly FolderAddition[]): Promise<AppendDraft> {
    return this.serially(() => this.appendDraft(additions));
  }

  /** Appends `additions` atomically, comments kept, after the same checks as draftAppend(). */
  append(additions: readonly FolderAddition[]): Promise<StoredConfigView> {
    return this.serially(async () => {
      const draft = await this.appendDraft(additions);
      await writeFileAtomic(this.file, draft.text);
      this.text = draft.text;
      this.accept(draft.result);
      this.notify();
      return this.view();
    });
  }

  private async appendDraft(additions: readonly FolderAddition[]): Promise<AppendDraft> {
    const text = await this.textOnDisk();
    const { doc, data } = this.parseForEdit(text);
    if (isChatterboxData(data)) throw new BridgeError('config-readonly', CHATTERBOX_FIXED);
    const edits = additions.map(({ folder, comment }): DocEdit => ({
      op: 'append',
      path: ['folders'],
      value: folder,
      comment,
    }));
    const newText = applyEdits(text, doc, edits);
    const result = await parseConfigText(newText, this.file, this.ctx);
    if (!result.ok)
      throw new BridgeError('config-invalid', formatConfigError(result.error), result.error.issues);
    return { text: newText, result };
  }

  private accept(result: LoadResult): void {
    if (result.ok) {
      this.good = { config: result.config, source: result.source, written: result.written };
      this.lastError = null;
      this.lastWarnings = result.warnings;
    } else {
      this.lastError = { ...result.error, usingLastGood: this.good !== null };
      this.lastWarnings = [];
    }
  }

  private notify(): ConfigChange {
    const change: ConfigChange = {
      current: this.current(),
      error: this.lastError,
      warnings: this.lastWarnings,
    };
    for (const listener of this.listeners) listener(change);
    return change;
  }
}
