/**
 * Twelve hex digits that keep a temp file's name apart from another writer's (the same pid in another
 * container sharing the data folder). Every such file is created exclusively ('wx'), so a clash fails
 * instead of sharing a file: the tag needs to be unlikely to repeat, not unguessable. Math.random, not
 * node:crypto, which `status` would otherwise load for this alone (#17).
 */
export function tempTag(): string {
  return Math.floor(Math.random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');
}
