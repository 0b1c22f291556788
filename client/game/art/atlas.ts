/** Loads the texture atlas packed from assets/ at build time (scripts/atlasPlugin.ts). The only module
 *  that imports the generated files, so tests of the drawing code never need a build first. */
import type Phaser from 'phaser';
import atlasJsonUrl from '../../generated/atlas.json?url';
import atlasPngUrl from '../../generated/atlas.png?url';
import { ATLAS } from './atlasKey';

export function loadAtlas(scene: Phaser.Scene): void {
  if (!scene.textures.exists(ATLAS)) scene.load.atlas(ATLAS, atlasPngUrl, atlasJsonUrl);
}
