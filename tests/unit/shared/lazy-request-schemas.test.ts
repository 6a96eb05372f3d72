/**
 * The bridge builds a request's schema the first time that request is parsed (#17: building all of them at
 * import was a large part of a one-shot CLI command's fixed cost, and such a command parses no request).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Bridge from '../../../shared/bridge.js';

let bridge: typeof Bridge;

beforeEach(async () => {
  vi.resetModules();
  bridge = await import('../../../shared/bridge.js');
});

describe('request schemas are built on first use', () => {
  it('importing the bridge builds no request schema', () => {
    expect(bridge.builtRequestSchemaNames()).toEqual([]);
    expect(bridge.REQUEST_NAMES).toContain('getHistory');
  });

  it('parsing one request builds that request schema only, once, and parses as before', () => {
    expect(bridge.parseRequest('getHistory', { limit: 5 })).toEqual({ limit: 5 });
    expect(bridge.builtRequestSchemaNames()).toEqual(['getHistory']);
    const schema = bridge.requestSchema('getHistory');
    expect(bridge.requestSchema('getHistory')).toBe(schema);
    expect(() => bridge.parseRequest('getHistory', { limit: 0 })).toThrow(/getHistory: limit/);
    expect(() => bridge.parseRequest('getHistory', { path: '/etc' })).toThrow(bridge.BridgeError);
    expect(bridge.builtRequestSchemaNames()).toEqual(['getHistory']);
  });

  it('the config patch schema is shared by checkConfigImpact and updateConfig, and refuses the same input', () => {
    const bad = { settings: { no_such_key: 1 } };
    expect(() => bridge.parseRequest('checkConfigImpact', bad)).toThrow(/checkConfigImpact/);
    expect(() => bridge.parseRequest('updateConfig', bad)).toThrow(/updateConfig/);
    expect(bridge.parseRequest('updateConfig', { confirmImpact: 'abc' })).toEqual({ confirmImpact: 'abc' });
    expect(bridge.builtRequestSchemaNames().sort()).toEqual(['checkConfigImpact', 'updateConfig']);
  });
});
