/** The play route's clock controls: playback speed (x1, x2, x4) and the active pause. Written by the
 *  speed control, and reset by the local session at the start of a run (and unpaused when the player
 *  ends it); the session reads both each frame. Neither ever reaches the engine or the
 *  run record: replays are speed- and pause-free, and a paused run queues orders instead of stepping. */
import { create } from 'zustand';
import { nextSpeed, type Speed } from '../session/tickClock';

interface SpeedState {
  speed: Speed;
  paused: boolean;
  setSpeed: (speed: Speed) => void;
  cycle: () => void;
  setPaused: (paused: boolean) => void;
  togglePause: () => void;
}

export const useSpeedStore = create<SpeedState>()((set, get) => ({
  speed: 1,
  paused: false,
  setSpeed: (speed) => set({ speed }),
  cycle: () => set({ speed: nextSpeed(get().speed) }),
  setPaused: (paused) => set({ paused }),
  togglePause: () => set({ paused: !get().paused }),
}));
