/** Bakes the crew member's top-down sprite (turnout coat, helmet with reflective band) into a texture,
 *  drawn in code so the project ships no image files for it. */
import type Phaser from 'phaser';
import { CELL_PX } from './constants';

export const CREW_TEXTURE = 'sprite-crew';

export function makeCrewTexture(scene: Phaser.Scene): void {
  if (scene.textures.exists(CREW_TEXTURE)) return;
  const tex = scene.textures.createCanvas(CREW_TEXTURE, CELL_PX, CELL_PX);
  if (!tex) return;
  const ctx = tex.context;
  const c = CELL_PX / 2;
  ctx.fillStyle = 'rgba(0,0,0,0.35)';
  ctx.beginPath();
  ctx.ellipse(c + 1, c + 2, 13, 12, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#1d3557';
  ctx.beginPath();
  ctx.arc(c, c, 12, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = '#e9ff70';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(c, c, 10, 0, Math.PI * 2);
  ctx.stroke();
  ctx.fillStyle = '#f4c20d';
  ctx.beginPath();
  ctx.arc(c, c, 7, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = '#7a5c00';
  ctx.lineWidth = 1.5;
  ctx.stroke();
  tex.refresh();
}
