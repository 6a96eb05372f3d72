/**
 * Keeps only the candidates Headroom may propose: folders that exist, are not managed already (nor inside
 * or around a managed one), are not refused roots (the same refusal code that loads config.yaml), and do
 * not overlap another proposal. Everything passed over comes back with why.
 */
import { promises as fs } from 'node:fs';
import type { PassedOverFolder } from '../../../shared/found-folders.js';
import type { FolderRules } from '../../../shared/types.js';
import { isInside, realPathOf, samePath } from '../config/safe-roots.js';
import { refusalContext, whyRefused, type RootCheckPlaces } from '../config/root-refusal.js';
import { shownPath, type Candidate } from './candidate.js';

export interface VettedCandidate extends Candidate {
  realPath: string;
}

export interface Vetted {
  accepted: VettedCandidate[];
  passedOver: PassedOverFolder[];
}

async function notAFolder(p: string): Promise<string | null> {
  const stat = await fs.stat(p).catch((error: NodeJS.ErrnoException) => error);
  if (stat instanceof Error)
    return stat.code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${stat.code})`;
  return stat.isDirectory() ? null : 'it is not a folder';
}

function overlapWith(realPath: string, others: readonly { name: string; realPath: string }[], what: string) {
  for (const other of others) {
    if (samePath(realPath, other.realPath)) return `it is already ${what} ${other.name}`;
    if (isInside(realPath, other.realPath)) return `it is inside ${what} ${other.name}`;
    if (isInside(other.realPath, realPath)) return `it contains ${what} ${other.name}`;
  }
  return null;
}

export async function vetCandidates(
  candidates: readonly Candidate[],
  configured: readonly FolderRules[],
  places: RootCheckPlaces,
): Promise<Vetted> {
  const ctx = await refusalContext(places);
  const managed = configured.map((f) => ({ name: f.name, realPath: f.path }));
  const accepted: VettedCandidate[] = [];
  const passedOver: PassedOverFolder[] = [];
  const seen: string[] = [];
  for (const candidate of candidates) {
    const realPath = await realPathOf(candidate.path);
    // The same folder reached twice (a usual place also named with --in) is one finding, said once.
    if (seen.some((p) => samePath(p, realPath))) continue;
    seen.push(realPath);
    const why =
      (await notAFolder(candidate.path)) ??
      overlapWith(realPath, managed, 'the managed folder') ??
      (await whyRefused(realPath, ctx)) ??
      overlapWith(realPath, accepted, 'the found folder');
    if (why) passedOver.push({ tool: candidate.tool, path: shownPath(candidate.path, places.home), why });
    else accepted.push({ ...candidate, realPath });
  }
  return { accepted, passedOver };
}
