/** How a manifest unit reads in a plan, preview, CLI output and run record. */
import { formatBytes, formatCount, formatDuration } from '../../../shared/format.js';
import type { ManifestUnit } from './manifest-types.js';

/** Longer ids are cut: a label is one line. */
const MAX_ID_CHARS = 40;

/**
 * "token abc123 · 3 files · 12 MB · expired 5 h ago", with what else matters: files already gone, files
 * left because another token lists them too.
 */
export function tokenLabel(
  unit: ManifestUnit,
  times: { nowMs: number; expiresAtMs: number | null; timeMs: number | null },
): string {
  const parts = [`token ${shortId(unit.id)}`, files(unit.files.length), formatBytes(unit.sizeBytes)];
  parts.push(unit.reason === 'expired' ? expired(times) : aged(times));
  if (unit.missing.length > 0) parts.push(`${files(unit.missing.length)} already gone`);
  if (unit.shared.length > 0) parts.push(`${files(unit.shared.length)} kept, listed by another token`);
  return parts.join(' · ');
}

/** "orphan renders/x.wav · 2 MB · 3 days old, no token lists it". */
export function orphanLabel(unit: ManifestUnit, ageMs: number): string {
  return `orphan ${unit.id} · ${formatBytes(unit.sizeBytes)} · ${formatDuration(ageMs)} old, no token lists it`;
}

function expired({ nowMs, expiresAtMs }: { nowMs: number; expiresAtMs: number | null }): string {
  return expiresAtMs === null ? 'expired' : `expired ${formatDuration(nowMs - expiresAtMs)} ago`;
}

function aged({ nowMs, timeMs }: { nowMs: number; timeMs: number | null }): string {
  return timeMs === null ? 'age unknown' : `${formatDuration(nowMs - timeMs)} old`;
}

function files(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'file' : 'files'}`;
}

function shortId(id: string): string {
  const shown = /^[\w.:@+-]+$/.test(id) ? id : JSON.stringify(id);
  return shown.length > MAX_ID_CHARS ? `${shown.slice(0, MAX_ID_CHARS - 1)}…` : shown;
}
