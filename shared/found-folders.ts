/**
 * What `headroom detect` and the dashboard's "Found on this computer" checklist show: folders that the
 * tools on this machine fill, each proposed with its kind and limits, addressed by an id the engine issued
 * (a client never sends a path; DESIGN.md invariant 6).
 */
import type { FolderConfig } from './config-schema.js';
import { formatBytes, formatCount } from './format.js';

/** The tools Headroom knows how to find. */
export type FoundTool =
  'huggingface' | 'ollama' | 'comfyui' | 'automatic1111' | 'forge' | 'chatterbox' | 'gradio';

/** What the first cleanup of a proposed folder would remove, as the engine's preview plans it. */
export interface FoundFolderPreview {
  files: number;
  bytes: number;
  notes: string[];
  /** Set when the folder could not be planned; the preview then removes nothing. */
  error: string | null;
}

/** One proposed folder. */
export interface FoundFolder {
  /** Issued by the engine; stable for the same tool, kind and real path. */
  id: string;
  tool: FoundTool;
  /** What was found where, in a sentence (also the YAML comment above the folder). */
  foundBy: string;
  /** The folder as it would be added to config.yaml (with `kind` where it is not `files`). */
  folder: FolderConfig;
  preview: FoundFolderPreview;
}

/** A folder that was found but is not proposed, and why. */
export interface PassedOverFolder {
  tool: FoundTool | null;
  path: string;
  why: string;
}

export interface DetectResult {
  proposals: FoundFolder[];
  passedOver: PassedOverFolder[];
  /** The YAML that adding every proposal would append to config.yaml, comments included. */
  yaml: string;
  /** True while config.yaml manages only Headroom's own sample folders (the dashboard's first run). */
  firstRun: boolean;
  /** The paths of the managed folders that are Headroom's own samples, first run or not (their cards say so). */
  samples: string[];
  /** False when config.yaml cannot take new folders (a Chatterbox file); `readOnlyReason` says why. */
  canAdd: boolean;
  readOnlyReason: string | null;
}

/** After adding: which folders were added and the file they were written to. */
export interface AddedFolders {
  added: string[];
  file: string;
}

const LIMIT_KEYS = ['max_size_gb', 'max_files', 'max_age_days'] as const;

/** "max_size_gb 10, max_age_days 7": a proposal's limits as config.yaml spells them. */
export function describeLimits(folder: FoundFolder['folder']): string {
  return LIMIT_KEYS.filter((key) => folder[key] !== undefined)
    .map((key) => `${key} ${folder[key]}`)
    .join(', ');
}

/** "first cleanup would remove 3 files, 2.9 KB" (or why it could not be planned). */
export function describeFirstCleanup(preview: FoundFolderPreview): string {
  if (preview.error) return `first cleanup could not be previewed: ${preview.error}`;
  if (preview.files === 0) return 'first cleanup would remove nothing';
  const files = preview.files === 1 ? '1 file' : `${formatCount(preview.files)} files`;
  return `first cleanup would remove ${files}, ${formatBytes(preview.bytes)}`;
}
