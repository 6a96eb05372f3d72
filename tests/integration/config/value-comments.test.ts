/**
 * Issue 15 item 5: a comment in config.yaml that describes a value is updated, or dropped, when the
 * dashboard changes that value, so the file never says "keep at most 5 GB" next to `max_size_gb: 10`.
 * Comments that describe the key, a default or nothing in particular stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { ConfigStore } from '../../../electron/engine/config/config-store.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const COMMENTED = `# Headroom for my TTS box.

# Warn at 80% of any limit.
warning_threshold_percent: 80      # warn at 80%
# Clean again every this many hours; 0 turns this off.
cleanup_interval_hours: 5          # every 5 hours (default 5)
folders:
  # Generated audio: keep at most 5 GB.
  - name: outputs
    path: outputs
    max_size_gb: 5   # 5 GB is plenty, about 5000 clips
  # Temporary files: at most 200 files, none older than a week.
  - name: temp
    path: temp
    max_files: 200
    max_age_days: 7   # a week
    # grace period in minutes
    min_age_minutes: 10
`;

async function open(): Promise<ConfigStore> {
  await world.write(COMMENTED);
  return ConfigStore.open(world.file(), world.ctx);
}

describe('ConfigStore.update: comments that describe a changed value (issue 15)', () => {
  it('rewrites each mention of the old value in the new one, in place, and leaves other comments alone', async () => {
    const store = await open();
    const [outputs, temp] = store.view().folders;
    await store.update({
      settings: { warning_threshold_percent: 70, cleanup_interval_hours: 12 },
      folders: [
        { ...outputs!, max_size_gb: 10 },
        { ...temp!, max_files: 500, max_age_days: 30 },
      ],
    });
    const text = await fs.readFile(world.file(), 'utf8');
    expect(text).toBe(`# Headroom for my TTS box.

# Warn at 70% of any limit.
warning_threshold_percent: 70      # warn at 70%
# Clean again every this many hours; 0 turns this off.
cleanup_interval_hours: 12          # every 12 hours (default 5)
folders:
  # Generated audio: keep at most 10 GB.
  - name: outputs
    path: outputs
    max_size_gb: 10   # 10 GB is plenty, about 5000 clips
  # Temporary files: at most 500 files, none older than 30 days.
  - name: temp
    path: temp
    max_files: 500
    max_age_days: 30   # 30 days
    # grace period in minutes
    min_age_minutes: 10
`);
  });

  it('drops the comment lines that describe a value that is removed', async () => {
    const store = await open();
    const [outputs, temp] = store.view().folders;
    const { max_age_days: _gone, ...tempWithoutAge } = temp!;
    await store.update({ folders: [outputs!, tempWithoutAge] });
    const text = await fs.readFile(world.file(), 'utf8');
    expect(text).not.toContain('max_age_days');
    expect(text).not.toContain('a week');
    expect(text).toContain('# Generated audio: keep at most 5 GB.');
    expect(text).toContain('# grace period in minutes');
    expect(store.current()?.config.folders[1]?.maxAgeDays).toBeNull();
  });

  it('leaves a number alone when it measures another key, or is a default', async () => {
    const store = await open();
    const [outputs, temp] = store.view().folders;
    // 7 is also max_age_days ("a week"), but a count of files is not an age.
    await store.update({ folders: [outputs!, { ...temp!, max_files: 7 }] });
    await store.update({ settings: { cleanup_interval_hours: 6 } });
    const text = await fs.readFile(world.file(), 'utf8');
    expect(text).toContain('# Temporary files: at most 7 files, none older than a week.');
    expect(text).toContain('max_age_days: 7   # a week');
    expect(text).toContain('cleanup_interval_hours: 6          # every 6 hours (default 5)');
    expect(text).toContain('max_size_gb: 5   # 5 GB is plenty, about 5000 clips');
  });
});
