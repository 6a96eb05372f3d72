import { describe, expect, it } from 'vitest';
import { configFileSchema } from '../../../shared/config-schema.js';

const messages = (input: unknown): string[] => {
  const parsed = configFileSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('configFileSchema: duplicate folder names', () => {
  it('names a duplicate, whatever its case, at the second folder', () => {
    const folders = [
      { name: 'out', path: './a', max_files: 1 },
      { name: 'OUT', path: './b', max_files: 1 },
    ];
    expect(messages({ folders })).toEqual(['folders.1.name: duplicate folder name "OUT" (also folder 1)']);
  });

  it('names a duplicate even while another folder is invalid, so one fix does not reveal a second problem', () => {
    const folders = [
      { name: 'out', path: './a', max_files: 1 },
      { name: 'out', path: './b', max_files: 1 },
      { name: 'temp', path: 5, max_files: 1 },
    ];
    expect(messages({ folders })).toContain('folders.1.name: duplicate folder name "out" (also folder 1)');
  });

  it('checks names only where they are text: a folder without a name gets its own issue, not a crash', () => {
    const folders = [{ name: 'out', path: './a', max_files: 1 }, { path: './b', max_files: 1 }, 'x'];
    expect(messages({ folders }).some((m) => m.startsWith('folders.1.name'))).toBe(true);
  });
});
