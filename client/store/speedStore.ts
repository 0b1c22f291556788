/** The play route's playback speed (x1, x2, x4). Written by the speed control only; the local session
 *  reads it each frame. It never reaches the engine or the run record: replays are speed-free. */
import { create } from 'zustand';
import { nextSpeed, type Speed } from '../session/tickClock';

interface SpeedState {
  speed: Speed;
  setSpeed: (speed: Speed) => void;
  cycle: () => void;
}

export const useSpeedStore = create<SpeedState>()((set, get) => ({
  speed: 1,
  setSpeed: (speed) => set({ speed }),
  cycle: () => set({ speed: nextSpeed(get().speed) }),
}));
