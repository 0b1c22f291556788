/** The one interface every play surface runs on: solo play (LocalSession, the engine in the browser),
 *  a drill seat (NetworkSession over the drill room) and an observer of a drill (a NetworkSession with no
 *  crew member of its own: the instructor's console). The scene, HUD, action bar, keys and touch
 *  controls see only this, so an improvement to one is an improvement to all.
 *
 *  How an observer mounts the shared surface: build `new NetworkSession(scenario, { seat: 'observer' })`
 *  once the drill's room is joined, and render `<PlaySurface session={session} />`
 *  (client/ui/play/PlaySurface.tsx). The surface draws the same scene; `interactive` is false, so taps
 *  and keys move only the camera, and `selectCrew` chooses whom the view follows ('' for the whole map). */
import type { WorldSource } from '../game/WorldSource';

export interface Session extends WorldSource {
  readonly kind: 'local' | 'network';
  /** Solo play may pause and change speed; a drill's clock is the instructor's. */
  readonly canPause: boolean;
  /** Whether this seat may give `crewId` orders and take direct control of it. */
  mayCommand(crewId: string): boolean;
  /** The crew member to control (or, for an observer, to follow; '' for the whole map). */
  selectCrew(crewId: string): void;
  start(): void;
  stop(): void;
}
