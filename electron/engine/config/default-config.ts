/**
 * The first-run config: Chatterbox's limits over three sample folders that Headroom creates itself, so a
 * fresh install manages nothing the user did not choose. Every key is explained where it is written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

export const CONFIG_FILE_NAME = 'config.yaml';
/** Sample folders live here, apart from the config and history (DESIGN.md invariant 3). */
export const SAMPLE_FOLDERS_DIR = 'folders';
export const SAMPLE_FOLDER_NAMES = ['outputs', 'temp', 'vc_inputs'] as const;

/** The commented default config.yaml; its folder paths are relative to the file's own folder. */
export const DEFAULT_CONFIG_TEXT = `# Headroom configuration.
# Headroom keeps each folder below its limits by deleting its oldest files: first files older than
# max_age_days, then the oldest while there are more than max_files, then the oldest while the folder is
# over max_size_gb (down to size_target_percent of it). Edit this file or use the dashboard's settings;
# Headroom keeps your comments. An invalid file never stops Headroom: it names the line and keeps running on
# the last good configuration.

# Warn (tray colour and a notification) when a folder reaches this percent of any of its limits.
warning_threshold_percent: 80
# Clean every folder once when Headroom starts.
cleanup_on_startup: true
# Then clean again every this many hours (a deadline kept across restarts); 0 turns this off.
cleanup_interval_hours: 5
# Or, in place of cleanup_interval_hours, a schedule by the local clock (daylight saving followed):
#   schedule: { daily_at: "03:00" }   or   schedule: { weekly: { day: sunday, at: "03:00" } }
# When a folder's disk has less than this percent free, warn, and clean the folders on that disk down to
# their size targets (checked every 30 s). Optional: free_space_floor_gb, a floor in GB as well, and
# on_low_disk, clean (the default) or warn to be warned only. A folder that rises above
# emergency_threshold_percent of a limit (default 100, also per folder) is cleaned at once, at most every
# 10 minutes.
free_space_floor_percent: 5
# Folders that cannot be watched for changes (network drives) are rescanned this often, in seconds.
poll_interval_seconds: 60
# Show desktop notifications for warnings.
notifications: true
# Start Headroom when you log in.
start_at_login: false

# The folders to manage. Each needs a name (letters, digits, spaces, dots, dashes, underscores), a path
# (~ means your home folder; a relative path is relative to this file's folder) and at least one limit:
#   max_size_gb   total size; 1 GB = 1024^3 bytes, fractions allowed (0.5)
#   max_files     number of files
#   max_age_days  files older than this are removed
# Optional per folder:
#   min_age_minutes      grace period: files changed more recently are never removed (default 10)
#   size_target_percent  when over max_size_gb, remove down to this percent of it (default 80)
#   exclude              glob patterns of files not counted at all, e.g. ["*.keep", "models/**"]
#   protect              glob patterns of files that count but are never removed
#   action               delete (default) or trash (move to the system trash instead)
#   enabled              false pauses this folder without forgetting it (default true)
#   case_sensitive_globs whether exclude and protect care about case (default: true on Linux, false on
#                        macOS and Windows, as their disks do); a pattern may not start with !
#   kind                 files (default): any file may go on its own. huggingface (a hub cache) or ollama
#                        (a models folder): whole revisions or model tags go, never part of one, and a
#                        blob only once nothing left uses it. manifest: a folder whose token file lists
#                        each token's files (manifest_file, default recovery_tokens.json; tokens with
#                        only created_at expire after retention_hours, default 24)
#   emergency_threshold_percent  this folder's own emergency threshold (default: the global one)
#   schedule             this folder's own schedule, as the global one (e.g. daily_at: "03:00")
# These sample folders were created by Headroom for you; point them at your tool's own folders, e.g.
# path: ~/chatterbox/outputs. Headroom refuses system folders, your home folder itself and its own data
# folder.
folders:
  # Generated audio: keep at most 5 GB.
  - name: outputs
    path: ${SAMPLE_FOLDERS_DIR}/outputs
    max_size_gb: 5
  # Temporary files: at most 200 files, none older than a week.
  - name: temp
    path: ${SAMPLE_FOLDERS_DIR}/temp
    max_files: 200
    max_age_days: 7
    # min_age_minutes: 10
    # protect: ["*.lock"]
  # Uploaded voice-conversion inputs: keep at most 2 GB.
  - name: vc_inputs
    path: ${SAMPLE_FOLDERS_DIR}/vc_inputs
    max_size_gb: 2
`;

/**
 * Makes sure `<dataDir>/config.yaml` exists: when it does not, writes the commented default and creates
 * its sample folders under `<dataDir>/folders/`. An existing file is never touched, even an invalid one.
 */
export async function ensureDefaultConfig(dataDir: string): Promise<{ file: string; created: boolean }> {
  const file = path.join(path.resolve(dataDir), CONFIG_FILE_NAME);
  const exists = await fs.lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (exists) return { file, created: false };
  for (const name of SAMPLE_FOLDER_NAMES) {
    await fs.mkdir(path.join(path.dirname(file), SAMPLE_FOLDERS_DIR, name), { recursive: true });
  }
  await writeFileAtomic(file, DEFAULT_CONFIG_TEXT);
  return { file, created: true };
}
