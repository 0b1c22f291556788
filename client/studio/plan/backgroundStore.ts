/** Background images to trace over, per floor of the open draft: the picture (as a data URL, kept with
 *  the draft in the browser, never in the scenario), its opacity, and its scale in cells per pixel. */
import { create } from 'zustand';

export interface FloorBackground {
  dataUrl: string;
  opacity: number;
  cellsPerPx: number;
  x: number;
  y: number;
}

/** Images larger than this are refused: a scanned plan needs far less. */
export const MAX_BACKGROUND_BYTES = 10 * 1024 * 1024;

interface BackgroundState {
  byFloor: Record<string, FloorBackground>;
  /** Decoded images, built from the data URLs as they are set. */
  images: Record<string, HTMLImageElement>;
  setAll: (byFloor: Record<string, FloorBackground>) => void;
  set: (floorId: string, bg: FloorBackground | null) => void;
  patch: (floorId: string, part: Partial<FloorBackground>) => void;
}

function decode(dataUrl: string): HTMLImageElement {
  const img = new Image();
  img.src = dataUrl;
  return img;
}

export const useBackgrounds = create<BackgroundState>((set, get) => ({
  byFloor: {},
  images: {},
  setAll: (byFloor) => set({ byFloor, images: Object.fromEntries(Object.entries(byFloor).map(([k, v]) => [k, decode(v.dataUrl)])) }),
  set: (floorId, bg) => {
    const byFloor = { ...get().byFloor };
    const images = { ...get().images };
    if (bg) {
      byFloor[floorId] = bg;
      images[floorId] = decode(bg.dataUrl);
    } else {
      delete byFloor[floorId];
      delete images[floorId];
    }
    set({ byFloor, images });
  },
  patch: (floorId, part) => {
    const old = get().byFloor[floorId];
    if (old) set({ byFloor: { ...get().byFloor, [floorId]: { ...old, ...part } } });
  },
}));

/** Why a file cannot be a background, or null when it can: an image of at most 10 MB. */
export function backgroundProblem(file: { type: string; size: number }): 'notImage' | 'tooLarge' | null {
  if (!/^image\/(png|jpeg|webp|gif|svg\+xml|bmp)$/.test(file.type)) return 'notImage';
  if (file.size > MAX_BACKGROUND_BYTES) return 'tooLarge';
  return null;
}
