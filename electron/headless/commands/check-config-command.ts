/** `headroom check-config`: validate the configuration; exit 2 with `FILE:LINE:COL: message` lines when invalid. */
import { formatConfigIssue } from '../../../shared/config-issue.js';
import { countOf } from '../../../shared/format.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { EXIT_OK, EXIT_USAGE, printJson } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';

export async function checkConfigCommand(engine: Engine, io: CliIo, json: boolean): Promise<number> {
  const view = await engine.getConfig();
  const issues = view.error?.issues ?? [];
  if (json) {
    printJson(io, {
      file: view.source.file,
      kind: view.source.kind,
      ok: issues.length === 0,
      folders: view.folders.map((f) => f.name),
      issues,
    });
  } else if (issues.length > 0) {
    for (const issue of issues) io.err(formatConfigIssue(issue) + '\n');
  } else {
    const names = view.folders.map((f) => f.name).join(', ');
    const kind = view.source.kind === 'chatterbox' ? ' (Chatterbox resource_management block)' : '';
    io.out(`${view.source.file}: OK${kind}; ${countOf(view.folders.length, 'folder')}: ${names || 'none'}\n`);
  }
  return issues.length === 0 ? EXIT_OK : EXIT_USAGE;
}
