/** The browser's field-frame decoder reads what the server's encoder writes, and its store rebuilds a
 *  floor from a keyframe and the deltas after it, in the engine's units. */
import { describe, expect, it } from 'vitest';
import { AMBIENT_DECI_C } from '../../../engine/index';
import { decodeFieldFrame, FieldStore } from '../../../client/ui/drill/fieldFrames';
import { decodeFieldFrame as serverDecode, FieldEncoder } from '../../../server/drills/fieldFrames';

describe('drill field frames in the browser', () => {
  it('decodes the server encoder frames exactly as the server decoder does', () => {
    const enc = new FieldEncoder(2, 4);
    const heat = Int32Array.from([AMBIENT_DECI_C, AMBIENT_DECI_C + 400, 5000, AMBIENT_DECI_C]);
    const smoke = Int32Array.from([0, 40, 1000, 8]);
    const delta = enc.delta(heat, smoke, 35);
    if (!delta) throw new Error('no delta');
    expect(decodeFieldFrame(delta)).toEqual(serverDecode(delta));
    const key = enc.keyframe(36);
    expect(decodeFieldFrame(key)).toEqual(serverDecode(key));
    expect(() => decodeFieldFrame(key.subarray(0, 12))).toThrow();
  });

  it('builds a floor from a keyframe and later deltas, dropping deltas that come before any keyframe', () => {
    const enc = new FieldEncoder(0, 3);
    const store = new FieldStore();
    const early = enc.delta(Int32Array.from([AMBIENT_DECI_C + 800, AMBIENT_DECI_C, AMBIENT_DECI_C]), Int32Array.from([0, 0, 0]), 5);
    if (!early) throw new Error('no delta');
    store.apply(decodeFieldFrame(early));
    expect(store.get(0)).toBeUndefined();
    store.apply(decodeFieldFrame(enc.keyframe(6)));
    const later = enc.delta(Int32Array.from([AMBIENT_DECI_C + 800, AMBIENT_DECI_C, AMBIENT_DECI_C]), Int32Array.from([0, 400, 0]), 10);
    if (!later) throw new Error('no delta');
    store.apply(decodeFieldFrame(later));
    const floor = store.get(0);
    expect(Array.from(floor?.heat ?? [])).toEqual([AMBIENT_DECI_C + 800, AMBIENT_DECI_C, AMBIENT_DECI_C]);
    expect(Array.from(floor?.smoke ?? [])).toEqual([0, 400, 0]);
    expect(floor?.version).toBe(2);
  });
});
