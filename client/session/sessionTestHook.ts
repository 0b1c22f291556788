/** Read-only window reads of a live play session for end-to-end tests that steer several crew members:
 *  any crew member's place and state, who is selected, what burns, which orders wait for the next tick.
 *  Nothing in the app reads it, and it offers no way to change the run; client/game/testHook.ts aims. */
import type { Intent, Run } from '../../engine/index';

export interface CrewRead {
  x: number;
  y: number;
  floor: number;
  /** Storey of that floor (0 is the ground). */
  level: number;
  busy: boolean;
  /** Still walking a path or recovering from a climb or a flight of stairs. */
  moving: boolean;
  /** Where the path being walked ends, or null when standing. */
  pathEnd: { x: number; y: number } | null;
  carrying: boolean;
  hose: boolean;
  /** The item being sprayed, or null. */
  discharging: string | null;
}

export interface SessionTestHook {
  crewOf(id: string): CrewRead | null;
  selectedCrew(): string;
  burning(): string[];
  /** Orders given but not yet applied (all of them while the clock is paused), oldest first; copies. */
  queued(): Intent[];
}

declare global {
  interface Window {
    __firegroundSession?: SessionTestHook;
  }
}

export function installSessionHook(source: { readonly run: Run; crewId(): string }): () => void {
  const hook: SessionTestHook = {
    crewOf: (id) => {
      const w = source.run.world;
      const c = w.crew.find((m) => m.id === id);
      if (!c) return null;
      const width = w.floors[c.floor]?.width ?? 1;
      const end = c.path[c.path.length - 1];
      return {
        x: c.x,
        y: c.y,
        floor: c.floor,
        level: w.levels[c.floor] ?? 0,
        busy: c.busy !== null,
        moving: c.path.length > 0 || c.stepCooldown > 0,
        pathEnd: end === undefined ? null : { x: end % width, y: Math.floor(end / width) },
        carrying: c.carrying !== null,
        hose: c.hose !== null,
        discharging: c.dischargingAt,
      };
    },
    selectedCrew: () => source.crewId(),
    burning: () => source.run.world.items.filter((i) => i.burning).map((i) => i.id),
    queued: () => source.run.pending.map((i) => ({ ...i })),
  };
  window.__firegroundSession = hook;
  return () => {
    if (window.__firegroundSession === hook) delete window.__firegroundSession;
  };
}
