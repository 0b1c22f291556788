/** The cheap animations that tell state: dashes of flow run along a charged hose line (one stroke for
 *  all of them, moving with time) and a gas valve shut or power isolated is noted the tick it happens,
 *  not at first sight. Drawing goes to a recording stand-in for Phaser's Graphics. */
import { describe, expect, it } from 'vitest';
import type Phaser from 'phaser';
import { flowDashes } from '../../../client/game/drawActors';
import { StateChanges } from '../../../client/game/drawEffects';
import { makeRun } from '../../support/scenarios';

function recorder(): { gfx: Phaser.GameObjects.Graphics; moves: number[][]; strokes: () => number } {
  const moves: number[][] = [];
  let strokes = 0;
  const gfx = {
    lineStyle: () => gfx,
    beginPath: () => gfx,
    moveTo: (x: number, y: number) => (moves.push([x, y]), gfx),
    lineTo: () => gfx,
    strokePath: () => (strokes++, gfx),
  };
  return { gfx: gfx as unknown as Phaser.GameObjects.Graphics, moves, strokes: () => strokes };
}

describe('hose flow', () => {
  it('runs dashes along the whole line in one stroke, and moves them from the engine towards the nozzle', () => {
    const pts = [0, 0, 320, 0, 320, 320];
    const a = recorder();
    flowDashes(a.gfx, pts, 3, 0, 0, 3);
    expect(a.strokes()).toBe(1);
    expect(a.moves.length).toBeGreaterThan(30);
    expect(a.moves.every(([x, y]) => (y === 0 && x! >= 0 && x! <= 320) || (x === 320 && y! >= 0 && y! <= 320))).toBe(true);
    const b = recorder();
    flowDashes(b.gfx, pts, 3, 50, 0, 3);
    expect(b.moves[0]?.[0]).toBeGreaterThan(a.moves[0]?.[0] ?? 0);
  });
});

describe('state changes', () => {
  it('notes a shut valve or isolated power when it happens, not when first seen', () => {
    const items = makeRun('tube-house-motorbikes').world.items;
    const changes = new StateChanges();
    changes.note(items, 100);
    expect(changes.at.size).toBe(0);
    const shut = items.map((i) => (i.valve === 'open' ? { ...i, valve: 'closed' as const } : i.electrics === 'live' ? { ...i, electrics: 'isolated' as const } : i));
    changes.note(shut, 300);
    expect([...changes.at.keys()].sort()).toEqual(['lpg-kitchen', 'meter-box']);
    expect(changes.at.get('lpg-kitchen')).toBe(300);
    changes.note(shut, 500);
    expect(changes.at.get('meter-box')).toBe(300);
  });
});
