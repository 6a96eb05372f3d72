/** Byte and time units used across the contract. 1 GB means 1024³ bytes (DESIGN.md). */
export const BYTES_PER_GB = 1024 ** 3;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export function gbToBytes(gb: number): number {
  return Math.round(gb * BYTES_PER_GB);
}
