/**
 * The consent rule on the command line (DESIGN.md invariant 7): a change that would remove files the
 * rules before it did not prints its impact, then asks on a terminal, or needs `--yes`; without a terminal
 * and without `--yes` it is refused with a sentence. `headroom detect --write` and any other command that
 * changes config.yaml save through `saveWithConsent`.
 */
import { createInterface } from 'node:readline/promises';
import type { ConfigPatch } from '../../shared/bridge.js';
import { displayName } from '../../shared/byte-names.js';
import { formatBytes } from '../../shared/format.js';
import { impactFigures } from '../../shared/impact-text.js';
import type { ConfigImpact, FolderImpact } from '../../shared/types.js';
import type { Engine } from '../engine/runtime/engine-types.js';
import type { CliIo } from './cli-io.js';

const LISTED = 10;

export interface ConsentOptions {
  /** `--yes`: confirmed without asking. */
  yes: boolean;
  /** Asks a yes/no question on the terminal; null when there is none (a script, a pipe). */
  ask: ((question: string) => Promise<boolean>) | null;
}

/** True when the impact is empty or the user agreed to it; otherwise prints why nothing happens. */
export async function confirmImpact(
  io: CliIo,
  impact: Pick<ConfigImpact, 'files' | 'bytes' | 'folders'>,
  lead: string,
  options: ConsentOptions,
): Promise<boolean> {
  if (impact.files === 0) return true;
  io.err(`${lead} ${impactFigures(impact)}.\n${listed(impact.folders)}`);
  if (options.yes) return true;
  if (options.ask) return options.ask('Go ahead and remove them? [y/N] ');
  io.err('headroom: nothing was changed or removed: run it again with --yes to confirm this removal.\n');
  return false;
}

/** Saves `patch`, confirming its impact first; false when the user did not agree (nothing written). */
export async function saveWithConsent(
  engine: Engine,
  io: CliIo,
  patch: ConfigPatch,
  options: ConsentOptions,
): Promise<boolean> {
  const impact = await engine.checkConfigImpact(patch);
  if (!(await confirmImpact(io, impact, 'Saving will remove', options))) return false;
  await engine.updateConfig({ ...patch, ...(impact.token ? { confirmImpact: impact.token } : {}) });
  return true;
}

/** A question on the terminal when stdin and stderr are one; null otherwise. */
export function terminalAsk(): ConsentOptions['ask'] {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  };
}

function listed(folders: readonly FolderImpact[]): string {
  const lines: string[] = [];
  for (const folder of folders) {
    for (const file of folder.remove.slice(0, LISTED))
      lines.push(
        `  ${folder.name}/${displayName(file.path)} (${formatBytes(file.sizeBytes)}, ${file.reason})`,
      );
    if (folder.files > LISTED) lines.push(`  … and ${folder.files - LISTED} more in ${folder.name}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
