/**
 * `headroom detect` and the dashboard's "Found on this computer": finds the tools' folders, vets them,
 * and shows each with what the first cleanup would remove, planned by the engine's own preview on the
 * config as it would be after adding. Nothing is written until the user accepts (addFound).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Document } from 'yaml';
import { BridgeError } from '../../../shared/bridge.js';
import type { AddedFolders, DetectResult, FoundFolder } from '../../../shared/found-folders.js';
import type { AppConfig, CleanupPreview, FolderPlanView, FolderRules } from '../../../shared/types.js';
import { commentText } from '../config/edit-document.js';
import type { ConfigStore, FolderAddition } from '../config/config-store.js';
import { SAMPLE_FOLDERS_DIR } from '../config/default-config.js';
import { isInside, realPathOf } from '../config/safe-roots.js';
import type { Candidate } from './candidate.js';
import type { DetectHost } from './detect-host.js';
import { findGradioTemp } from './find-gradio-temp.js';
import { findInstallIn, findUsualInstalls } from './find-installs.js';
import { findModelCaches } from './find-model-caches.js';
import { vetCandidates, type VettedCandidate } from './vet-candidates.js';

export interface DetectDeps {
  config: ConfigStore;
  host: DetectHost;
  /** The engine's cleanup preview of `names` under `config`. */
  preview: (config: AppConfig, names: string[]) => Promise<CleanupPreview>;
  /** Told the rules of the folders just added, whose first cleanup the user has seen and accepted. */
  added?: (rules: FolderRules[]) => Promise<void>;
}

/** A proposal with what it takes to write it. */
interface Proposal extends FoundFolder {
  addition: FolderAddition;
}

interface Found {
  proposals: Proposal[];
  result: DetectResult;
}

const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

export class FolderDetector {
  constructor(private readonly deps: DetectDeps) {}

  /** What there is to propose; `dirs` are installs the user named (`--in`), besides the usual places. */
  async detect(dirs: readonly string[] = []): Promise<DetectResult> {
    return (await this.find(dirs)).result;
  }

  /** Adds the proposals with these ids, as detect() showed them; an id no longer found is refused. */
  async add(ids: readonly string[], dirs: readonly string[] = []): Promise<AddedFolders> {
    const { proposals } = await this.find(dirs);
    const chosen = ids.map((id) => {
      const proposal = proposals.find((p) => p.id === id);
      if (!proposal)
        throw new BridgeError('not-found', `no folder found on this computer has the id ${id}; look again`);
      return proposal;
    });
    const view = await this.deps.config.append(chosen.map((p) => p.addition));
    const names = new Set(chosen.map((p) => p.folder.name));
    const rules = this.deps.config.current()?.config.folders.filter((f) => names.has(f.name)) ?? [];
    await this.deps.added?.(rules);
    return { added: [...names], file: view.source.file };
  }

  private async find(dirs: readonly string[]): Promise<Found> {
    const { config } = this.deps;
    const current = config.current();
    const configured = current?.config.folders ?? [];
    const { candidates, unknown } = await this.candidates(dirs);
    const vetted = await vetCandidates(candidates, configured, config.rootPlaces());
    const passedOver = [...unknown, ...vetted.passedOver];
    const readOnlyReason =
      current?.source.kind === 'chatterbox'
        ? "this config.yaml is Chatterbox's own and holds only its three folders; run Headroom with a config of its own to add more"
        : null;
    const taken = new Set(configured.map((f) => f.name.toLowerCase()));
    const proposals = vetted.accepted.map((c) => toProposal(c, uniqueName(c.name, taken)));
    if (proposals.length > 0 && !readOnlyReason) await this.addPreviews(proposals);
    return {
      proposals,
      result: {
        proposals: proposals.map(({ addition: _, ...found }) => found),
        passedOver,
        yaml: proposalsYaml(proposals),
        ...(await sampleFolders(configured, config.rootPlaces().dataDir)),
        canAdd: readOnlyReason === null,
        readOnlyReason,
      },
    };
  }

  private async candidates(dirs: readonly string[]) {
    const { host } = this.deps;
    const candidates: Candidate[] = [];
    const unknown: DetectResult['passedOver'] = [];
    for (const dir of dirs) {
      const absolute = path.resolve(dir);
      const found = await findInstallIn(absolute, host);
      if (found) candidates.push(...found);
      else
        unknown.push({
          tool: null,
          path: absolute,
          why: 'no ComfyUI, AUTOMATIC1111, Forge or Chatterbox install was found there',
        });
    }
    candidates.push(
      ...(await findModelCaches(host)),
      ...(await findUsualInstalls(host)),
      ...(await findGradioTemp(host)),
    );
    return { candidates, unknown };
  }

  /** Plans every proposal on the config as it would be with all of them added. */
  private async addPreviews(proposals: Proposal[]): Promise<void> {
    let draft;
    try {
      draft = await this.deps.config.draftAppend(proposals.map((p) => p.addition));
    } catch (error) {
      const message = error instanceof BridgeError ? error.message : String(error);
      for (const p of proposals) p.preview = { files: 0, bytes: 0, notes: [], error: message };
      return;
    }
    const names = proposals.map((p) => p.folder.name);
    const preview = await this.deps.preview(draft.result.config, names);
    for (const p of proposals) {
      const planned = preview.folders.find((f) => f.name === p.folder.name);
      if (planned) p.preview = previewOf(planned);
    }
  }
}

function previewOf(plan: FolderPlanView): FoundFolder['preview'] {
  return { files: plan.files, bytes: plan.bytesToFree, notes: plan.notes, error: plan.error };
}

function toProposal(c: VettedCandidate, name: string): Proposal {
  const folder = {
    name,
    ...(c.kind === 'files' ? {} : { kind: c.kind }),
    path: c.path,
    ...c.limits,
  };
  return {
    id: proposalId(c),
    tool: c.tool,
    foundBy: c.foundBy,
    folder,
    preview: { files: 0, bytes: 0, notes: [], error: null },
    addition: { folder, comment: `found by headroom detect: ${c.foundBy}` },
  };
}

/** The same tool, kind and real path give the same id, so a checklist stays valid across look-ups. */
function proposalId(c: VettedCandidate): string {
  return createHash('sha256').update(`${c.tool}\0${c.kind}\0${c.realPath}`).digest('hex').slice(0, 16);
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The `folders:` fragment that adding every proposal appends, with each finding as its comment. */
function proposalsYaml(proposals: readonly Proposal[]): string {
  if (proposals.length === 0) return '';
  const doc = new Document({ folders: [] as unknown[] });
  const seq = doc.get('folders', true) as { add(node: unknown): void };
  for (const p of proposals) {
    const node = doc.createNode(p.addition.folder);
    node.commentBefore = commentText(p.addition.comment);
    seq.add(node);
  }
  return doc.toString(YAML_OPTIONS);
}

/**
 * Which managed folders are Headroom's own samples (in its data folder), and whether they are all of them
 * (or there are none): the dashboard's first run. A sample stays one after the user adds folders of theirs.
 */
async function sampleFolders(
  configured: readonly { path: string }[],
  dataDir: string,
): Promise<Pick<DetectResult, 'firstRun' | 'samples'>> {
  const dir = await realPathOf(path.join(dataDir, SAMPLE_FOLDERS_DIR));
  const samples = configured.filter((f) => isInside(f.path, dir)).map((f) => f.path);
  return { firstRun: samples.length === configured.length, samples };
}
