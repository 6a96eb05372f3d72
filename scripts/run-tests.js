#!/usr/bin/env node
// `npm test`: the checks and suites in order, each step's duration and the total printed at the end, so a
// slow step shows itself on any machine. Stops at the first failing step with its exit code.
// `--quick`: the inner loop — types, then unit, integration and component tests, without the long fuzz,
// attack, soak, hostile corpus and browser runs.
import { spawn } from 'node:child_process';

const quick = process.argv.includes('--quick');

// A step is [name, command]; an array of steps runs side by side (each prints its output whole when it
// ends, so two logs never interleave): the static checks are independent, and on two cores together they
// take about half their sum.
const FULL = [
  [
    ['types', 'npm run typecheck'],
    ['lint', 'npm run lint'],
    ['formatting', 'npm run format:check'],
  ],
  ['build', 'npm run build'],
  ['vitest', "npx vitest run --exclude 'tests/soak/**'"],
  // The soak on its own: 30 simulated days of a live engine on real watchers, kept apart from the attack
  // tests' swappers and 20,000-file trees, which once left one of its runs incomplete (see issue #14's note).
  ['soak (alone)', 'npx vitest run tests/soak'],
  ['e2e (Chromium)', 'npx playwright test'],
  ['electron', 'npx playwright test -c playwright.electron.config.ts'],
];
const QUICK = [
  ['types', 'npm run typecheck'],
  ['vitest (unit, integration, component)', 'npx vitest run tests/unit tests/integration tests/renderer'],
];

const steps = quick ? QUICK : FULL;
const done = [];
const started = Date.now();
let failed = null;

for (const entry of steps) {
  const group = typeof entry[0] === 'string' ? [entry] : entry;
  const results = await Promise.all(group.map(([name, command]) => runStep(name, command, group.length > 1)));
  done.push(...results);
  failed = results.find((result) => result.status !== 0) ?? null;
  if (failed) break;
}

console.log('\nStep durations:');
for (const step of done) {
  const mark = step.status === 0 ? 'ok    ' : 'FAILED';
  console.log(`  ${mark} ${step.name.padEnd(40)} ${formatSeconds(step.seconds)}`);
}
console.log(`  total ${' '.repeat(41)}${formatSeconds((Date.now() - started) / 1000)}`);
if (failed) {
  console.log(`\n${failed.name} failed (exit ${failed.status}).`);
  process.exit(failed.status);
}

/** Runs one step; beside others, its output is held and printed whole when it ends. */
function runStep(name, command, besideOthers) {
  if (!besideOthers) console.log(`\n▶ ${name}: ${command}`);
  const stepStarted = Date.now();
  const child = spawn(command, { shell: true, stdio: besideOthers ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (besideOthers) {
        console.log(`\n▶ ${name}: ${command}`);
        process.stdout.write(Buffer.concat(output));
      }
      const status = code ?? (signal ? 1 : 0);
      resolve({ name, seconds: (Date.now() - stepStarted) / 1000, status });
    });
  });
}

function formatSeconds(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}
