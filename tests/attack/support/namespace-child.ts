/**
 * Runs a trash cleanup inside a private mount namespace (started by `runInMountNamespace`), where the test
 * bind-mounted a folder, so the root and the home trash are on one file system but different mounts and
 * a rename between them fails with EXDEV, as for a bind-mounted folder on a user's machine.
 * stdin: { root, swapper?, tree?, pathFallback? }: plan every file under `root` and trash it (on the path
 * fallback a machine without the addon uses, with `pathFallback`); with `swapper` and `tree`, under the
 * parent-swap attack. stdout: the folder's run result and the number of swaps.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlannedRemoval } from '../../../shared/types.js';
import { attackOnce, cleanUp, type AttackTree } from './swap-attack.js';

interface Input {
  root: string;
  swapper?: string;
  tree?: AttackTree;
  pathFallback?: boolean;
}

let text = '';
for await (const chunk of process.stdin) text += String(chunk);
const input = JSON.parse(text) as Input;

if (input.swapper && input.tree) {
  const outcome = await attackOnce(input.tree, input.swapper, 'trash');
  process.stdout.write(JSON.stringify({ result: outcome.result, swaps: outcome.swaps }));
} else {
  const items: PlannedRemoval[] = [];
  for (const rel of fs.readdirSync(input.root, { recursive: true }) as string[]) {
    const st = fs.lstatSync(path.join(input.root, rel));
    if (!st.isFile()) continue;
    const relPath = rel.split(path.sep).join('/');
    items.push({
      path: relPath,
      sizeBytes: st.size,
      mtimeMs: st.mtimeMs,
      dev: st.dev,
      ino: st.ino,
      reason: 'age',
    });
  }
  const result = await cleanUp(input.root, items, 'trash', input.pathFallback === true);
  process.stdout.write(JSON.stringify({ result, swaps: 0 }));
}
