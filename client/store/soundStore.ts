/** The mute switch, remembered across visits. Plain state: the synthesiser reads it, never writes it. */
import { create } from 'zustand';

const KEY = 'fireground.muted';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

interface SoundState {
  muted: boolean;
  toggle: () => void;
}

export const useSoundStore = create<SoundState>()((set, get) => ({
  muted: stored(),
  toggle: () => {
    const muted = !get().muted;
    set({ muted });
    try {
      localStorage.setItem(KEY, muted ? '1' : '0');
    } catch {
      // The switch still works for this visit.
    }
  },
}));
