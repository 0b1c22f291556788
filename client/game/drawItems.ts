/** Draws the scenario's items (pan of oil, LPG cylinder, cabinet, meter box, anything else) as simple
 *  shapes, showing valve and electrics state and burnt-out fuel. Reads item state only; no game logic. */
import type Phaser from 'phaser';
import type { ItemState } from '../../engine/index';
import { CELL_PX } from './constants';

const CHAR = 0x2a2420;

function pan(gfx: Phaser.GameObjects.Graphics, cx: number, cy: number, spent: boolean): void {
  gfx.fillStyle(0x2f2f2f, 1).fillRect(cx + 8, cy - 2, 12, 4);
  gfx.fillStyle(0x3a3a3a, 1).fillCircle(cx, cy, 11);
  gfx.fillStyle(spent ? CHAR : 0xc8902a, 1).fillCircle(cx, cy, 8);
}

function cylinder(gfx: Phaser.GameObjects.Graphics, cx: number, cy: number, valve: ItemState['valve']): void {
  gfx.fillStyle(0xb8322a, 1).fillCircle(cx, cy, 12);
  gfx.lineStyle(2, 0x7a1f1a, 1).strokeCircle(cx, cy, 12);
  gfx.fillStyle(0xd9d9d9, 1).fillCircle(cx, cy, 6);
  // Open valve: amber tap across the outlet; closed: green, turned in line.
  const open = valve === 'open';
  gfx.fillStyle(open ? 0xffb000 : 0x2e9d4a, 1);
  if (open) gfx.fillRect(cx - 8, cy - 2, 16, 4);
  else gfx.fillRect(cx - 2, cy - 8, 4, 16);
}

function cabinet(gfx: Phaser.GameObjects.Graphics, px: number, py: number, spent: boolean): void {
  gfx.fillStyle(spent ? CHAR : 0x7a4b26, 1).fillRect(px + 2, py + 2, CELL_PX - 4, CELL_PX - 4);
  gfx.lineStyle(2, 0x4e2f16, 1).strokeRect(px + 2, py + 2, CELL_PX - 4, CELL_PX - 4);
  gfx.lineBetween(px + CELL_PX / 2, py + 4, px + CELL_PX / 2, py + CELL_PX - 4);
}

/** A meter box: a lightning mark while live; isolated, the mark goes grey and the main switch shows
 *  down with a green lock-off tag, so a glance tells whether water is safe near it. */
function panel(gfx: Phaser.GameObjects.Graphics, px: number, py: number, live: boolean): void {
  gfx.fillStyle(0x5b6169, 1).fillRect(px + 5, py + 4, CELL_PX - 10, CELL_PX - 8);
  gfx.lineStyle(2, 0x30343a, 1).strokeRect(px + 5, py + 4, CELL_PX - 10, CELL_PX - 8);
  const cx = px + CELL_PX / 2;
  gfx.fillStyle(live ? 0xffd400 : 0x8a8f96, 1).fillTriangle(cx + 2, py + 7, cx - 5, py + 17, cx + 1, py + 17).fillTriangle(cx - 1, py + 15, cx + 5, py + 15, cx - 2, py + 25);
  // Main switch: up while live, down and tagged once isolated.
  gfx.fillStyle(0x1f2226, 1).fillRect(px + CELL_PX - 11, py + 8, 4, 16);
  gfx.fillStyle(live ? 0xd62828 : 0x2e9d4a, 1).fillRect(px + CELL_PX - 12, live ? py + 8 : py + 18, 6, 6);
  if (!live) gfx.fillStyle(0x2e9d4a, 1).fillCircle(px + 9, py + CELL_PX - 8, 3);
}

/** Redraws every item on `floor`; called once per tick. */
export function drawItems(gfx: Phaser.GameObjects.Graphics, items: readonly ItemState[], floor: number): void {
  gfx.clear();
  for (const it of items) {
    if (it.floor !== floor) continue;
    const px = it.x * CELL_PX;
    const py = it.y * CELL_PX;
    const cx = px + CELL_PX / 2;
    const cy = py + CELL_PX / 2;
    const spent = it.fuelKJ <= 0;
    if (it.kind === 'panOil') pan(gfx, cx, cy, spent);
    else if (it.kind === 'lpgCylinder') cylinder(gfx, cx, cy, it.valve);
    else if (it.kind === 'cabinet') cabinet(gfx, px, py, spent);
    else if (it.electrics !== 'none') panel(gfx, px, py, it.electrics === 'live');
    else gfx.fillStyle(spent ? CHAR : 0x6d6d6d, 1).fillRect(px + 6, py + 6, CELL_PX - 12, CELL_PX - 12);
  }
}
