/** tempTag names temp files the way atomic-write's sweep of abandoned temps recognises them (12 hex digits). */
import { describe, expect, it } from 'vitest';
import { tempTag } from '../../../electron/engine/fs/temp-tag.js';

describe('tempTag', () => {
  it('is twelve lower-case hex digits, and a thousand in a row do not repeat', () => {
    const tags = Array.from({ length: 1000 }, () => tempTag());
    for (const tag of tags) expect(tag).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(tags).size).toBe(1000);
  });
});
