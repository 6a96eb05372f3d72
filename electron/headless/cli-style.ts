/**
 * Colour for the CLI's human output: a level in its colour (ok green, warning yellow, over red) when the
 * text goes to a terminal, never into a pipe or a file, and never when NO_COLOR is set to anything
 * (no-color.org).
 */
import type { Level } from '../../shared/types.js';

export interface CliStyle {
  /** `text` in the colour of `level`, or as it is. */
  level(level: Level, text: string): string;
}

const CODES: Record<Level, number> = { ok: 32, warning: 33, over: 31 };

export const PLAIN: CliStyle = { level: (_level, text) => text };

const COLOURED: CliStyle = { level: (level, text) => `\u001b[${CODES[level]}m${text}\u001b[0m` };

/** Colour when `terminal` (the stream is a TTY) and NO_COLOR is unset or empty. */
export function cliStyle(terminal: boolean, env: NodeJS.ProcessEnv = process.env): CliStyle {
  return terminal && !env.NO_COLOR ? COLOURED : PLAIN;
}
