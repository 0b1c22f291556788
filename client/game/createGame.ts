/** Boots Phaser for one world source (live session or replay) inside a DOM element. The only file
 *  that creates a Phaser.Game; the caller owns the element and must destroy the game on unmount. */
import Phaser from 'phaser';
import { VIEW_H, VIEW_W, WorldScene } from './WorldScene';
import type { WorldSource } from './WorldSource';

/** The game settings every Fireground canvas uses; benchmarks boot their baseline scene with the same. */
export function gameConfig(parent: HTMLElement, scene: Phaser.Scene, renderer: 'auto' | 'canvas', onReady?: () => void): Phaser.Types.Core.GameConfig {
  return {
    type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    width: VIEW_W,
    height: VIEW_H,
    backgroundColor: '#1a1d22',
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [scene],
    callbacks: { postBoot: () => onReady?.() },
  };
}

export function createGame(parent: HTMLElement, source: WorldSource, renderer: 'auto' | 'canvas' = 'auto', onReady?: () => void): Phaser.Game {
  return new Phaser.Game(gameConfig(parent, new WorldScene(source), renderer, onReady));
}
