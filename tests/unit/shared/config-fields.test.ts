import { describe, expect, it } from 'vitest';
import { fieldOfIssue, fieldWords, readNumberField } from '../../../shared/config-fields.js';

describe('readNumberField', () => {
  it.each([
    ['max_files', '200', { ok: true, value: 200 }],
    ['max_files', ' 7 ', { ok: true, value: 7 }],
    ['max_files', '', { ok: true, value: undefined }],
    ['max_files', '2OO', { ok: false, message: 'Max files must be a whole number, like 200' }],
    ['max_files', '1e3', { ok: false, message: 'Max files must be a whole number, like 200' }],
    ['max_size_gb', '2.5', { ok: true, value: 2.5 }],
    ['max_size_gb', '.5', { ok: true, value: 0.5 }],
    ['max_size_gb', '2GB', { ok: false, message: 'Max size (GB) must be a number, like 2.5' }],
    ['max_size_gb', '0x10', { ok: false, message: 'Max size (GB) must be a number, like 2.5' }],
    ['max_age_days', 'Infinity', { ok: false, message: 'Max age (days) must be a number, like 7' }],
  ] as const)('%s %j → %j', (key, text, expected) => {
    expect(readNumberField(key, text)).toEqual(expected);
  });
});

describe('fieldOfIssue and fieldWords', () => {
  it.each([
    ['folders.1.max_files', 'folders.1.max_files'],
    ['folders.0.protect.2', 'folders.0.protect'],
    ['folders.3', 'folders.3'],
    ['folders', 'folders'],
    ['warning_threshold_percent', 'settings.warning_threshold_percent'],
    ['resource_management.cleanup.temp_dir_max_files', 'folders.1.max_files'],
    ['paths.vc_input_dir', 'folders.2.path'],
    [null, null],
  ])('%s → %s', (key, field) => {
    expect(fieldOfIssue({ key })).toBe(field);
  });

  it('drops the folder prefix and names the key by its label', () => {
    expect(fieldWords('folders.1.max_files', 'folder temp: max_files must be greater than 0')).toBe(
      'Max files must be greater than 0',
    );
    expect(fieldWords('folders.1.max_files', 'temp_dir_max_files must be a whole number')).toBe(
      'Max files must be a whole number',
    );
    expect(fieldWords('folders.0.path', 'outputs cannot be managed because it is your home folder')).toBe(
      'outputs cannot be managed because it is your home folder',
    );
  });
});
