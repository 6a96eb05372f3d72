/** Parses `headroom` command lines into one typed command. Loose input is normalised here, once. */
import { parseArgs } from 'node:util';

export const COMMANDS = [
  'status',
  'preview',
  'clean',
  'history',
  'check-config',
  'detect',
  'run',
  'serve',
  'token',
  'install-service',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliCommand {
  command: CommandName;
  configFile: string | undefined;
  dataDir: string | undefined;
  json: boolean;
  folders: string[];
  dryRun: boolean;
  /** Confirms, without asking, a change that would remove files the rules before did not (invariant 7). */
  yes: boolean;
  limit: number | undefined;
  port: number | undefined;
  host: string | undefined;
  open: boolean;
  /** `serve --token-file FILE`: the token comes from this file (never from the command line itself). */
  tokenFile: string | undefined;
  /** `token --rotate`: replace the stored token. */
  rotate: boolean;
  /** `serve --max-body-mb N`: request bodies over N MB (fractions allowed) are refused; default 1. */
  maxBodyBytes: number | undefined;
  /** `detect --in DIR`: installs to look in besides the usual places. */
  dirs: string[];
  write: boolean;
  /** `install-service --serve`: the service runs `serve` instead of `run`. */
  serve: boolean;
  /** `install-service --print`: print the service file, write nothing. */
  print: boolean;
}

export type ParsedArgs =
  { kind: 'command'; cmd: CliCommand } | { kind: 'help' | 'version' } | { kind: 'error'; message: string };

const OPTIONS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  folder: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  limit: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean', default: false },
  'token-file': { type: 'string' },
  rotate: { type: 'boolean', default: false },
  'max-body-mb': { type: 'string' },
  in: { type: 'string', multiple: true },
  write: { type: 'boolean', default: false },
  serve: { type: 'boolean', default: false },
  print: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

const COMMAND_SPECIFIC = [
  'yes',
  'folder',
  'dry-run',
  'limit',
  'port',
  'host',
  'open',
  'token-file',
  'rotate',
  'max-body-mb',
  'in',
  'write',
  'serve',
  'print',
];

/** Which options each command accepts besides the global ones (--config, --data-dir, --json). */
const COMMAND_OPTIONS: Record<CommandName, string[]> = {
  status: [],
  preview: ['folder'],
  clean: ['folder', 'dry-run', 'yes'],
  history: ['limit'],
  'check-config': [],
  detect: ['in', 'write'],
  run: [],
  serve: ['port', 'host', 'open', 'token-file', 'max-body-mb'],
  token: ['rotate'],
  'install-service': ['serve', 'print'],
};

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message.replace(/\. To specify.*$/s, '') };
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [command, ...extra] = positionals;
  if (!isCommand(command)) return { kind: 'error', message: `unknown command "${command}"` };
  if (extra.length > 0) return { kind: 'error', message: `unexpected argument "${extra[0]}"` };
  const misplaced = COMMAND_SPECIFIC.find(
    (key) => isSet(values, key) && !COMMAND_OPTIONS[command].includes(key),
  );
  if (misplaced) return { kind: 'error', message: `--${misplaced} does not apply to "${command}"` };
  const limit = parsePositiveInt(values.limit, '--limit');
  const port = parsePort(values.port);
  if (typeof limit === 'string') return { kind: 'error', message: limit };
  if (typeof port === 'string') return { kind: 'error', message: port };
  const maxBodyBytes = parseMegabytes(values['max-body-mb']);
  if (typeof maxBodyBytes === 'string') return { kind: 'error', message: maxBodyBytes };
  return {
    kind: 'command',
    cmd: {
      command,
      configFile: values.config,
      dataDir: values['data-dir'],
      json: values.json,
      folders: values.folder ?? [],
      dryRun: values['dry-run'],
      yes: values.yes,
      limit,
      port,
      host: values.host,
      open: values.open,
      tokenFile: values['token-file'],
      rotate: values.rotate,
      maxBodyBytes,
      dirs: values.in ?? [],
      write: values.write,
      serve: values.serve,
      print: values.print,
    },
  };
}

function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

function isSet(values: Record<string, unknown>, key: string): boolean {
  const value = values[key];
  return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

function parsePositiveInt(text: string | undefined, flag: string): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    return `${flag} must be a whole number of 1 or more`;
  return n;
}

/** 1 MB = 1024² bytes, as everywhere in Headroom; at most 1 GB, since a body is held in memory. */
function parseMegabytes(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || n <= 0 || n > 1024) {
    return '--max-body-mb must be a number of megabytes above 0 and at most 1024 (e.g. 1 or 0.5)';
  }
  return Math.round(n * 1024 * 1024);
}

function parsePort(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) return '--port must be a number from 0 to 65535';
  return n;
}

export const USAGE = `Usage: headroom <command> [options]

Commands:
  status                       usage of every folder against its limits
  preview [--folder NAME]...   what a cleanup would remove now, and why
  clean [--folder NAME]... [--dry-run] [--yes]
                               clean now (all folders, or the named ones); when
                               config.yaml's rules changed on disk and would remove
                               more, it shows that and asks (or needs --yes)
  history [--limit N]          past cleanup runs, newest first
  check-config                 validate the configuration and exit
  detect [--in DIR]... [--write]
                               find the folders AI tools fill on this computer (Hugging Face,
                               Ollama, ComfyUI, AUTOMATIC1111, Forge, Chatterbox, Gradio) and print
                               the YAML that would manage them, with what the first cleanup would
                               remove; --write adds them to the config; --in DIR names an install
  run                          keep watching and cleaning until SIGINT/SIGTERM
  serve [--port N] [--host H] [--open] [--token-file FILE] [--max-body-mb N]
                               the dashboard in a browser (loopback, token)
  token [--rotate]             print the API token serve uses (--rotate: a new one)
  install-service [--serve] [--print]
                               start run (or serve) at login: a systemd user unit or a
                               launchd agent; --print only prints it

Global options:
  --config FILE    configuration file (default: <data dir>/config.yaml, created with defaults)
  --data-dir DIR   where history and state live (default: the app's user-data folder)
  --json           machine-readable output (one JSON document; one line per event for run)
  -h, --help       this help
  -v, --version    the version

Exit codes: 0 success, 1 the run had errors, 2 usage or configuration error.
`;
