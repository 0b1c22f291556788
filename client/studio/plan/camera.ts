/** The plan's view: pixels per cell and the screen position of cell (0, 0). Pure arithmetic for
 *  screen <-> cell conversion, zooming about a point and fitting a floor in view. */

export interface Camera {
  /** Screen pixels per 0.5 m cell. */
  zoom: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 2;
export const MAX_ZOOM = 64;

export function toCell(cam: Camera, sx: number, sy: number): { x: number; y: number } {
  return { x: Math.floor((sx - cam.x) / cam.zoom), y: Math.floor((sy - cam.y) / cam.zoom) };
}

/** Zooms by `factor` keeping the point under (sx, sy) still. */
export function zoomAt(cam: Camera, sx: number, sy: number, factor: number): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, cam.zoom * factor));
  const k = zoom / cam.zoom;
  return { zoom, x: sx - (sx - cam.x) * k, y: sy - (sy - cam.y) * k };
}

/** The camera that shows a `width` x `height` cell floor whole in a `vw` x `vh` view. */
export function fitCamera(width: number, height: number, vw: number, vh: number): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor(Math.min((vw - 24) / Math.max(1, width), (vh - 24) / Math.max(1, height)))));
  return { zoom, x: Math.round((vw - width * zoom) / 2), y: Math.round((vh - height * zoom) / 2) };
}
