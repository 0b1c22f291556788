/** Group commit on its own: items that arrive while a write is under way go out together in the next
 *  write, each caller gets its own result, and a failed write fails only its own callers. */
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../server/runs/GroupCommit';

/** A write the test finishes by hand, so batching is decided by order of events, not by timing. */
function controlledWriter() {
  const batches: number[][] = [];
  const finishers: (() => void)[] = [];
  let failNext = false;
  const write = (items: number[]): Promise<string[]> => {
    batches.push(items);
    const fail = failNext;
    failNext = false;
    return new Promise((resolve, reject) => {
      finishers.push(() => (fail ? reject(new Error('disk full')) : resolve(items.map((n) => `stored ${n}`))));
    });
  };
  const finishNext = async (): Promise<void> => {
    await expect.poll(() => finishers.length).toBeGreaterThan(0);
    finishers.shift()?.();
  };
  return { write, batches, finishNext, failNextWrite: () => (failNext = true) };
}

describe('GroupCommit', () => {
  it('sends what arrived during one write together in the next, answering each caller its own result', async () => {
    const w = controlledWriter();
    const commit = new GroupCommit(w.write, 64);
    const first = commit.add(1);
    await expect.poll(() => w.batches.length).toBe(1);
    const later = [2, 3, 4, 5].map((n) => commit.add(n));
    await w.finishNext();
    await w.finishNext();
    expect(await first).toBe('stored 1');
    expect(await Promise.all(later)).toEqual(['stored 2', 'stored 3', 'stored 4', 'stored 5']);
    expect(w.batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('never puts more than maxBatch items in one write', async () => {
    const w = controlledWriter();
    const commit = new GroupCommit(w.write, 3);
    const all = Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => commit.add(n)));
    for (let i = 0; i < 3; i++) await w.finishNext();
    expect(await all).toHaveLength(7);
    expect(w.batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('fails only the callers of a failed write and goes on with the next', async () => {
    const w = controlledWriter();
    const commit = new GroupCommit(w.write, 64);
    w.failNextWrite();
    const doomed = commit.add(1);
    await expect.poll(() => w.batches.length).toBe(1);
    const next = commit.add(2);
    await w.finishNext();
    await expect(doomed).rejects.toThrow('disk full');
    await w.finishNext();
    expect(await next).toBe('stored 2');
  });

  it('is idle only once nothing is queued or being written', async () => {
    const w = controlledWriter();
    const commit = new GroupCommit(w.write, 64);
    await commit.idle();
    const item = commit.add(1);
    let idle = false;
    const waiting = commit.idle().then(() => (idle = true));
    await expect.poll(() => w.batches.length).toBe(1);
    expect(idle).toBe(false);
    await w.finishNext();
    await item;
    await waiting;
    expect(idle).toBe(true);
  });
});
