/** What the world scene draws from and sends to: a live LocalSession or a replay. The scene never
 *  knows which; a replay simply is not interactive. */
import type { Intent, Run } from '../../engine/index';

export interface WorldSource {
  /** The run as it stands now (a replay swaps it when scrubbing). */
  readonly run: Run;
  readonly interactive: boolean;
  readonly ended: boolean;
  /** The crew member whose view and actions the screen follows. */
  crewId(): string;
  /** The floor on screen; null follows the crew member. */
  viewFloor(): number | null;
  setViewFloor(floor: number | null): void;
  /** Cycles the controlled crew member (Tab); a replay may ignore it. */
  nextCrew(): void;
  submit(intent: Intent): void;
  /** The key for an action that needs one more choice (the triage picker). */
  ask(actionId: string, targetId: string): void;
  onTick(listener: (run: Run) => void): () => void;
}
