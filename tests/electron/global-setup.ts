/** Says once, in the run's output, why the Electron tests skip (the list reporter omits skip reasons). */
import { ELECTRON_SKIP_REASON, findElectronBinary } from './electron-binary.js';

export default function globalSetup(): void {
  if (findElectronBinary() === null) console.log(`\ntests/electron will skip: ${ELECTRON_SKIP_REASON}\n`);
}
