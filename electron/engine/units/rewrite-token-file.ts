/**
 * Rewrites a manifest folder's token file after its files are gone (issue 11): drops exactly the tokens
 * whose files were all removed, keeps a partly removed token listing what remains, and loses nothing the
 * application wrote meanwhile.
 *
 * Why re-read and merge rather than refuse: the application adds a token each time it saves one, so
 * between planning and rewrite the file changes often. The rewrite starts from the file as it is now,
 * touches only the planned tokens whose entries are still exactly as planned, and checks just before the
 * rename that nobody wrote the file while the new one was being written; if somebody did, it starts
 * again (a few times, then leaves the file as it is and says so: the tokens stay listed, their files are
 * gone, and the next run drops them).
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkTokenPath } from '../../core/manifest/token-path.js';
import { rewriteTokenText, type RewriteResult } from '../../core/manifest/rewrite-token-text.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readTokenFile, sameStamp, statTokenFile } from './read-token-file.js';

const ATTEMPTS = 3;

export interface TokenRewriteInput {
  /** The folder root (absolute). */
  root: string;
  /** The token file (absolute). */
  file: string;
  /** The token file's text as planned. */
  plannedText: string;
  /** The ids of the tokens the run set out to remove. */
  planned: ReadonlySet<string>;
  /** Every path the plan set out to remove (relative): what a listed folder still holds is looked up here. */
  plannedPaths: readonly string[];
}

export interface TokenRewriteOutcome extends Omit<RewriteResult, 'text' | 'error'> {
  /** Sentences for the run record. */
  notes: string[];
}

class ChangedMeanwhile extends Error {}

export async function rewriteTokenFile(input: TokenRewriteInput): Promise<TokenRewriteOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const read = await readTokenFile(input.file);
    if (!read.ok) return noRewrite(input, `the token file was not rewritten: ${read.message}`);
    const remaining = await stillThere(input, read.text);
    const result = rewriteTokenText({
      plannedText: input.plannedText,
      currentText: read.text,
      planned: input.planned,
      remains: (path) => remaining.has(path),
    });
    if (result.error !== null) return noRewrite(input, `the token file was not rewritten: ${result.error}`);
    if (result.text !== null) {
      try {
        await writeFileAtomic(input.file, result.text, {
          beforeRename: async () => {
            if (!sameStamp(await statTokenFile(input.file), read.stamp)) throw new ChangedMeanwhile();
          },
        });
      } catch (error) {
        if (error instanceof ChangedMeanwhile) continue;
        const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
        return noRewrite(input, `the token file could not be rewritten (${code})`);
      }
    }
    return { dropped: result.dropped, kept: result.kept, changed: result.changed, notes: notesOf(result) };
  }
  return noRewrite(
    input,
    `the token file kept changing while Headroom rewrote it, so it was left as the application wrote it; the removed tokens stay listed until the next run`,
  );
}

/** The listed paths of the planned tokens that still hold something: a file, or a planned file below a folder. */
async function stillThere(input: TokenRewriteInput, currentText: string): Promise<Set<string>> {
  const listed = new Set<string>();
  for (const text of [input.plannedText, currentText]) {
    for (const path of plannedListings(text, input.planned)) listed.add(path);
  }
  const there = new Set<string>();
  for (const path of listed) {
    const stat = await lstat(join(input.root, path)).catch(() => null);
    if (stat === null) continue;
    if (!stat.isDirectory()) there.add(path);
    else if (await anyLeftBelow(input, path)) there.add(path);
  }
  return there;
}

async function anyLeftBelow(input: TokenRewriteInput, folder: string): Promise<boolean> {
  for (const path of input.plannedPaths) {
    if (!path.startsWith(`${folder}/`)) continue;
    if (
      await lstat(join(input.root, path)).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}

/** The normalised paths the planned tokens list in `text`, whatever its shape; nothing when it is no JSON. */
function plannedListings(text: string, planned: ReadonlySet<string>): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const entries = Array.isArray(json)
    ? json.map((e) => [(e as { token?: unknown } | null)?.token, e] as const)
    : typeof json === 'object' && json !== null
      ? Object.entries(json)
      : [];
  const paths: string[] = [];
  for (const [id, entry] of entries) {
    if (typeof id !== 'string' || !planned.has(id)) continue;
    const files = (entry as { files?: unknown } | null)?.files;
    if (!Array.isArray(files)) continue;
    for (const raw of files) {
      const check = typeof raw === 'string' ? checkTokenPath(raw) : null;
      if (check?.ok) paths.push(check.path);
    }
  }
  return paths;
}

function noRewrite(input: TokenRewriteInput, note: string): TokenRewriteOutcome {
  return { dropped: [], kept: [], changed: [], notes: input.planned.size > 0 ? [note] : [] };
}

function notesOf(result: RewriteResult): string[] {
  const notes: string[] = [];
  for (const { id, remaining } of result.kept) {
    const shown =
      remaining.slice(0, 3).join(', ') + (remaining.length > 3 ? ` and ${remaining.length - 3} more` : '');
    notes.push(
      `token ${id} stays in the token file: ${shown} ${remaining.length === 1 ? 'remains' : 'remain'}`,
    );
  }
  if (result.changed.length > 0) {
    notes.push(
      `the application changed or removed ${result.changed.map((id) => `token ${id}`).join(', ')} during the run; Headroom left the token file's ${result.changed.length === 1 ? 'entry' : 'entries'} as the application wrote ${result.changed.length === 1 ? 'it' : 'them'}`,
    );
  }
  return notes;
}
