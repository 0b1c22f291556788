/** What the world scene draws from and sends to: a live session (local or drill), an observer's view
 *  of a drill, or a replay. The scene never knows which; what it may do is what `interactive` says. */
import type { Intent, Run } from '../../engine/index';

/** The part of a run the scene reads: the world as the seat knows it, and the scenario it came from.
 *  A local run is one; a drill session builds one from what the room sends. */
export type SceneRun = Pick<Run, 'world' | 'scenario'>;

export interface WorldSource {
  /** The run as it stands now (a replay swaps it when scrubbing). */
  readonly run: SceneRun;
  readonly interactive: boolean;
  readonly ended: boolean;
  /** The crew member whose view and actions the screen follows; '' follows nobody (an observer's overview). */
  crewId(): string;
  /** The floor on screen; null follows the crew member. */
  viewFloor(): number | null;
  setViewFloor(floor: number | null): void;
  /** Cycles the controlled crew member (Tab); a replay may ignore it. */
  nextCrew(): void;
  submit(intent: Intent): void;
  /** The key for an action that needs one more choice (the triage picker). */
  ask(actionId: string, targetId: string): void;
  onTick(listener: (run: SceneRun) => void): () => void;
  /** New engine events as they happen (a flare-up, a cylinder failing), for the scene to show where. */
  onEvents?(listener: (events: readonly SceneEvent[]) => void): () => void;
}

/** An event as the scene needs it: what happened and to whom. */
export interface SceneEvent {
  tick: number;
  type: string;
  crewId?: string;
  itemId?: string;
  victimId?: string;
}
