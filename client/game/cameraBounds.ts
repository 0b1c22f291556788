/** Camera bounds for one floor at one zoom, as pure maths so it can be tested without a browser.
 *  Must not touch Phaser: the scene applies the result with camera.setBounds. */

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One axis: a map `map` world px long seen through `view` world px, with `edge` px of margin. */
function axis(map: number, view: number, edge: number): [number, number] {
  // Phaser pins a view longer than its bounds to their start, so a view that holds the whole map gets
  // bounds exactly its own length around the map: the map sits centred and nothing can scroll it off.
  // Half a pixel of slack: the fit zoom is a division and may land a hair short of the map.
  if (view >= map - 0.5) return [(map - view) / 2, view];
  // Closer in, the view may run `edge` past the map so its edge can come out from under an overlay.
  return [-edge, map + 2 * edge];
}

/** Bounds for a `mapW` x `mapH` px floor in a `viewW` x `viewH` screen px camera at `zoom`. */
export function cameraBounds(mapW: number, mapH: number, viewW: number, viewH: number, zoom: number, edge: number): Bounds {
  const [x, width] = axis(mapW, viewW / zoom, edge);
  const [y, height] = axis(mapH, viewH / zoom, edge);
  return { x, y, width, height };
}

