/**
 * Turns a `ConfigPatch` (settings to change, optionally the complete new folder list) into the smallest
 * set of YAML edits: a value equal to what the file already means is not written, folders are matched by
 * name so their comments survive, new folders are appended and removed ones deleted.
 */
import type { ConfigPatch } from '../../../shared/bridge.js';
import { BridgeError } from '../../../shared/bridge.js';
import { CONFIG_DEFAULTS, type ConfigFile, type FolderConfig } from '../../../shared/config-schema.js';
import { CHATTERBOX_FOLDERS, CHATTERBOX_SETTINGS, CLEANUP_PATH } from './chatterbox.js';
import type { DocEdit } from './edit-document.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** What an unset setting means: its default. */
function effective(raw: Record<string, unknown>, key: string): unknown {
  return raw[key] ?? (CONFIG_DEFAULTS as Record<string, unknown>)[key];
}

/** Edits for a Headroom config; `data` is the file's current content as plain data. */
export function headroomEdits(data: Record<string, unknown>, patch: ConfigPatch): DocEdit[] {
  const edits: DocEdit[] = [];
  for (const [key, value] of Object.entries(patch.settings ?? {})) {
    if (value !== undefined && !same(value, effective(data, key)))
      edits.push({ op: 'set', path: [key], value });
  }
  if (patch.folders) edits.push(...folderEdits(data.folders, patch.folders));
  return edits;
}

function folderEdits(current: unknown, wanted: readonly FolderConfig[]): DocEdit[] {
  if (!Array.isArray(current)) return [{ op: 'set', path: ['folders'], value: wanted }];
  const existing = current.map((f) => record(f));
  const indexOf = (name: string): number => {
    const exact = existing.findIndex((f) => f.name === name);
    return exact >= 0
      ? exact
      : existing.findIndex((f) => String(f.name).toLowerCase() === name.toLowerCase());
  };
  const edits: DocEdit[] = [];
  const kept = new Set<number>();
  for (const folder of wanted) {
    const i = indexOf(folder.name);
    if (i < 0 || kept.has(i)) {
      edits.push({ op: 'append', path: ['folders'], value: folder });
      continue;
    }
    kept.add(i);
    const old = existing[i]!;
    for (const key of new Set([...Object.keys(old), ...Object.keys(folder)])) {
      const value = (folder as Record<string, unknown>)[key];
      if (value === undefined) edits.push({ op: 'delete', path: ['folders', i, key] });
      else if (!same(value, old[key])) edits.push({ op: 'set', path: ['folders', i, key], value });
    }
  }
  // Highest index first, so deleting one folder does not shift the next one to delete.
  for (let i = existing.length - 1; i >= 0; i--) {
    if (!kept.has(i)) edits.push({ op: 'delete', path: ['folders', i] });
  }
  return moveAppendsLast(edits);
}

/** Appends go after deletions so the new folders' positions are not disturbed. */
function moveAppendsLast(edits: DocEdit[]): DocEdit[] {
  return [...edits.filter((e) => e.op !== 'append'), ...edits.filter((e) => e.op === 'append')];
}

const readonly = (message: string): BridgeError => new BridgeError('config-readonly', message);

/**
 * Edits for a Chatterbox config: settings and the three folders' limits map back to the cleanup block;
 * anything the block cannot hold throws `BridgeError('config-readonly')`. `current` is what the file
 * means now (as `readChatterbox` read it).
 */
export function chatterboxEdits(current: ConfigFile, patch: ConfigPatch): DocEdit[] {
  const edits: DocEdit[] = [];
  const stored = new Set<string>(CHATTERBOX_SETTINGS);
  for (const [key, value] of Object.entries(patch.settings ?? {})) {
    if (value === undefined || same(value, effective(current as Record<string, unknown>, key))) continue;
    if (!stored.has(key)) throw readonly(`${key} cannot be stored in a Chatterbox config.yaml`);
    edits.push({ op: 'set', path: [...CLEANUP_PATH, key], value });
  }
  if (patch.folders) edits.push(...chatterboxFolderEdits(current.folders, patch.folders));
  return edits;
}

function chatterboxFolderEdits(current: readonly FolderConfig[], wanted: readonly FolderConfig[]): DocEdit[] {
  const names = CHATTERBOX_FOLDERS.map((f) => f.name);
  const fixed = `a Chatterbox config always has exactly the folders ${names.join(', ')}`;
  if (wanted.length !== names.length || !names.every((n) => wanted.some((f) => f.name === n))) {
    throw readonly(`${fixed}; folders cannot be added, removed or renamed`);
  }
  const edits: DocEdit[] = [];
  for (const folder of wanted) {
    const spec = CHATTERBOX_FOLDERS.find((f) => f.name === folder.name)!;
    const old = current.find((f) => f.name === folder.name)!;
    if (folder.path !== old.path) throw readonly(`${fixed}; their paths come from Chatterbox's paths: block`);
    for (const [key, value] of Object.entries(folder)) {
      if (key === 'name' || key === 'path') continue;
      const cleanupKey = spec.limits[key as keyof typeof spec.limits];
      if (cleanupKey) {
        if (!same(value, old[key as keyof FolderConfig]))
          edits.push({ op: 'set', path: [...CLEANUP_PATH, cleanupKey], value });
      } else if (!same(value, (CONFIG_DEFAULTS as Record<string, unknown>)[key]) && !same(value, [])) {
        throw readonly(`${folder.name}: ${key} cannot be stored in a Chatterbox config.yaml`);
      }
    }
    for (const limit of Object.keys(spec.limits)) {
      if ((folder as Record<string, unknown>)[limit] === undefined) {
        throw readonly(`${folder.name}: ${limit} cannot be removed from a Chatterbox config`);
      }
    }
  }
  return edits;
}
