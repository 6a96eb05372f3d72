/**
 * Invariant 7 in one place: nothing is removed under a rule whose effect the user has not seen.
 * - A change through the engine (`updateConfig`) that would remove files needs the token of its impact.
 * - A change found on disk is pending: measuring follows it at once, removals follow the agreed rules
 *   (only files both the agreed and the new rules remove) until a scheduled run, or the user's Run now.
 * - Hold keeps it pending through scheduled runs until the user decides.
 */
import { BridgeError } from '../../../shared/bridge.js';
import { savingWillRemove } from '../../../shared/impact-text.js';
import type { AppConfig, ConfigImpact, FolderRules } from '../../../shared/types.js';
import type { Clock } from '../ports.js';
import { configImpact, sameFolder, type FilesOf, type ImpactFigures } from './config-impact.js';
import type { ConsentLedger } from './consent-ledger.js';
import { ImpactTokens } from './impact-token.js';
import type { HeldRules } from '../cleanup/cleanup-service.js';

export class ConsentGate {
  private readonly tokens = new ImpactTokens();
  private pendingFigures: ImpactFigures | null = null;

  constructor(
    private readonly ledger: ConsentLedger,
    private readonly clock: Clock,
    private readonly filesOf: FilesOf,
  ) {}

  /** What moving removals to `after` would remove that they do not remove now, with its confirmation. */
  async impactOf(after: readonly FolderRules[]): Promise<ConfigImpact> {
    const figures = await this.figures(after);
    const token = figures.files === 0 ? null : this.sign(after, figures);
    return { ...figures, token };
  }

  /** Throws `consent-required` unless `after` removes nothing new or `token` confirms exactly this change. */
  async requireConsent(after: readonly FolderRules[], token: string | undefined): Promise<void> {
    const figures = await this.figures(after);
    if (figures.files === 0) return;
    const names = figures.folders.map((f) => f.name);
    if (this.tokens.verify(token, this.ledger.approvedAll(), after, names)) return;
    const why =
      token === undefined
        ? 'confirm it first (checkConfigImpact gives the confirmation to send as confirmImpact)'
        : 'the confirmation sent was for another change or an older state of the configuration; review the impact again';
    throw new BridgeError('consent-required', `${savingWillRemove(figures)}: ${why}.`);
  }

  /** The user agreed to `config` (a confirmed save, Run now, a scheduled run): removals follow it. */
  async approve(rules: readonly FolderRules[], all: boolean): Promise<void> {
    await this.ledger.approve(rules, all);
    this.pendingFigures = null;
  }

  /**
   * After the configuration changed (on disk, or at start): a change that removes nothing new is agreed
   * at once (a loosening, a new limit nothing exceeds); one that removes files becomes pending.
   */
  async review(config: AppConfig | null): Promise<void> {
    if (config === null) return;
    const figures = await this.figures(config.folders);
    if (figures.files === 0) {
      await this.approve(config.folders, true);
      return;
    }
    this.pendingFigures = figures;
    await this.ledger.markPending(this.clock.now());
  }

  /** The pending change's figures and state, or null when removals follow the configuration as it is. */
  pending(): { impact: ImpactFigures; sinceMs: number; held: boolean } | null {
    if (this.pendingFigures === null) return null;
    return {
      impact: this.pendingFigures,
      sinceMs: this.ledger.pendingSinceMs ?? this.pendingFigures.computedAtMs,
      held: this.ledger.held,
    };
  }

  get held(): boolean {
    return this.ledger.held;
  }

  async setHeld(held: boolean): Promise<void> {
    if (this.pendingFigures !== null || !held) await this.ledger.setHeld(held);
  }

  /**
   * The agreed rules of every folder of `config` whose current rules could remove more than they do:
   * a run gated by these removes only what both allow. Empty when the configuration is fully agreed.
   */
  heldRules(config: AppConfig): HeldRules {
    const held = new Map<string, FolderRules | null>();
    for (const rules of config.folders) {
      if (!rules.enabled) continue;
      const agreed = sameFolder(this.ledger.approved(rules.name), rules);
      if (agreed === null || JSON.stringify(agreed) !== JSON.stringify(rules)) held.set(rules.name, agreed);
    }
    return held;
  }

  private figures(after: readonly FolderRules[]): Promise<ImpactFigures> {
    return configImpact((name) => this.ledger.approved(name), after, this.clock.now(), this.filesOf);
  }

  private sign(after: readonly FolderRules[], figures: ImpactFigures): string {
    const names = figures.folders.map((f) => f.name);
    return this.tokens.sign(this.ledger.approvedAll(), after, names);
  }
}
