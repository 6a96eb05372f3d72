/** Child for the permission test: loads argv[2] (dataDir argv[3], home argv[4]) and prints the result as JSON. */
import { loadConfigFile } from '../../../electron/engine/config/load-config.js';

const result = await loadConfigFile(process.argv[2]!, { dataDir: process.argv[3]!, home: process.argv[4]! });
process.stdout.write(JSON.stringify(result));
