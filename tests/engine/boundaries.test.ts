/** The engine's purity is enforced by lint, not by review: this proves the rules bite on code that
 *  would break determinism or the layering (Math.random, Date.now, timers, phaser, Node built-ins). */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function engineLint(code: string): Promise<string[]> {
  // An existing engine file's path, so the engine's rules and type information apply to the snippet.
  const [result] = await eslint.lintText(code, { filePath: 'engine/prng.ts' });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`);
}

describe('engine boundaries', () => {
  it('rejects Math.random', async () => {
    expect(await engineLint('export const roll = (): number => Math.random();\n')).toContainEqual(expect.stringContaining('no-restricted-properties: \'Math.random\' is restricted'));
  });

  it('rejects Date.now and new Date()', async () => {
    const messages = await engineLint('export const a = (): number => Date.now();\nexport const b = (): Date => new Date();\n');
    expect(messages).toContainEqual(expect.stringContaining("'Date.now' is restricted"));
    expect(messages).toContainEqual(expect.stringContaining('No wall clock in engine/.'));
  });

  it('rejects importing phaser and Node built-ins', async () => {
    const messages = await engineLint("import Phaser from 'phaser';\nimport { readFileSync } from 'node:fs';\nexport const x = [Phaser, readFileSync];\n");
    expect(messages.filter((m) => m.includes('engine/ may import only xstate, zod'))).toHaveLength(2);
  });

  it('rejects timers and the console', async () => {
    const messages = await engineLint('export function later(): void {\n  setTimeout(() => console.log(1), 5);\n}\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
  });

  it('accepts xstate and zod', async () => {
    expect(await engineLint("import { z } from 'zod';\nimport { setup } from 'xstate';\nexport const x = [z, setup];\n")).toEqual([]);
  });
});
