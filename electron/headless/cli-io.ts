/** Where a command writes. Tests run the CLI as a separate process; this only keeps commands host-neutral. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const EXIT_OK = 0;
export const EXIT_RUN_ERRORS = 1;
export const EXIT_USAGE = 2;

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
