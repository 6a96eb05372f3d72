/**
 * The trash port for Node hosts (headless CLI and `serve`), built on the `trash` package. The Electron
 * host passes `shell.trashItem` instead.
 */
import type { TrashPort } from '../ports.js';

/**
 * Moves one file to the system trash. Globbing is off, so a file named `[1].wav` or `*.png` is taken
 * literally. On Linux the file goes to the XDG trash of its volume: `$XDG_DATA_HOME/Trash` (default
 * `~/.local/share/Trash`) when it is on the home folder's device, else `<mount point>/.Trash-<uid>`;
 * the package reads `HOME`/`XDG_DATA_HOME` when it is first used in a process. A path that no longer
 * exists is silently ignored by the package (the executor has checked it just before).
 * The package is loaded on first use: a run that only deletes never pays for it.
 */
export const nodeTrash: TrashPort = async (absolutePath) => {
  const { default: trash } = await import('trash');
  await trash(absolutePath, { glob: false });
};
