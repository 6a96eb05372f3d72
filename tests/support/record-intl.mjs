// `node --import ./record-intl.mjs …`: appends "intl <what>" to HEADROOM_TEST_MODULE_LOG each time the
// process first reaches for ICU (a date or number formatter, a locale string), which costs a CLI call
// about 13 ms of CPU: a test can say that a command never needed it.
import { appendFileSync } from 'node:fs';

const log = process.env.HEADROOM_TEST_MODULE_LOG;
const note = (what) => log && appendFileSync(log, `intl ${what}\n`);
for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules']) {
  const Original = Intl[name];
  Intl[name] = new Proxy(Original, {
    construct: (target, args) => (note(name), Reflect.construct(target, args)),
    apply: (target, self, args) => (note(name), Reflect.apply(target, self, args)),
  });
}
for (const [proto, method] of [
  [Number.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
  [String.prototype, 'localeCompare'],
]) {
  const original = proto[method];
  proto[method] = function (...args) {
    note(method);
    return original.apply(this, args);
  };
}
