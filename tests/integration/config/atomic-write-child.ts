/** Child process for the crash test: rewrites argv[2] with two alternating big texts until killed. */
import { writeFileAtomic } from '../../../electron/engine/fs/atomic-write.js';

const file = process.argv[2]!;
const sizeBytes = Number(process.argv[3]);
const texts = ['a', 'b'].map((c) => c.repeat(sizeBytes));
let round = 0;
for (;;) {
  await writeFileAtomic(file, texts[round % 2]!);
  if (round === 0) process.stdout.write('ready\n');
  round++;
}
