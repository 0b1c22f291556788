/** Bakes the animated effects' textures in code: a four-frame flame and the low-air alarm badge. No
 *  image files and no game state here; the scene decides where and when they show. */
import type Phaser from 'phaser';

export const FLAME_TEXTURE = 'fx-flame';
export const FLAME_FRAMES = 4;
export const FLAME_W = 32;
export const FLAME_H = 40;
export const ALARM_TEXTURE = 'fx-air-alarm';

type Ctx = CanvasRenderingContext2D;

/** A tongue of flame standing on (cx, base), leaning by `sway` pixels at the tip. */
function tongue(ctx: Ctx, cx: number, base: number, w: number, h: number, sway: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.moveTo(cx - w / 2, base);
  ctx.quadraticCurveTo(cx - w / 2 - 2, base - h * 0.55, cx + sway, base - h);
  ctx.quadraticCurveTo(cx + w / 2 + 2, base - h * 0.5, cx + w / 2, base);
  ctx.quadraticCurveTo(cx, base + w * 0.25, cx - w / 2, base);
  ctx.fill();
}

function flameFrame(ctx: Ctx, ox: number, k: number): void {
  const cx = ox + FLAME_W / 2;
  const base = FLAME_H - 6;
  const sway = [-3, 2, 4, -1][k] ?? 0;
  const lift = [0, 3, -2, 1][k] ?? 0;
  tongue(ctx, cx - 6, base, 10, 18 + lift, sway - 2, 'rgba(214,40,40,0.85)');
  tongue(ctx, cx + 6, base, 10, 20 - lift, sway + 2, 'rgba(214,40,40,0.85)');
  tongue(ctx, cx, base, 20, 32 + lift, sway, 'rgba(232,93,4,0.95)');
  tongue(ctx, cx, base, 13, 22 - lift / 2, sway * 0.6, '#faa307');
  tongue(ctx, cx, base, 7, 12, sway * 0.3, '#ffe66d');
}

function alarmBadge(ctx: Ctx): void {
  // A red warning triangle with a white bar and dot: reads as "alarm" without any text.
  ctx.fillStyle = '#d62828';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(10, 1.5);
  ctx.lineTo(18.5, 17);
  ctx.lineTo(1.5, 17);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(9, 6, 2, 6);
  ctx.fillRect(9, 13.5, 2, 2);
}

export function makeEffectTextures(scene: Phaser.Scene): void {
  if (!scene.textures.exists(FLAME_TEXTURE)) {
    const tex = scene.textures.createCanvas(FLAME_TEXTURE, FLAME_W * FLAME_FRAMES, FLAME_H);
    if (tex) {
      for (let k = 0; k < FLAME_FRAMES; k++) {
        flameFrame(tex.context, k * FLAME_W, k);
        tex.add(k, 0, k * FLAME_W, 0, FLAME_W, FLAME_H);
      }
      tex.refresh();
    }
  }
  if (!scene.textures.exists(ALARM_TEXTURE)) {
    const tex = scene.textures.createCanvas(ALARM_TEXTURE, 20, 19);
    if (tex) {
      alarmBadge(tex.context);
      tex.refresh();
    }
  }
}
