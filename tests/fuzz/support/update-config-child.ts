/**
 * Child process for the crash loop: updates config.yaml through the engine (`updateConfig`, the path the
 * dashboard's settings take) over and over, alternating two values, until it is killed.
 * argv: config file, data folder.
 */
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';

const [configFile, dataDir] = process.argv.slice(2) as [string, string];
const engine = await createEngine({ configFile, dataDir, log: () => {} });
const values = [70, 90];
for (let round = 0; ; round++) {
  await engine.updateConfig({ settings: { warning_threshold_percent: values[round % 2] } });
  if (round === 1) process.stdout.write('ready\n');
}
