/** Boots Phaser for one session inside a DOM element. The only file that creates a Phaser.Game; the
 *  caller owns the element and must destroy the game when the route unmounts. */
import Phaser from 'phaser';
import type { LocalSession } from '../session/LocalSession';
import { CELL_PX } from './constants';
import { WorldScene } from './WorldScene';

export function createGame(parent: HTMLElement, session: LocalSession): Phaser.Game {
  const grid = session.run.world.floors[session.run.world.crew[0]?.floor ?? 0];
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: (grid?.width ?? 24) * CELL_PX,
    height: (grid?.height ?? 15) * CELL_PX,
    backgroundColor: '#1a1d22',
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [new WorldScene(session)],
  });
}
