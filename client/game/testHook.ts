/** A tiny read-only window hook so end-to-end tests can aim the real mouse at a cell. Nothing in the
 *  app may read it; it exposes positions and progress, never a way to change the run. */

export interface FiregroundTestHook {
  cellToClient(x: number, y: number): { x: number; y: number };
  crew(): { x: number; y: number };
  crewFloor(): number;
  viewFloor(): number;
  tick(): number;
  ended(): boolean;
  /** The play camera as it stands: zoom and scroll in world pixels. */
  camera(): { zoom: number; scrollX: number; scrollY: number };
  /** Floors the above/below insets show now, above first; empty when none matters. */
  insetFloors(): number[];
}

declare global {
  interface Window {
    __fireground?: FiregroundTestHook;
  }
}

export function installTestHook(hook: FiregroundTestHook): () => void {
  window.__fireground = hook;
  return () => {
    if (window.__fireground === hook) delete window.__fireground;
  };
}
