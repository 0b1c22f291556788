/** Boots Phaser for the drill map inside a DOM element; imported lazily by the drill page so Phaser
 *  loads only when a drill map is shown. The caller owns the element and destroys the game on unmount. */
import Phaser from 'phaser';
import { DRILL_MAP_H, DRILL_MAP_W, DrillMapScene, type DrillMapSource } from './DrillMapScene';

export function createDrillMap(parent: HTMLElement, source: DrillMapSource): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: DRILL_MAP_W,
    height: DRILL_MAP_H,
    backgroundColor: '#1a1d22',
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [new DrillMapScene(source)],
  });
}
