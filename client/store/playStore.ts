/** The play route's state for React: a HUD snapshot the session pushes each tick, and the end of the
 *  run with its local score and the server's answer. Written only by LocalSession. */
import { create } from 'zustand';
import type { EndReason, ScoreResult } from '../../engine/index';
import type { LocalizedText, UploadAnswer } from './api';

export interface HudFire {
  id: string;
  name: LocalizedText;
  hrrKW: number;
}

export interface HudEquipment {
  id: string;
  agent: string;
  percent: number;
}

export interface RadioLine {
  tick: number;
  from: LocalizedText | null;
  text: LocalizedText;
}

export interface HudSnapshot {
  tick: number;
  elapsedS: number;
  phase: string;
  fires: HudFire[];
  equipment: HudEquipment[];
  selected: number;
  discharging: boolean;
  radio: RadioLine[];
  refusal: { tick: number; reason: string } | null;
}

export type UploadState = { state: 'pending' } | { state: 'done'; answer: UploadAnswer } | { state: 'error'; message: string };

export interface EndState {
  reason: EndReason;
  score: ScoreResult;
  upload: UploadState;
}

interface PlayState {
  hud: HudSnapshot | null;
  end: EndState | null;
  setHud(hud: HudSnapshot): void;
  setEnd(end: EndState): void;
  setUpload(upload: UploadState): void;
  reset(): void;
}

export const usePlayStore = create<PlayState>()((set) => ({
  hud: null,
  end: null,
  setHud: (hud) => set({ hud }),
  setEnd: (end) => set({ end }),
  setUpload: (upload) => set((s) => (s.end ? { end: { ...s.end, upload } } : {})),
  reset: () => set({ hud: null, end: null }),
}));
