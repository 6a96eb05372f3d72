/**
 * The rules removals follow (DESIGN.md invariant 7): each folder's rules as the user last agreed to them,
 * and whether they chose to hold a disk edit's new removals. Kept in the data folder so a restart neither
 * forgets a held change nor lets a pending one run at start-up. A missing or damaged file starts from the
 * configuration as it is (a first start has nothing to compare with).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FolderRules } from '../../../shared/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { PARSED_ONCE } from '../../../shared/parse-once.js';

export const CONSENT_FILE = 'consent.json';

/** The fields planning reads are checked; others (a folder kind's own) are kept as written. */
const rulesSchema = z.looseObject({
  name: z.string(),
  path: z.string(),
  maxSizeBytes: z.number().nullable(),
  maxFiles: z.number().nullable(),
  maxAgeDays: z.number().nullable(),
  minAgeMinutes: z.number(),
  sizeTargetPercent: z.number(),
  exclude: z.array(z.string()),
  protect: z.array(z.string()),
  action: z.enum(['delete', 'trash']),
  enabled: z.boolean(),
  caseSensitiveGlobs: z.boolean(),
});

const ledgerSchema = z.object({
  approved: z.array(rulesSchema.transform((r) => r as unknown as FolderRules)),
  held: z.boolean(),
  /** When the pending change was first seen (epoch ms), null when none waits. */
  pendingSinceMs: z.number().nullable(),
});
type Ledger = z.output<typeof ledgerSchema>;

export class ConsentLedger {
  private constructor(
    private readonly file: string,
    private state: Ledger,
    /** Only the data folder's owner writes; other processes read. */
    private readonly writable: boolean,
  ) {}

  /** Reads `file`; without a readable one, `initial` (the configuration now) is what was agreed. */
  static async open(
    file: string,
    initial: readonly FolderRules[],
    writable: boolean,
  ): Promise<ConsentLedger> {
    const read = await readLedger(file);
    const ledger = new ConsentLedger(
      file,
      read ?? { approved: [...initial], held: false, pendingSinceMs: null },
      writable,
    );
    if (read === null) await ledger.save();
    return ledger;
  }

  /** The agreed rules of the folder named `name`, or null when it has none (new, or never agreed). */
  approved(name: string): FolderRules | null {
    return this.state.approved.find((r) => r.name === name) ?? null;
  }

  approvedAll(): readonly FolderRules[] {
    return this.state.approved;
  }

  get held(): boolean {
    return this.state.held;
  }

  get pendingSinceMs(): number | null {
    return this.state.pendingSinceMs;
  }

  /**
   * Agrees to `rules` for the folders they name (others keep theirs); with `all`, the agreed set becomes
   * exactly `rules` (folders no longer configured are forgotten). Clears the hold and the pending mark.
   */
  async approve(rules: readonly FolderRules[], all: boolean): Promise<void> {
    const names = new Set(rules.map((r) => r.name));
    const kept = all ? [] : this.state.approved.filter((r) => !names.has(r.name));
    this.state = { approved: [...kept, ...rules], held: false, pendingSinceMs: null };
    await this.save();
  }

  async setHeld(held: boolean): Promise<void> {
    if (this.state.held === held) return;
    this.state = { ...this.state, held };
    await this.save();
  }

  /** Notes when a pending change was first seen (kept across restarts); null clears it. */
  async markPending(sinceMs: number | null): Promise<void> {
    if (sinceMs !== null && this.state.pendingSinceMs !== null) return;
    if (sinceMs === null && this.state.pendingSinceMs === null && !this.state.held) return;
    this.state = { ...this.state, pendingSinceMs: sinceMs, held: sinceMs === null ? false : this.state.held };
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.writable) await writeFileAtomic(this.file, JSON.stringify(this.state, null, 2) + '\n');
  }
}

async function readLedger(file: string): Promise<Ledger | null> {
  try {
    const parsed = ledgerSchema.safeParse(JSON.parse(await readFile(file, 'utf8')), PARSED_ONCE);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
