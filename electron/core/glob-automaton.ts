/**
 * Runs a glob automaton over paths without backtracking: it follows every live state at once, one
 * character at a time, and caches the sets of states it has met as a deterministic automaton.
 */
import { MATCH, SPLIT, type GlobNfa } from './glob-nfa.js';

const ASCII = 128;
const UNKNOWN = -1;

/**
 * Automaton states kept before the cache starts over: each costs about 0.6 KB, and common globs need
 * a few dozen.
 */
export const DEFAULT_CACHED_STATES = 1000;

/**
 * A lazily built deterministic automaton over a {@link GlobNfa} (the technique of RE2 and Rust's regex).
 * A cached transition costs one table read; a new one costs one pass over the current set of states.
 * Either way a path of n characters costs O(n × automaton size), whatever the pattern or the path.
 */
export class GlobAutomaton {
  /** Work done: one per character read, plus one per state touched when a transition is not cached. */
  steps = 0;
  private readonly nfa: GlobNfa;
  private readonly cachedStates: number;
  private readonly mark: Int32Array;
  private readonly stack: Int32Array;
  private generation = 0;
  private sets: Int32Array[] = [];
  private accepting: boolean[] = [];
  private ids = new Map<string, number>();
  /** Transitions on ASCII characters, `ASCII` entries per state; the others in `other`. */
  private ascii = new Int32Array(0);
  private other: (Map<number, number> | undefined)[] = [];
  private start = 0;
  private dead = 0;

  constructor(nfa: GlobNfa, cachedStates = DEFAULT_CACHED_STATES) {
    this.nfa = nfa;
    this.cachedStates = Math.max(0, cachedStates);
    this.mark = new Int32Array(nfa.kind.length);
    this.stack = new Int32Array(2 * nfa.kind.length + 1);
    this.clear();
  }

  /** Whether the automaton accepts the whole of `path`, read by code point. */
  matches(path: string): boolean {
    let state = this.start;
    let read = 0;
    // Locals, refreshed when a transition may have grown or cleared the cache: this loop is hot.
    let ascii = this.ascii;
    let dead = this.dead;
    for (let i = 0; i < path.length; i++) {
      let c = path.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < path.length) {
        const low = path.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      read++;
      let to = c < ASCII ? ascii[state * ASCII + c]! : (this.other[state]?.get(c) ?? UNKNOWN);
      if (to === UNKNOWN) {
        to = this.transition(state, c);
        ascii = this.ascii;
        dead = this.dead;
      }
      state = to;
      if (state === dead) break;
    }
    this.steps += read;
    return this.accepting[state]!;
  }

  private transition(state: number, c: number): number {
    const { kind, next, test } = this.nfa;
    const generation = this.nextGeneration();
    for (const s of this.sets[state]!) {
      this.steps++;
      if (kind[s] !== MATCH && test[s]!(c)) this.close(next[s]!, generation);
    }
    const set = this.collect(generation);
    const known = this.ids.get(set.join());
    if (known !== undefined) {
      this.remember(state, c, known);
      return known;
    }
    // Full: start over (as RE2 does) rather than grow without bound on hostile names.
    if (this.sets.length >= this.cachedStates + 2) {
      this.clear();
      return this.intern(set);
    }
    const id = this.intern(set);
    this.remember(state, c, id);
    return id;
  }

  /** Marks the states reachable from `s` without reading, with an explicit stack: loops may be deep. */
  private close(s: number, generation: number): void {
    const { kind, next, alt } = this.nfa;
    const stack = this.stack;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const x = stack[--top]!;
      if (this.mark[x] === generation) continue;
      this.mark[x] = generation;
      this.steps++;
      if (kind[x] === SPLIT) {
        stack[top++] = alt[x]!;
        stack[top++] = next[x]!;
      }
    }
  }

  /** The marked reading states in increasing order: one key per set, whatever order they were reached in. */
  private collect(generation: number): Int32Array {
    const readers = this.nfa.readers;
    this.steps += readers.length;
    return readers.filter((s) => this.mark[s] === generation);
  }

  private nextGeneration(): number {
    if (this.generation === 0x7fffffff) {
      this.mark.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  private intern(set: Int32Array): number {
    const id = this.sets.length;
    this.sets.push(set);
    this.accepting.push(set.some((s) => this.nfa.kind[s] === MATCH));
    this.ids.set(set.join(), id);
    this.other.push(undefined);
    if (this.ascii.length < (id + 1) * ASCII) {
      const grown = new Int32Array(Math.max(4, 2 * (id + 1)) * ASCII).fill(UNKNOWN);
      grown.set(this.ascii);
      this.ascii = grown;
    }
    return id;
  }

  private remember(state: number, c: number, to: number): void {
    if (c < ASCII) this.ascii[state * ASCII + c] = to;
    else (this.other[state] ??= new Map()).set(c, to);
  }

  /** Empties the cache, keeping the start state and the dead one (no state left: no match possible). */
  private clear(): void {
    this.sets = [];
    this.accepting = [];
    this.ids = new Map();
    this.ascii = new Int32Array(0);
    this.other = [];
    const generation = this.nextGeneration();
    if (this.nfa.start >= 0) this.close(this.nfa.start, generation);
    this.start = this.intern(this.collect(generation));
    this.dead = this.ids.get('') ?? this.intern(new Int32Array(0));
  }
}
