/** Writes the load bench's figures: JSON for tools, a README-ready paragraph for people. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface LoadFigures {
  seconds: number;
  ratePerSecond: number;
  filesWritten: number;
  writerLateBatches: number;
  runs: { trigger: string; count: number; filesRemoved: number }[];
  filesRemoved: number;
  settleMs: number;
  totals: {
    snapshot: { files: number; bytes: number };
    scan: { files: number; bytes: number };
    find: { files: number; bytes: number };
    writtenMinusRemoved: number;
    exact: boolean;
  };
  eventLoop: {
    maxMs: number;
    p99Ms: number;
    meanMs: number;
    timerLagMaxMs: number;
    /** The same measure in an idle Node process over the same time: the machine's own stalls. */
    idleControlMaxMs: number;
    idleControlP99Ms: number;
    targetMs: number;
  };
  memory: {
    baselineHeapMB: number;
    peakHeapMB: number;
    settledHeapMB: number;
    baselineRssMB: number;
    peakRssMB: number;
    settledRssMB: number;
  };
  crashed: boolean;
  /** Event-loop stalls over 40 ms (seconds since the writer started) and what the engine did when. */
  stalls: { atS: number; lateMs: number }[];
  marks: string[];
  log: string[];
}

const RESULTS = fileURLToPath(new URL('../results/load.json', import.meta.url));
const PARAGRAPH = fileURLToPath(new URL('../LOAD.md', import.meta.url));

export async function writeLoadReport(figures: LoadFigures, command: string): Promise<void> {
  await mkdir(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
  const machine = { cpus: cpus().length, node: process.version, platform: process.platform };
  const json = { name: 'load', command, startedAt: new Date().toISOString(), machine, ...figures };
  await writeFile(RESULTS, JSON.stringify(json, null, 2) + '\n');
  await writeFile(PARAGRAPH, loadParagraph(figures, command, machine.cpus));
}

/** The README paragraph: one flowing paragraph under a heading. */
export function loadParagraph(f: LoadFigures, command: string, cpuCount: number): string {
  const runs = f.runs.map((r) => `${r.count} ${r.trigger}`).join(', ');
  const { totals: t, eventLoop: e, memory: m } = f;
  const text = `\`${command}\` (${cpuCount} cores, Node ${process.version}): a separate writer process created
${f.filesWritten.toLocaleString('en')} files in ${f.seconds} s (${f.ratePerSecond.toLocaleString('en')} a second,
${f.writerLateBatches} of its 20 ms batches late) in a watched folder limited to 5,000 files, while cleanups ran
in the same folder (${runs}) and removed ${f.filesRemoved.toLocaleString('en')} files. Nothing crashed. Once
the writer stopped, the live totals settled in ${(f.settleMs / 1000).toFixed(1)} s and were
${t.exact ? 'exact' : '**not** exact'}: the dashboard showed ${t.snapshot.files.toLocaleString('en')} files and
${t.snapshot.bytes.toLocaleString('en')} bytes; a fresh scan and \`find\` both found
${t.find.files.toLocaleString('en')} files and ${t.find.bytes.toLocaleString('en')} bytes, and files written minus
files the history says were removed is ${t.writtenMinusRemoved.toLocaleString('en')}. The host's event loop
stalled at most ${e.maxMs.toFixed(0)} ms (p99 ${e.p99Ms.toFixed(0)} ms, \`monitorEventLoopDelay\`; target under
${e.targetMs} ms); an idle Node process measuring the same way over the same minute stalled at most
${e.idleControlMaxMs.toFixed(0)} ms (p99 ${e.idleControlP99Ms.toFixed(0)} ms), which is what the machine itself
(${cpuCount} cores, shared) added. The heap went from ${m.baselineHeapMB.toFixed(1)} MB at the start to a peak of
${m.peakHeapMB.toFixed(1)} MB and back to ${m.settledHeapMB.toFixed(1)} MB after a GC once settled (RSS
${m.baselineRssMB.toFixed(0)} → ${m.peakRssMB.toFixed(0)} → ${m.settledRssMB.toFixed(0)} MB).
`;
  return `## Under load\n\n${text.replace(/\s*\n\s*/g, ' ').trim()}\n`;
}
