/**
 * The bridge contract (DESIGN.md "The bridge API"): every request with its input schema, every event with
 * its payload type. The preload, the IPC handlers, the HTTP routes and the renderer client are all typed
 * from this file; no other file writes a channel or route name.
 */
import { z } from 'zod';
import { folderConfigSchema, folderNameSchema, settingsSchema } from './config-schema.js';
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_IPC_EVENT_CHANNEL,
  bridgeIpcChannel,
  type BRIDGE_REQUEST_NAMES,
} from './bridge-names.js';
import type {
  CleanupPreview,
  CleanupProgress,
  ConfigErrorInfo,
  ConfigIssue,
  ConfigImpact,
  ConfigSource,
  HistoryPage,
  PendingRules,
  RunRecord,
  ScheduleStatus,
  Snapshot,
  WarningEvent,
} from './types.js';
import type { FolderConfig, SettingsConfig } from './config-schema.js';
import type { AddedFolders, DetectResult } from './found-folders.js';
import {
  buildShowInFolderRequestSchema,
  buildSpaceBreakdownRequestSchema,
  buildUsageHistoryRequestSchema,
  type SpaceBreakdown,
  type UsageHistory,
} from './usage-history.js';

const buildFolderList = () =>
  z
    .array(folderNameSchema, { error: 'folders must be a list of folder names' })
    // Without its own message the list's "must be a list" would also be said of a list that is too long.
    .max(256, { error: 'folders may name at most 256 folders' })
    .optional();

/** A patch to config.yaml: top-level settings to change, and optionally the complete new folder list. */
const buildConfigPatchSchema = () =>
  z.strictObject({
    settings: settingsSchema.optional(),
    folders: z.array(folderConfigSchema).max(256).optional(),
    /**
     * Paths picked in the desktop app's dialog: the folder at `index` in `folders` takes the path behind
     * `handle` (the one-time handle pickFolder gave), never a path the renderer wrote.
     */
    pickedPaths: z
      .array(z.strictObject({ index: z.number().int().min(0).max(255), handle: z.string().max(100) }))
      .max(256)
      .optional(),
  });
export type ConfigPatch = z.infer<ReturnType<typeof buildConfigPatchSchema>>;
let configPatch: ReturnType<typeof buildConfigPatchSchema> | undefined;
/** The schema of a config patch, built on first use (#17: a one-shot command builds none of the bridge's schemas). */
export function configPatchSchema(): ReturnType<typeof buildConfigPatchSchema> {
  return (configPatch ??= buildConfigPatchSchema());
}

/**
 * How to build each request's input schema. An absent input is parsed as `{}`. Each is built the first time
 * its request is parsed (requestSchema): zod does most of its work when a schema is built, and a one-shot
 * CLI command, which answers no request, would otherwise build them all at import (#17).
 */
const requestSchemaBuilders = {
  getSnapshot: () => z.strictObject({}),
  previewCleanup: () => z.strictObject({ folders: buildFolderList() }),
  runCleanup: () => z.strictObject({ folders: buildFolderList(), dryRun: z.boolean().optional() }),
  cancelCleanup: () => z.strictObject({}),
  getHistory: () =>
    z.strictObject({
      limit: z.number().int().min(1).max(1000).optional(),
      /** Only runs that started before this ISO time (paging). */
      before: z.iso.datetime().optional(),
    }),
  getConfig: () => z.strictObject({}),
  /** What `updateConfig` with this patch would remove that cleanup does not remove now; `{}`: a disk edit's. */
  checkConfigImpact: () => configPatchSchema(),
  /** A patch whose impact removes files needs `confirmImpact`: the token `checkConfigImpact` gave for it. */
  updateConfig: () => configPatchSchema().extend({ confirmImpact: z.string().max(200).optional() }),
  /** Hold (true) or release (false) a disk edit's pending removals; "Run now" is `runCleanup`. */
  holdPendingRules: () => z.strictObject({ hold: z.boolean() }),
  /** `until: null` resumes; an ISO time pauses automatic cleanup until then. */
  pauseSchedule: () => z.strictObject({ until: z.iso.datetime().nullable() }),
  /** `stopped: true` stops automatic cleanup until started again (kept across restarts); false starts it. */
  stopSchedule: () => z.strictObject({ stopped: z.boolean({ error: 'stopped must be true or false' }) }),
  /** Creates a configured folder that does not exist, at the path config.yaml gives it: by name, never a path. */
  createFolder: () => z.strictObject({ name: folderNameSchema }),
  /** Opens the desktop app's folder dialog; the answer is a one-time handle for updateConfig's pickedPaths. */
  pickFolder: () => z.strictObject({}),
  /** Folders the tools on this computer fill, proposed with kind, limits and a preview; nothing is written. */
  detectFolders: () => z.strictObject({}),
  /** Adds proposals by the ids detectFolders issued (never by a path the client sends). */
  addDetectedFolders: () =>
    z.strictObject({
      ids: z
        .array(z.string().regex(/^[0-9a-f]{16}$/, { error: 'each id must be one detectFolders issued' }), {
          error: 'ids must be a list of ids from detectFolders',
        })
        .min(1, { error: 'ids must name at least one found folder' })
        .max(64, { error: 'ids may name at most 64 found folders' }),
    }),
  /** Each folder's kept usage over the last `days`, and the space cleanups freed (shared/usage-history.ts). */
  getUsageHistory: buildUsageHistoryRequestSchema,
  /** What takes space in one folder, from the live index. */
  getSpaceBreakdown: buildSpaceBreakdownRequestSchema,
  /** Shows a file of a folder in the system's file manager: desktop app only, by folder name and relative path. */
  showInFolder: buildShowInFolderRequestSchema,
  /**
   * The tray popup's "Open dashboard": the desktop app shows the full dashboard in its larger window. The
   * engine has no window, so it (and `serve`) answers `opened: false` and the page shows its full view itself.
   */
  openDashboard: () => z.strictObject({}),
} as const;

type RequestSchemas = {
  [N in keyof typeof requestSchemaBuilders]: ReturnType<(typeof requestSchemaBuilders)[N]>;
};
export type RequestName = keyof typeof requestSchemaBuilders;
export const REQUEST_NAMES = Object.keys(requestSchemaBuilders) as RequestName[];

const builtRequestSchemas: Partial<RequestSchemas> = {};
/** The requests whose schemas have been built so far: what tells that a command built only what it used. */
export const builtRequestSchemaNames = (): RequestName[] => Object.keys(builtRequestSchemas) as RequestName[];

/** A request's input schema, built once, on its first use. */
export function requestSchema<N extends RequestName>(name: N): RequestSchemas[N] {
  return (builtRequestSchemas[name] ??= requestSchemaBuilders[
    name
  ]() as RequestSchemas[N]) as RequestSchemas[N];
}

/** What the settings editor reads: the file as written (YAML shape) plus where it came from. */
export interface ConfigView {
  source: ConfigSource;
  settings: Required<SettingsConfig>;
  folders: FolderConfig[];
  /** The raw text of the file, comments included. */
  text: string;
  error: ConfigErrorInfo | null;
  /** False for a Chatterbox config, where only the three folders' limits and the settings can change. */
  foldersEditable: boolean;
  /** Names of the configured folders whose path does not exist (the settings offer to create them). */
  missingFolders: string[];
}

export interface RequestResults {
  getSnapshot: Snapshot;
  previewCleanup: CleanupPreview;
  runCleanup: RunRecord;
  cancelCleanup: { cancelled: boolean };
  getHistory: HistoryPage;
  getConfig: ConfigView;
  checkConfigImpact: ConfigImpact;
  updateConfig: ConfigView;
  holdPendingRules: PendingRules | null;
  pauseSchedule: ScheduleStatus;
  stopSchedule: ScheduleStatus;
  createFolder: ConfigView;
  /** `picked: null` when the dialog was cancelled; `path` is for showing, the save sends `handle`. */
  pickFolder: { picked: { handle: string; path: string } | null };
  detectFolders: DetectResult;
  addDetectedFolders: AddedFolders;
  getUsageHistory: UsageHistory;
  getSpaceBreakdown: SpaceBreakdown;
  showInFolder: { shown: true };
  openDashboard: { opened: boolean };
}

export type RequestInput<N extends RequestName> = z.input<RequestSchemas[N]>;

/** Events pushed from the engine to every client. */
export interface EventPayloads {
  snapshot: Snapshot;
  warning: WarningEvent;
  cleanupStarted: { runId: string; trigger: RunRecord['trigger']; folders: string[] };
  cleanupProgress: CleanupProgress;
  cleanupFinished: RunRecord;
  configError: ConfigErrorInfo;
}
export type EventName = keyof EventPayloads;
/** Event names, kept in the zod-free bridge-names.ts so the sandboxed preload can import them too. */
export const EVENT_NAMES = BRIDGE_EVENT_NAMES;

/** Fails to compile unless bridge-names.ts lists exactly these requests and events, no more, no fewer. */
type Same<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : never;
export const BRIDGE_NAMES_COMPLETE: Same<RequestName, (typeof BRIDGE_REQUEST_NAMES)[number]> &
  Same<EventName, (typeof BRIDGE_EVENT_NAMES)[number]> = true;

/** Error codes a request can fail with. `message` is a sentence for people. */
export type BridgeErrorCode =
  | 'invalid-request'
  | 'unknown-folder'
  | 'config-invalid'
  | 'config-readonly'
  /** The change would remove files and came without a confirmation of its current impact. */
  | 'consent-required'
  | 'busy'
  | 'rate-limited'
  | 'unauthorized'
  | 'not-found'
  /** The engine is still scanning at start-up; ask again (the Electron transport retries by itself). */
  | 'starting'
  /** The engine could not start; the message says why and how to fix it. */
  | 'engine-failed'
  | 'internal';

/**
 * A refused request. `issues` comes with `config-invalid`: the engine's configuration issues, each with the
 * key it concerns, so the settings form shows each at its field (shared/config-fields.ts) rather than as
 * `config.yaml:52:11` lines.
 */
export interface BridgeFailure {
  ok: false;
  code: BridgeErrorCode;
  message: string;
  issues?: ConfigIssue[];
}

export type BridgeResult<T> = { ok: true; value: T } | BridgeFailure;

/** The API the engine implements and the renderer calls (through IPC or HTTP). */
export type HeadroomApi = {
  [N in RequestName]: (input?: RequestInput<N>) => Promise<RequestResults[N]>;
};

/** The renderer's view of `window.headroom`: every request returns a BridgeResult, events are subscribed. */
export type HeadroomBridge = {
  [N in RequestName]: (input?: RequestInput<N>) => Promise<BridgeResult<RequestResults[N]>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** IPC channel names (Electron) and HTTP routes (serve), derived from the request and event names. */
export const ipcChannel = bridgeIpcChannel;
export const IPC_EVENT_CHANNEL = BRIDGE_IPC_EVENT_CHANNEL;
export const httpRoute = (name: RequestName): string => `/api/bridge/${name}`;
export const HTTP_EVENTS_ROUTE = '/api/events';

/** An error the engine throws on purpose; the hosts turn it into `{ ok: false, code, message }`. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    /** The configuration issues behind a `config-invalid`, for the client to place at their fields. */
    readonly issues: ConfigIssue[] = [],
  ) {
    super(message);
    this.name = 'BridgeError';
  }

  /** The failure a host sends for this error; `issues` only when there are some. */
  toFailure(): BridgeFailure {
    const failure: BridgeFailure = { ok: false, code: this.code, message: this.message };
    if (this.issues.length > 0) failure.issues = this.issues;
    return failure;
  }
}

/** Parses a request's input against its schema; throws BridgeError('invalid-request') with a readable message. */
export function parseRequest<N extends RequestName>(name: N, input: unknown): z.output<RequestSchemas[N]> {
  const result = requestSchema(name).safeParse(input ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new BridgeError('invalid-request', `${name}: ${where}${first?.message ?? 'invalid input'}`);
  }
  return result.data as z.output<RequestSchemas[N]>;
}

/**
 * HTTP transport (headless `serve`):
 * - a request is `POST httpRoute(name)` with the JSON input as body and `Authorization: Bearer <token>`;
 *   the response body is a `BridgeResult` (HTTP 200 when ok, 4xx/5xx with `{ ok: false, code, message }`).
 * - events are server-sent events from `GET HTTP_EVENTS_ROUTE?token=<token>` (EventSource cannot send
 *   headers); each is `event: <EventName>` with the JSON payload as `data`, and a `snapshot` comes first.
 * - the dashboard page learns the token from its URL fragment: `http://127.0.0.1:PORT/#token=…`.
 */
export const HTTP_TOKEN_QUERY_PARAM = 'token';
export const HTTP_MAX_BODY_BYTES = 1024 * 1024;

/** HTTP status for each error code. */
export const HTTP_STATUS_FOR: Record<BridgeErrorCode, number> = {
  'invalid-request': 400,
  'unknown-folder': 404,
  'config-invalid': 422,
  'config-readonly': 409,
  'consent-required': 409,
  busy: 409,
  'rate-limited': 429,
  unauthorized: 401,
  'not-found': 404,
  starting: 503,
  'engine-failed': 503,
  internal: 500,
};
