/**
 * The limits a found folder is proposed with. They are starting points the user sees (with what the first
 * cleanup would remove) before anything is written: caches that refill by download get a size limit,
 * generated outputs a size limit only (age would take someone's old pictures), temp folders an age limit.
 */
import type { Candidate } from './candidate.js';

type Limits = Candidate['limits'];

export const MODEL_CACHE_LIMITS: Limits = { max_size_gb: 50 };
export const OUTPUTS_LIMITS: Limits = { max_size_gb: 10 };
export const INPUTS_LIMITS: Limits = { max_size_gb: 5 };
/** ComfyUI empties temp/ itself at start-up; a day covers a long session. */
export const TOOL_TEMP_LIMITS: Limits = { max_age_days: 1 };
/** Gradio never empties its temp folder (real reports: 24 GB); a week keeps what a session still serves. */
export const GRADIO_TEMP_LIMITS: Limits = { max_size_gb: 5, max_age_days: 7 };
