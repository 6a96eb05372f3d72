/**
 * Child process of the disposal test: starts a live folder on argv[2], disposes it and returns. Watchers are
 * persistent, so the process only exits by itself if dispose() closed every watcher and timer.
 */
import { LiveFolder } from '../../../electron/engine/live/live-folder.js';
import { inotifyWatchCount } from './wait-for.js';
import { rulesFor } from './live-folder-fixtures.js';

const root = process.argv[2] ?? '';
const folder = await LiveFolder.start({ rules: rulesFor(root) });
const watching = await inotifyWatchCount();
await folder.dispose();
console.log(`watching ${watching} folders; disposed; inotify watches left: ${await inotifyWatchCount()}`);
