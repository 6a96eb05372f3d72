/**
 * Time to test one hostile name (all dashes, so `.wav` never comes) against `*-*-*-*.wav` and a glob
 * with ten `*`: the RegExp that picomatch 4 compiled for them before issue 10, against the automaton of
 * electron/core/glob-match.ts. Run: `npx tsx bench/glob-hostile.ts`.
 *
 * picomatch is no longer a dependency, so its RegExp is rebuilt here as it printed it. The old matcher
 * stops at the first name that takes it over a second: the next would take minutes or years.
 */
import { compileGlobs } from '../electron/core/glob-match.js';

const LENGTHS = [16, 24, 32, 48, 64, 128, 240, 255];
const GIVE_UP_MS = 1000;

/** picomatch's RegExp for `**` + `/` + pattern and for that + `/**` + `/*`, as compileGlobs joined them. */
function oldRegExp(stars: number): RegExp {
  const notDots = String.raw`(?!\.{1,2}(?:\/|$))`;
  const anyFolders = String.raw`(?:^|\/|(?:(?:(?!(?:^|\/)\.{1,2}(?:\/|$)).)*?)\/)`;
  const name = `${notDots}(?=.)${'[^/]*?-'.repeat(stars - 1)}[^/]*?\\.wav`;
  const inside = String.raw`(?:\/${notDots}(?:(?:(?!(?:^|\/)\.{1,2}(?:\/|$)).)*?)\/|\/|$)${notDots}(?=.)[^/]*?\/?`;
  return new RegExp(`(?:^(?:${anyFolders}${name})$)|(?:^(?:${anyFolders}${name}${inside})$)`);
}

function timeMs(test: () => boolean): number {
  const started = performance.now();
  test();
  return performance.now() - started;
}

for (const stars of [4, 10]) {
  const pattern = `${'*-'.repeat(stars - 1)}*.wav`;
  const old = oldRegExp(stars);
  const isMatch = compileGlobs([pattern]);
  let oldGaveUp = false;
  console.log(`\n${pattern}\n  name length   old RegExp ms   automaton ms`);
  for (const length of LENGTHS) {
    const name = '-'.repeat(length);
    const oldMs: number = oldGaveUp ? NaN : timeMs(() => old.test(name));
    oldGaveUp ||= oldMs > GIVE_UP_MS;
    const newMs = timeMs(() => isMatch(name));
    const oldText = Number.isNaN(oldMs) ? 'skipped' : oldMs.toFixed(1);
    console.log(
      `  ${String(length).padStart(11)}   ${oldText.padStart(13)}   ${newMs.toFixed(3).padStart(12)}`,
    );
  }
}
