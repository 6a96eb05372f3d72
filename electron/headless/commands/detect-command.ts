/**
 * `headroom detect [--in DIR]... [--write]`: the folders the AI tools on this machine fill, proposed with
 * their kind and limits and what the first cleanup would remove, then the YAML that adding them appends.
 * Nothing is written without `--write`, and `--write` writes only after all of that has been printed.
 */
import { describeFirstCleanup, describeLimits, type DetectResult } from '../../../shared/found-folders.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { EXIT_OK, EXIT_USAGE, printJson } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';

export interface DetectOptions {
  dirs: string[];
  write: boolean;
  json: boolean;
}

export async function detectCommand(engine: Engine, io: CliIo, options: DetectOptions): Promise<number> {
  const found = await (await engine.detector()).detect(options.dirs);
  if (!options.json) io.out(renderDetect(found, engine.configFile, options.write));
  if (!options.write || found.proposals.length === 0) {
    if (options.json) printJson(io, { ...found, written: null });
    return EXIT_OK;
  }
  if (!found.canAdd) {
    io.err(`headroom: nothing was written: ${found.readOnlyReason}\n`);
    return EXIT_USAGE;
  }
  const written = await (
    await engine.detector()
  ).add(
    found.proposals.map((p) => p.id),
    options.dirs,
  );
  if (options.json) printJson(io, { ...found, written });
  else io.out(`Added ${written.added.join(', ')} to ${written.file}.\n`);
  return EXIT_OK;
}

export function renderDetect(found: DetectResult, configFile: string, write: boolean): string {
  const lines: string[] = [];
  if (found.proposals.length === 0) lines.push('No new folders found on this computer.');
  else lines.push('Found on this computer (nothing is managed until you add it):', '');
  for (const p of found.proposals) {
    lines.push(`  ${p.folder.name} (${p.folder.kind ?? 'files'}): ${p.folder.path}`);
    lines.push(`    ${p.foundBy}`);
    lines.push(`    limits: ${describeLimits(p.folder)}`);
    lines.push(`    ${describeFirstCleanup(p.preview)}`);
    for (const note of p.preview.notes) lines.push(`    note: ${note}`);
  }
  if (found.passedOver.length > 0) {
    lines.push('', 'Passed over:');
    for (const p of found.passedOver) lines.push(`  ${p.path}: ${p.why}`);
  }
  if (found.proposals.length > 0) {
    const verb = write ? 'adds' : 'would add';
    lines.push('', `The YAML this ${verb} to ${configFile}:`, '', found.yaml.trimEnd(), '');
    if (!write)
      lines.push('Run "headroom detect --write" to add these folders (edit the limits afterwards).');
  }
  return lines.join('\n') + '\n';
}
