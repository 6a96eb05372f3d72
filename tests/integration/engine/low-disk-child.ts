/**
 * Runs inside a private mount namespace where the test mounted a small tmpfs at `vol` (a real volume with
 * real statfs figures): fills it from outside the managed folder, starts the live engine with a fake clock
 * at the port, moves the clock past the low-disk check, and prints what happened as JSON.
 * stdin: { vol, dataDir }.
 */
import { readdirSync, writeFileSync, utimesSync, mkdirSync, existsSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import { manualClock } from '../../support/manual-clock.js';

let text = '';
for await (const chunk of process.stdin) text += String(chunk);
const { vol, dataDir } = JSON.parse(text) as { vol: string; dataDir: string };

const MB = 1024 * 1024;
const outputs = join(vol, 'outputs');
mkdirSync(outputs);
for (let i = 0; i < 10; i++) {
  const file = join(outputs, `take-${i}.wav`);
  writeFileSync(file, Buffer.alloc(MB, 1));
  const when = new Date(Date.now() - (20 - i) * 86_400_000);
  utimesSync(file, when, when);
}
// Another program fills the disk: 16 MB volume, 10 MB in the folder, this leaves well under 5% free.
writeFileSync(join(vol, 'other-program.bin'), Buffer.alloc(5.6 * MB, 2));
const space = statfsSync(vol);
const freePercentBefore = ((space.bavail * space.bsize) / (space.blocks * space.bsize)) * 100;

const configFile = join(dataDir, 'config.yaml');
writeFileSync(
  configFile,
  `cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ${outputs}\n    max_size_gb: 0.01\n`,
);
const clock = manualClock(Date.now());
const engine = await createEngine({ dataDir, configFile, live: true, clock, log: () => {} });
try {
  clock.advance(1000); // the schedule and the low-disk check start
  clock.advance(30_000); // the first check
  let runs = (await engine.getHistory({})).runs;
  for (let i = 0; i < 600 && !runs.some((r) => r.trigger === 'low-disk' && r.finishedAt); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    runs = (await engine.getHistory({})).runs;
  }
  process.stdout.write(
    JSON.stringify({
      freePercentBefore,
      left: readdirSync(outputs).sort(),
      otherProgramKept: existsSync(join(vol, 'other-program.bin')),
      runs: runs.map((r) => ({ trigger: r.trigger, status: r.status, removed: r.filesRemoved })),
    }),
  );
} finally {
  await engine.dispose();
}
