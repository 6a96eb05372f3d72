/**
 * The port through which detection reads the machine: the home folder, the environment and the system
 * temp folder. Tests point it at temp trees built to look like each tool's install.
 */
import os from 'node:os';

export interface DetectHost {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The system temp folder (where Gradio keeps `gradio/` by default). */
  tempDir: string;
}

export function systemDetectHost(): DetectHost {
  return { home: os.homedir(), env: process.env, tempDir: os.tmpdir() };
}
