/** Bakes the crew member's top-down sprite sheet (turnout coat, helmet with visor, breathing set on the
 *  back) into a texture, drawn in code so the project ships no image files for it. Facing east; the
 *  scene rotates it. Frames: 0 standing, 1 left foot forward, 2 standing, 3 right foot forward. */
import type Phaser from 'phaser';
import { CELL_PX } from './constants';

export const CREW_TEXTURE = 'sprite-crew';
export const CREW_FRAMES = 4;

type Ctx = CanvasRenderingContext2D;

function ellipse(ctx: Ctx, x: number, y: number, rx: number, ry: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
  ctx.fill();
}

/** One frame centred on (cx, cy); `step` is -1 (left foot ahead), 0 or 1 (right foot ahead). */
function crewFrame(ctx: Ctx, cx: number, cy: number, step: number): void {
  ellipse(ctx, cx + 1, cy + 2, 13, 12, 'rgba(0,0,0,0.35)');
  // Boots show ahead of the body on a stride; arms swing the other way.
  if (step !== 0) {
    ellipse(ctx, cx + 9, cy + 5 * step, 4, 3, '#15171c');
    ellipse(ctx, cx - 6, cy - 5 * step, 3.5, 3, '#15171c');
  }
  // Breathing set: the cylinder across the back.
  ctx.fillStyle = '#aeb6bf';
  ctx.fillRect(cx - 12, cy - 6, 6, 12);
  ctx.strokeStyle = '#59616b';
  ctx.lineWidth = 1;
  ctx.strokeRect(cx - 12, cy - 6, 6, 12);
  ellipse(ctx, cx, cy, 9, 12.5, '#1d3557');
  ellipse(ctx, cx + 3 - 3 * step, cy - 10, 3.5, 3, '#1d3557');
  ellipse(ctx, cx + 3 + 3 * step, cy + 10, 3.5, 3, '#1d3557');
  // Reflective band across the shoulders.
  ctx.strokeStyle = '#e9ff70';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.ellipse(cx, cy, 7.5, 11, 0, -Math.PI / 2, Math.PI / 2);
  ctx.stroke();
  ellipse(ctx, cx + 1, cy, 7, 7, '#f4c20d');
  ctx.strokeStyle = '#7a5c00';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(cx + 1, cy, 7, 0, Math.PI * 2);
  ctx.stroke();
  // Visor at the front of the helmet says which way the crew member faces.
  ctx.strokeStyle = '#2b2d42';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.arc(cx + 1, cy, 5, -Math.PI / 3, Math.PI / 3);
  ctx.stroke();
}

export function makeCrewTexture(scene: Phaser.Scene): void {
  if (scene.textures.exists(CREW_TEXTURE)) return;
  const tex = scene.textures.createCanvas(CREW_TEXTURE, CELL_PX * CREW_FRAMES, CELL_PX);
  if (!tex) return;
  const steps = [0, -1, 0, 1];
  steps.forEach((step, k) => {
    crewFrame(tex.context, k * CELL_PX + CELL_PX / 2, CELL_PX / 2, step);
    tex.add(k, 0, k * CELL_PX, 0, CELL_PX, CELL_PX);
  });
  tex.refresh();
}
