/** Builds the engine facade both hosts hold. The live engine issue fills this in. */
import type { Engine, EngineOptions } from './engine-types.js';

export async function createEngine(_options: EngineOptions): Promise<Engine> {
  throw new Error('createEngine: not built yet');
}
