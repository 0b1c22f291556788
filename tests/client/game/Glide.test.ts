/** The glide between tick positions: a walked cell is crossed smoothly in the step's time, a long jump
 *  (stairs, ladder, replay scrub) teleports, and the heading follows the last step. */
import { describe, expect, it } from 'vitest';
import { Glide, smoothPace } from '../../../client/game/Glide';

describe('Glide', () => {
  it('crosses one walked cell in a straight line over the step time', () => {
    const g = new Glide();
    g.place('ff-1', 5, 2, 0);
    g.target('ff-1', 6, 2, 1000, 400);
    expect(g.at('ff-1', 1000)).toEqual({ x: 5, y: 2 });
    expect(g.at('ff-1', 1200)).toEqual({ x: 5.5, y: 2 });
    expect(g.at('ff-1', 1400)).toEqual({ x: 6, y: 2 });
    expect(g.at('ff-1', 9000)).toEqual({ x: 6, y: 2 });
    expect(g.moving('ff-1', 1300)).toBe(true);
    expect(g.moving('ff-1', 1500)).toBe(false);
  });

  it('starts the next cell from where the sprite is drawn, so a late tick never jumps back', () => {
    const g = new Glide();
    g.place('ff-1', 0, 0, 0);
    g.target('ff-1', 1, 0, 0, 400);
    g.target('ff-1', 2, 0, 300, 400);
    expect(g.at('ff-1', 300)?.x).toBeCloseTo(0.75);
    expect(g.at('ff-1', 700)).toEqual({ x: 2, y: 0 });
  });

  it('teleports on a jump of more than one cell and keeps no heading from it', () => {
    const g = new Glide();
    g.place('ff-1', 0, 0, 0);
    g.target('ff-1', 0, 1, 0, 400);
    expect(g.heading('ff-1')).toBeCloseTo(Math.PI / 2);
    g.target('ff-1', 30, 10, 500, 400);
    expect(g.at('ff-1', 500)).toEqual({ x: 30, y: 10 });
    expect(g.heading('ff-1')).toBeNull();
  });

  it('knows nothing of an id it never placed', () => {
    expect(new Glide().at('nobody', 0)).toBeNull();
  });

  it('follows a change of speed but not a pause: a long gap between ticks leaves the pace as it was', () => {
    let pace = 200;
    for (let k = 0; k < 20; k++) pace = smoothPace(pace, 50);
    expect(pace, 'x4 brings the pace near 50 ms a tick').toBeLessThan(55);
    expect(smoothPace(pace, 30_000), 'thirty seconds paused').toBe(pace);
    expect(smoothPace(200, 400), 'a slow machine still slows it').toBe(260);
  });
});
