/**
 * Model caches, where each tool says they are: Hugging Face's hub cache (`HF_HUB_CACHE`, the older
 * `HUGGINGFACE_HUB_CACHE`, `HF_HOME/hub`, `XDG_CACHE_HOME/huggingface/hub`, `~/.cache/huggingface/hub`,
 * in huggingface_hub's own order) and Ollama's models folder (`OLLAMA_MODELS`, `~/.ollama/models`).
 * Only the first place a tool would use is proposed: a folder named by a variable the tool ignores is not
 * the cache. A place a variable names is returned even when missing, so the user hears why it was passed over.
 */
import path from 'node:path';
import { shownPath, type Candidate } from './candidate.js';
import type { DetectHost } from './detect-host.js';
import { isDir } from './is-dir.js';
import { MODEL_CACHE_LIMITS } from './proposed-limits.js';

interface Place {
  path: string;
  /** How the tool got there, for the comment ("HF_HUB_CACHE", "the default place"). */
  via: string;
}

function set(env: DetectHost['env'], key: string): string | null {
  const value = env[key];
  return value !== undefined && value.trim() !== '' ? value : null;
}

/** Hugging Face's hub cache, in the order huggingface_hub's constants.py resolves it. */
export function huggingfacePlace(host: DetectHost): Place {
  const expand = (p: string) => path.resolve(host.home, p.replace(/^~(?=$|\/)/, host.home));
  const hubCache = set(host.env, 'HF_HUB_CACHE') ?? set(host.env, 'HUGGINGFACE_HUB_CACHE');
  if (hubCache) {
    const via = set(host.env, 'HF_HUB_CACHE') ? 'HF_HUB_CACHE' : 'HUGGINGFACE_HUB_CACHE';
    return { path: expand(hubCache), via };
  }
  const hfHome = set(host.env, 'HF_HOME');
  if (hfHome) return { path: path.join(expand(hfHome), 'hub'), via: 'HF_HOME' };
  const xdg = set(host.env, 'XDG_CACHE_HOME');
  if (xdg) return { path: path.join(expand(xdg), 'huggingface', 'hub'), via: 'XDG_CACHE_HOME' };
  return { path: path.join(host.home, '.cache', 'huggingface', 'hub'), via: '' };
}

export function ollamaPlace(host: DetectHost): Place {
  const models = set(host.env, 'OLLAMA_MODELS');
  if (models) return { path: path.resolve(host.home, models), via: 'OLLAMA_MODELS' };
  return { path: path.join(host.home, '.ollama', 'models'), via: '' };
}

function where(place: Place, host: DetectHost): string {
  const shown = shownPath(place.path, host.home);
  return place.via ? `${shown} (from ${place.via})` : shown;
}

export async function findModelCaches(host: DetectHost): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const hf = huggingfacePlace(host);
  if (hf.via || (await isDir(hf.path))) {
    found.push({
      tool: 'huggingface',
      kind: 'huggingface',
      path: hf.path,
      name: 'huggingface',
      limits: MODEL_CACHE_LIMITS,
      foundBy: `Hugging Face hub cache at ${where(hf, host)}`,
    });
  }
  const ollama = ollamaPlace(host);
  if (ollama.via || (await isDir(ollama.path))) {
    found.push({
      tool: 'ollama',
      kind: 'ollama',
      path: ollama.path,
      name: 'ollama',
      limits: MODEL_CACHE_LIMITS,
      foundBy: `Ollama models at ${where(ollama, host)}`,
    });
  }
  return found;
}
