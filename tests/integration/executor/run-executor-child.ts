/**
 * Runs `executePlan` in a process of its own, for tests that need a different user (setpriv) or a
 * different environment (HOME and XDG_DATA_HOME for the trash). Reads `{ root, plan, rules, dryRun }` as
 * JSON on stdin (and `forcePathFallback`), writes the FolderRunResult as JSON on stdout.
 */
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const { root, plan, rules, dryRun, forcePathFallback } = JSON.parse(input);
const result = await executePlan({
  root,
  plan,
  rules,
  dryRun,
  forcePathFallback,
  nowMs: Date.now,
  retryDelayMs: 10,
});
process.stdout.write(JSON.stringify(result));
