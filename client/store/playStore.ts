/** The play route's state for React: a HUD snapshot the session pushes each tick, the crew member the
 *  player controls, the floor in view, toasts, and the end of the run with its local score and upload
 *  state. HUD and end are written only by the session; the player's choices by the HUD's controls. */
import { create } from 'zustand';
import type { EndReason, ScoreResult } from '../../engine/index';
import type { ContextAction } from '../game/contextActions';
import type { OrderOption } from '../game/orderOptions';
import type { LocalizedText, UploadAnswer } from './api';

export interface HudFire {
  id: string;
  name: LocalizedText;
  hrrKW: number;
}

export interface HudEquipment {
  id: string;
  agent: string;
  /** Charge left, or null where the seat cannot know it (a drill shows what is in hand, not how full). */
  percent: number | null;
}

export interface RadioLine {
  tick: number;
  from: LocalizedText | null;
  text: LocalizedText;
  /** A line of the scenario's script spoken for a seat a trainee may hold (drills mark it). */
  scripted?: boolean;
}

export interface HudCrew {
  id: string;
  /** The scenario role (nozzle, rescue, commander...): the sprite and the orders it may take follow it. */
  role: string;
  name: LocalizedText;
  floor: number;
  /** Breathing air in bar and the alarm threshold, or null without a set. */
  air: { bar: number; alarmBar: number; fullBar: number; alarmed: boolean; empty: boolean } | null;
  carrying: boolean;
  hose: boolean;
  busy: boolean;
  thermalCamera: boolean;
  /** The order it is carrying out, or null under direct control. */
  order: string | null;
}

export interface HudWater {
  id: string;
  name: LocalizedText;
  waterL: number;
  tankL: number;
  hydrant: boolean;
}

export interface HudFloor {
  index: number;
  name: LocalizedText;
  level: number;
}

export interface HudSnapshot {
  tick: number;
  elapsedS: number;
  timeLimitS: number;
  phase: string;
  /** The scenario's own name for the phase, when it gives one. */
  phaseTitle: LocalizedText | null;
  fires: HudFire[];
  equipment: HudEquipment[];
  selected: number;
  discharging: boolean;
  radio: RadioLine[];
  refusal: { tick: number; reason: string } | null;
  crew: HudCrew[];
  water: HudWater[];
  floors: HudFloor[];
  actions: ContextAction[];
  /** Orders the player may give the selected crew member now. */
  orders: OrderOption[];
  /** Rubric criteria as the run stands: met, still open, or already lost (a forbidden event happened). */
  objectives: { id: string; title: LocalizedText; state: 'met' | 'open' | 'lost' }[];
}

export interface Toast {
  key: number;
  tick: number;
  type: string;
  /** Who it concerns (orders done, a crew member hurt), for the words. */
  crewId?: string | undefined;
  reason?: string | undefined;
}

export type UploadState = { state: 'pending' } | { state: 'queued' } | { state: 'done'; answer: UploadAnswer } | { state: 'error'; message: string };

export interface EndState {
  runId: string;
  reason: EndReason;
  score: ScoreResult;
  upload: UploadState;
}

interface PlayState {
  hud: HudSnapshot | null;
  end: EndState | null;
  /** The crew member the player controls. */
  crewId: string;
  /** The floor on screen; null follows the controlled crew member. */
  viewFloor: number | null;
  toasts: Toast[];
  /** The victim a triage tag is being chosen for, or null. */
  triageFor: string | null;
  setHud: (hud: HudSnapshot) => void;
  setEnd: (end: EndState) => void;
  setUpload: (upload: UploadState) => void;
  setCrew: (crewId: string) => void;
  setViewFloor: (floor: number | null) => void;
  pushToasts: (toasts: Omit<Toast, 'key'>[]) => void;
  dropToast: (key: number) => void;
  setTriageFor: (victimId: string | null) => void;
  reset: (crewId: string) => void;
}

let toastKey = 0;

export const usePlayStore = create<PlayState>()((set) => ({
  hud: null,
  end: null,
  crewId: '',
  viewFloor: null,
  toasts: [],
  triageFor: null,
  setHud: (hud) => set({ hud }),
  setEnd: (end) => set({ end }),
  setUpload: (upload) => set((s) => (s.end ? { end: { ...s.end, upload } } : {})),
  setCrew: (crewId) => set({ crewId, viewFloor: null, triageFor: null }),
  setViewFloor: (viewFloor) => set({ viewFloor }),
  // Only the last few stay: a flood of toasts reads as noise, and the radio log keeps the history.
  pushToasts: (toasts) => set((s) => ({ toasts: [...s.toasts, ...toasts.map((t) => ({ ...t, key: ++toastKey }))].slice(-4) })),
  dropToast: (key) => set((s) => ({ toasts: s.toasts.filter((t) => t.key !== key) })),
  setTriageFor: (triageFor) => set({ triageFor }),
  reset: (crewId) => set({ hud: null, end: null, crewId, viewFloor: null, toasts: [], triageFor: null }),
}));
