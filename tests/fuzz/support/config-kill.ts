/**
 * A config write killed midway (SIGKILL while the engine rewrites config.yaml through `updateConfig`)
 * leaves the old or the new file, never a truncated one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const CHILD = fileURLToPath(new URL('./update-config-child.ts', import.meta.url));

export interface ConfigKillResult {
  problems: string[];
  /** Temp files a killed write left beside the config (harmless, but never cleaned up). */
  leftoverTempFiles: number;
}

/** The two files the child alternates between: the same text but for the threshold. */
function expectedTexts(original: string): string[] {
  return [70, 90].map((n) =>
    original.replace(/^warning_threshold_percent: \d+$/m, `warning_threshold_percent: ${n}`),
  );
}

/** Starts the writer, lets it write for `delayMs`, kills it, and checks the file it left. */
export async function killConfigWrite(dir: string, delayMs: number): Promise<ConfigKillResult> {
  const configFile = path.join(dir, 'config.yaml');
  const original = [
    '# kept comment',
    'warning_threshold_percent: 80',
    'folders:',
    '  - name: outputs',
    `    path: ${JSON.stringify(path.join(dir, 'outputs'))}`,
    '    max_files: 10',
    '',
  ].join('\n');
  fs.mkdirSync(path.join(dir, 'outputs'), { recursive: true });
  fs.writeFileSync(configFile, original);
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, configFile, path.join(dir, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve) => {
    child.stdout.once('data', () => resolve());
    child.once('close', () => resolve());
  });
  await sleep(delayMs);
  child.kill('SIGKILL');
  await exited;

  const problems: string[] = [];
  const text = fs.readFileSync(configFile, 'utf8');
  const allowed = [original, ...expectedTexts(original)];
  if (!allowed.includes(text)) {
    let parsed = 'unparseable';
    try {
      parsed = JSON.stringify(parse(text));
    } catch {
      // Stays 'unparseable'.
    }
    problems.push(`config.yaml is neither the old nor a new file (${text.length} bytes, ${parsed})`);
  }
  const leftoverTempFiles = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')).length;
  return { problems, leftoverTempFiles };
}
