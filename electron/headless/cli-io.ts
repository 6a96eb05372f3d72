/** Where a command writes. Tests run the CLI as a separate process; this only keeps commands host-neutral. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when `out` is a terminal a person reads; absent means it is not (a pipe, a file, a journal). */
  isTerminal?: () => boolean;
  /** The same for `err`: where a clean's progress line may be redrawn in place. */
  errIsTerminal?: () => boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: () => process.stdout.isTTY === true,
  errIsTerminal: () => process.stderr.isTTY === true,
};

export const EXIT_OK = 0;
export const EXIT_RUN_ERRORS = 1;
export const EXIT_USAGE = 2;

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
