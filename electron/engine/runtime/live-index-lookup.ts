/**
 * The live indexes, for the consent gate, which is built before the live runtime it reads from (the
 * runtime needs the gate). Until a runtime is bound, and always in a CLI command, there is none: the gate
 * then scans the folder itself.
 */
import type { FolderRules } from '../../../shared/types.js';
import type { FolderIndex } from '../index/folder-index.js';

interface IndexSource {
  indexOf(rules: FolderRules): FolderIndex | null;
}

export class LiveIndexLookup {
  private source: IndexSource | null = null;

  /** Reads from `source` from now on; returns it, so binding reads as part of building it. */
  bind<S extends IndexSource>(source: S): S {
    this.source = source;
    return source;
  }

  indexOf(rules: FolderRules): FolderIndex | null {
    return this.source?.indexOf(rules) ?? null;
  }
}
