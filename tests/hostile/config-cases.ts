/**
 * The hostile config corpus: what a careless editor, a broken tool or an attacker could put in config.yaml,
 * and the clear message each must get. `yaml` is loaded as text (as if read from the file); `bytes` is
 * written to disk and read back, for what only exists as bytes (encodings, BOMs, NUL, 10 MB).
 * `key` pins the issue to the offending key where the file has one.
 */

export interface ConfigCase {
  name: string;
  yaml?: string;
  bytes?: Buffer;
  /** Matches the message of one of the issues. */
  expect: RegExp;
  key?: string;
}

/** A valid folder entry followed by `extra` lines (each indented under the folder). */
const folder = (extra: string, path = './a'): string => `folders:\n  - name: a\n    path: ${path}\n${extra}`;
const withLimit = (extra: string): string => folder(`    max_files: 5\n${extra}`);
const pathIs = (path: string): string => `folders:\n  - name: a\n    path: ${path}\n    max_files: 1\n`;
const nameIs = (name: string): string => `folders:\n  - name: ${name}\n    path: ./a\n    max_files: 1\n`;
const climb = (target: string): string => `${'../'.repeat(30)}${target}`;

const lol = (level: string, below: string): string =>
  `${level}: &${level} [${Array.from({ length: 9 }, () => `*${below}`).join(', ')}]\n`;
const BILLION_LAUGHS =
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  lol('b', 'a') +
  lol('c', 'b') +
  lol('d', 'c') +
  lol('e', 'd') +
  lol('f', 'e') +
  lol('g', 'f') +
  lol('h', 'g') +
  lol('i', 'h') +
  'folders: *i\n';

const NOT_UTF8 = /not UTF-8 text; save it as UTF-8/;
const SYSTEM = /cannot be managed because it is (inside )?a system folder/;

// prettier-ignore
export const NUMBER_CASES: ConfigCase[] = [
  { name: 'max_files 1e400 (Infinity)', yaml: withLimit('').replace('5', '1e400'), expect: /max_files must be a number/, key: 'folders.0.max_files' },
  { name: 'max_size_gb 1e300 (an infinite limit in bytes)', yaml: folder('    max_size_gb: 1e300\n'), expect: /max_size_gb must be at most 1048576 \(1 PB\)/, key: 'folders.0.max_size_gb' },
  { name: 'max_files past 2^53', yaml: folder('    max_files: 99999999999999999999\n'), expect: /max_files is too large/, key: 'folders.0.max_files' },
  { name: 'max_files 2^53 + 1 (unsafe integer)', yaml: folder('    max_files: 9007199254740993\n'), expect: /max_files is too large/ },
  { name: 'max_files negative', yaml: folder('    max_files: -3\n'), expect: /max_files must be greater than 0/ },
  { name: 'max_files zero', yaml: folder('    max_files: 0\n'), expect: /max_files must be greater than 0/ },
  { name: 'max_files fractional', yaml: folder('    max_files: 1.5\n'), expect: /max_files must be a whole number/ },
  { name: 'max_files as a string', yaml: folder('    max_files: "200"\n'), expect: /max_files must be a number/, key: 'folders.0.max_files' },
  { name: 'max_files as words', yaml: folder('    max_files: lots\n'), expect: /max_files must be a number/ },
  { name: 'max_files as a list', yaml: folder('    max_files: [1, 2]\n'), expect: /max_files must be a number/ },
  { name: 'max_files null', yaml: folder('    max_files: null\n'), expect: /max_files must be a number/ },
  { name: 'max_size_gb negative', yaml: folder('    max_size_gb: -5\n'), expect: /max_size_gb must be greater than 0/, key: 'folders.0.max_size_gb' },
  { name: 'max_size_gb .nan', yaml: folder('    max_size_gb: .nan\n'), expect: /max_size_gb must be a number/, key: 'folders.0.max_size_gb' },
  { name: 'max_size_gb .NaN', yaml: folder('    max_size_gb: .NaN\n'), expect: /max_size_gb must be a number/ },
  { name: 'max_size_gb "5 GB"', yaml: folder('    max_size_gb: 5 GB\n'), expect: /max_size_gb must be a number/ },
  { name: 'max_age_days .inf', yaml: folder('    max_age_days: .inf\n'), expect: /max_age_days must be a number/, key: 'folders.0.max_age_days' },
  { name: 'max_age_days -.inf', yaml: folder('    max_age_days: -.inf\n'), expect: /max_age_days must be a number/ },
  { name: 'max_age_days negative', yaml: folder('    max_age_days: -1\n'), expect: /max_age_days must be greater than 0/ },
  { name: 'min_age_minutes negative', yaml: withLimit('    min_age_minutes: -1\n'), expect: /min_age_minutes must be 0 or more/ },
  { name: 'size_target_percent over 100', yaml: folder('    max_size_gb: 1\n    size_target_percent: 101\n'), expect: /size_target_percent must be at most 100/ },
  { name: 'size_target_percent zero', yaml: folder('    max_size_gb: 1\n    size_target_percent: 0\n'), expect: /size_target_percent must be greater than 0/ },
  { name: 'warning_threshold_percent 1e308', yaml: 'warning_threshold_percent: 1e308\nfolders: []\n', expect: /warning_threshold_percent must be at most 100/ },
  { name: 'warning_threshold_percent negative', yaml: 'warning_threshold_percent: -80\nfolders: []\n', expect: /warning_threshold_percent must be greater than 0/ },
  { name: 'cleanup_interval_hours negative', yaml: 'cleanup_interval_hours: -5\nfolders: []\n', expect: /cleanup_interval_hours must be 0 \(off\) or more/ },
  { name: 'cleanup_interval_hours .inf', yaml: 'cleanup_interval_hours: .inf\nfolders: []\n', expect: /cleanup_interval_hours must be a number/ },
  { name: 'cleanup_interval_hours ten years', yaml: 'cleanup_interval_hours: 87600\nfolders: []\n', expect: /at most a year/ },
  { name: 'poll_interval_seconds 1', yaml: 'poll_interval_seconds: 1\nfolders: []\n', expect: /poll_interval_seconds must be at least 5/ },
  { name: 'free_space_floor_percent 1000', yaml: 'free_space_floor_percent: 1000\nfolders: []\n', expect: /at most 100/ },
  { name: 'enabled: yes (a YAML 1.1 boolean)', yaml: withLimit('    enabled: yes\n'), expect: /enabled must be true or false/ },
  { name: 'cleanup_on_startup as a number', yaml: 'cleanup_on_startup: 1\nfolders: []\n', expect: /cleanup_on_startup must be true or false/ },
  { name: 'Chatterbox output_dir_max_size_gb negative', yaml: 'resource_management:\n  cleanup:\n    output_dir_max_size_gb: -1\n', expect: /output_dir_max_size_gb must be greater than 0/ },
  { name: 'Chatterbox temp_dir_max_files as words', yaml: 'resource_management:\n  cleanup:\n    temp_dir_max_files: "lots"\n', expect: /temp_dir_max_files must be a number/ },
  { name: 'Chatterbox block as a list', yaml: 'resource_management: [1, 2]\n', expect: /must hold a cleanup: block/ },
];

// prettier-ignore
export const PATH_CASES: ConfigCase[] = [
  { name: '.. climbing to /', yaml: pathIs(climb('')), expect: /cannot be managed because it is the root of a file system/, key: 'folders.0.path' },
  { name: '.. climbing to /etc', yaml: pathIs(climb('etc')), expect: SYSTEM, key: 'folders.0.path' },
  { name: '.. climbing to /usr/local/share', yaml: pathIs(climb('usr/local/share')), expect: SYSTEM },
  { name: '.. climbing to /boot', yaml: pathIs(climb('boot')), expect: SYSTEM },
  { name: '.. climbing to /var', yaml: pathIs(climb('var')), expect: SYSTEM },
  { name: '.. climbing to /home', yaml: pathIs(climb('home')), expect: SYSTEM },
  { name: '.. climbing to /root', yaml: pathIs(climb('root')), expect: SYSTEM },
  { name: '/proc/self (a link into /proc)', yaml: pathIs('/proc/self'), expect: SYSTEM },
  { name: '/dev/shm', yaml: pathIs('/dev/shm'), expect: SYSTEM },
  { name: '/var/lib (issue 10, finding 4)', yaml: pathIs('/var/lib'), expect: SYSTEM },
  { name: '/var/lib/dpkg (issue 10, finding 4)', yaml: pathIs('/var/lib/dpkg'), expect: SYSTEM },
  { name: '/var/log (issue 10, finding 4)', yaml: pathIs('/var/log'), expect: SYSTEM },
  { name: '/var/spool/cron (issue 10, finding 4)', yaml: pathIs('/var/spool/cron'), expect: SYSTEM },
  { name: '/var/mail (issue 10, finding 4)', yaml: pathIs('/var/mail'), expect: SYSTEM },
  { name: '/var/tmp (issue 10, finding 4)', yaml: pathIs('/var/tmp'), expect: SYSTEM },
  { name: '/run/user (issue 10, finding 4)', yaml: pathIs('/run/user'), expect: SYSTEM },
  { name: '/mnt (issue 10, finding 4)', yaml: pathIs('/mnt'), expect: SYSTEM },
  { name: '/media (issue 10, finding 4)', yaml: pathIs('/media'), expect: SYSTEM },
  { name: '/snap (issue 10, finding 4)', yaml: pathIs('/snap'), expect: SYSTEM },
  { name: '/nix/store (issue 10, finding 4)', yaml: pathIs('/nix/store'), expect: SYSTEM },
  { name: 'the folder above /nix/store', yaml: pathIs('/nix'), expect: /cannot be managed because it contains the system folder \/nix\/store/ },
  { name: 'absolute / with a trailing dot', yaml: pathIs('/.'), expect: /root of a file system/ },
  { name: '//', yaml: pathIs('//'), expect: /root of a file system/ },
  { name: 'the home folder as ~', yaml: pathIs('"~"'), expect: /it is your home folder/ },
  { name: 'the home folder by climbing out of the project', yaml: pathIs('..'), expect: /it is your home folder/ },
  { name: 'the folder above home', yaml: pathIs('../..'), expect: /contains your home folder/ },
  { name: 'the config file\'s own folder', yaml: pathIs('.'), expect: /the folder of the config file itself/ },
  { name: "Headroom's data folder by ~/", yaml: pathIs('~/.config/headroom'), expect: /Headroom's data folder/ },
  { name: "inside Headroom's data folder", yaml: pathIs('~/.config/headroom/history'), expect: /inside Headroom's data folder/ },
  { name: 'a symlink that leads to /etc', yaml: pathIs('./link-to-etc'), expect: /system folder \(it leads to \/etc\)/ },
  { name: 'two folders that overlap', yaml: 'folders:\n  - {name: a, path: ./a, max_files: 1}\n  - {name: b, path: ./a/./b/../b, max_files: 1}\n', expect: /a contains b: a file would be managed twice/ },
  { name: 'a NUL character in a path (escaped)', yaml: pathIs('"./a\\0b"'), expect: /path must not contain a NUL character/, key: 'folders.0.path' },
  { name: 'a NUL byte in a path (raw)', bytes: Buffer.from(pathIs('./a\0b')), expect: /path must not contain a NUL character/ },
  { name: 'an empty path', yaml: pathIs('""'), expect: /path must not be empty/ },
  { name: 'a path of 5,000 characters', yaml: pathIs(`"${'x'.repeat(5000)}"`), expect: /path is too long/ },
  { name: 'a path that is a mapping', yaml: pathIs('{ a: 1 }'), expect: /path must be text/ },
  { name: 'a path that is a number', yaml: pathIs('42'), expect: /path must be text/ },
  { name: 'non-UTF-8 (Latin-1) byte in a path', bytes: Buffer.from(pathIs('./caf\xe9'), 'latin1'), expect: NOT_UTF8 },
  { name: 'an invalid escape in a quoted path', yaml: pathIs('"\\q"'), expect: /Invalid escape sequence/ },
];

// prettier-ignore
export const NAME_CASES: ConfigCase[] = [
  { name: 'name ../x', yaml: nameIs('../x'), expect: /name must not contain "\.\."/, key: 'folders.0.name' },
  { name: 'name ..', yaml: nameIs('".."'), expect: /name must not contain "\.\."/ },
  { name: 'name a/b', yaml: nameIs('a/b'), expect: /name may hold letters, digits/, key: 'folders.0.name' },
  { name: 'name a\\b', yaml: nameIs('"a\\\\b"'), expect: /name may hold letters, digits/ },
  { name: 'name /etc', yaml: nameIs('/etc'), expect: /name may hold letters, digits/ },
  { name: 'name with a newline', yaml: nameIs('"a\\nb"'), expect: /name may hold letters, digits/ },
  { name: 'name with a NUL', yaml: nameIs('"a\\0b"'), expect: /name may hold letters, digits/ },
  { name: 'name with a right-to-left override', yaml: nameIs('"a\u202eb"'), expect: /name may hold letters, digits/ },
  { name: 'name in full-width letters', yaml: nameIs('"ａｂ"'), expect: /name may hold letters, digits/ },
  { name: 'name starting with a dot', yaml: nameIs('.hidden'), expect: /must start with a letter or digit/ },
  { name: 'name empty', yaml: nameIs('""'), expect: /name must not be empty/ },
  { name: 'name of 65 characters', yaml: nameIs('a'.repeat(65)), expect: /name must be at most 64 characters/ },
  { name: 'name that is a mapping', yaml: nameIs('{ a: 1 }'), expect: /name must be text/ },
  { name: 'two names differing only in case', yaml: 'folders:\n  - {name: out, path: ./a, max_files: 1}\n  - {name: OUT, path: ./b, max_files: 1}\n', expect: /duplicate folder name "OUT" \(also folder 1\)/ },
];

// prettier-ignore
export const STRUCTURE_CASES: ConfigCase[] = [
  { name: 'billion laughs (9^9 expansions)', yaml: BILLION_LAUGHS, expect: /aliases expand to too much data/ },
  { name: 'an alias to a missing anchor', yaml: 'folders: *nope\n', expect: /the alias \*nope has no anchor &nope before it/ },
  { name: 'flow lists nested 5,000 deep', yaml: `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, expect: /nested too deeply/ },
  { name: 'flow mappings nested 3,000 deep', yaml: `x: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`, expect: /nested too deeply/ },
  { name: 'block lists nested 300 deep (parsed, then refused as unknown)', yaml: `x:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}- \n`).join('')}`, expect: /unknown key x/ },
  { name: 'a duplicate top-level key', yaml: 'folders: []\nfolders: []\n', expect: /duplicate key: each key may appear only once/ },
  { name: 'a duplicate key in a folder', yaml: 'folders:\n  - name: a\n    name: b\n    path: ./a\n    max_files: 1\n', expect: /duplicate key/ },
  { name: 'tabs as indentation', yaml: 'folders:\n\t- name: a\n', expect: /Tabs are not allowed as indentation/ },
  { name: 'an empty file', yaml: '', expect: /the file is empty: it needs a folders: list/ },
  { name: 'only whitespace', yaml: '   \n\n  \n', expect: /the file is empty/ },
  { name: 'only a comment', yaml: '# nothing here\n', expect: /the file is empty/ },
  { name: 'a list at the top level', yaml: '- name: a\n  path: ./a\n', expect: /the top level must be a mapping of keys .*not a list/ },
  { name: 'a number at the top level', yaml: '42\n', expect: /not a single value/ },
  { name: 'null at the top level', yaml: '~\n', expect: /not a single value/ },
  { name: 'two YAML documents', yaml: 'folders: []\n---\nfolders: []\n', expect: /more than one YAML document/ },
  { name: '!!js/function tag on a list', yaml: 'folders: !!js/function "function () { process.exit(1) }"\n', expect: /folders must be a list/ },
  { name: '!!js/function tag on a number', yaml: withLimit('').replace('max_files: 5', 'max_files: !!js/function "function () { return 5 }"'), expect: /max_files must be a number/ },
  { name: 'a custom tag on the folder list', yaml: 'folders: !custom x\n', expect: /folders must be a list/ },
  { name: '!!binary tag on a path', yaml: pathIs('!!binary aGVsbG8='), expect: /path must be text/ },
  { name: 'folders as a mapping', yaml: 'folders: { a: 1 }\n', expect: /folders must be a list/ },
  { name: 'folders empty value', yaml: 'folders:\n', expect: /folders must be a list/ },
  { name: 'no folders key at all', yaml: 'warning_threshold_percent: 80\n', expect: /missing key folders/ },
  { name: 'a folder without any limit', yaml: folder(''), expect: /a folder needs at least one limit/ },
  { name: 'a misspelt key', yaml: withLimit('    max_file: 3\n'), expect: /unknown key max_file; did you mean max_files\?/ },
  { name: '__proto__ key', yaml: '__proto__: { polluted: 1 }\nfolders: []\n', expect: /unknown key __proto__/ },
  { name: 'constructor key', yaml: 'constructor: 1\nfolders: []\n', expect: /unknown key constructor/ },
  { name: 'a merge key', yaml: 'base: &b { max_files: 1 }\nfolders:\n  - <<: *b\n    name: a\n    path: ./a\n', expect: /unknown key base/ },
  { name: 'exclude as a string', yaml: withLimit('    exclude: "*.wav"\n'), expect: /must be a list of glob patterns/ },
  { name: 'an empty glob', yaml: withLimit('    protect: [""]\n'), expect: /a glob must not be empty/ },
  { name: 'a glob of 2,000 characters', yaml: withLimit(`    exclude: ["${'*'.repeat(2000)}"]\n`), expect: /Too big|at most 1024/i },
  { name: 'action: shred', yaml: withLimit('    action: shred\n'), expect: /action must be "delete" or "trash"/ },
  { name: 'an unclosed flow list', yaml: 'folders: [\n', expect: /must be sufficiently indented and end with a \]/ },
  { name: 'an unterminated quote', yaml: 'folders:\n  - name: "a\n', expect: /Missing closing "quote/ },
  { name: 'a key of 10,000 characters', yaml: `${'k'.repeat(10_000)}: 1\nfolders: []\n`, expect: /at most 1024 chars/ },
  { name: 'a value of 900 KB', yaml: `folders:\n  - name: a\n    path: "${'p'.repeat(900_000)}"\n    max_files: 1\n`, expect: /path is too long/ },
  { name: '10,000 folders', yaml: `folders:\n${Array.from({ length: 10_000 }, (_, i) => `  - {name: f${i}, path: ./f${i}, max_files: 1}\n`).join('')}`, expect: /at most 256 folders/, key: 'folders' },
  { name: 'a 10 MB config (text)', yaml: `folders: []\n#${'x'.repeat(10 * 1024 * 1024)}\n`, expect: /more than the 1 MB a config file may hold/ },
  { name: 'a 10 MB config (file)', bytes: Buffer.alloc(10 * 1024 * 1024, 0x61), expect: /10,485,760 bytes, more than the 1 MB/ },
  { name: 'UTF-16 with its BOM', bytes: Buffer.from(`\ufeff${pathIs('./a')}`, 'utf16le'), expect: NOT_UTF8 },
  { name: 'an overlong UTF-8 sequence', bytes: Buffer.from([0x66, 0x3a, 0x20, 0xc0, 0xaf, 0x0a]), expect: NOT_UTF8 },
  { name: 'binary garbage', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), expect: NOT_UTF8 },
  { name: 'control characters', yaml: 'folders: \u0001\u0002\n', expect: /folders must be a list/ },
  { name: 'a complex (list) key', yaml: '? [a, b]\n: 1\nfolders: []\n', expect: /unknown key \[ a, b \]/ },
];

/** Odd but harmless files that must load: the hostile-looking part is ignored or read as meant. */
// prettier-ignore
export const ACCEPTED_CASES: { name: string; yaml?: string; bytes?: Buffer; maxFiles: number }[] = [
  { name: 'a UTF-8 BOM (file)', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pathIs('./a'))]), maxFiles: 1 },
  { name: 'a UTF-8 BOM (text)', yaml: `\ufeff${pathIs('./a')}`, maxFiles: 1 },
  { name: 'CRLF line ends', yaml: withLimit('').replace(/\n/g, '\r\n'), maxFiles: 5 },
  { name: 'a hexadecimal count', yaml: folder('    max_files: 0x10\n'), maxFiles: 16 },
];

export const ALL_REFUSED: ConfigCase[] = [...NUMBER_CASES, ...PATH_CASES, ...NAME_CASES, ...STRUCTURE_CASES];
