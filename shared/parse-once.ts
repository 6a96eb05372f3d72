/**
 * zod's parse options for a schema parsed once per load (config.yaml, a small JSON state file): no
 * eval-compiled fast path, which costs more to generate and compile than it saves on a single object
 * (#17: about 3 ms of a `status` call). Schemas parsed line after line (the run history, the usage
 * history) keep it.
 */
export const PARSED_ONCE = { jitless: true } as const;
