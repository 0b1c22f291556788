/** Web Worker for the proofs: parses and checks the draft, then runs "fire only" or the ghost run of
 *  both bots, and answers with the results (field arrays transferred, not copied). */
import '../../zodConfig';
import { checkScenario, safeParseScenario } from '../../../engine/index';
import { fireOnly } from './fireOnly';
import { playBot } from './ghostRun';

interface Request {
  id: number;
  kind: 'fireOnly' | 'ghost';
  revision: number;
  draft: unknown;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { id, kind, revision, draft } = e.data;
  const t0 = performance.now();
  const parsed = safeParseScenario(draft);
  const issues = parsed.ok ? checkScenario(parsed.scenario) : parsed.issues;
  if (!parsed.ok || issues.length > 0) {
    self.postMessage({ id, kind, revision, ok: false, issues });
    return;
  }
  if (kind === 'fireOnly') {
    const result = fireOnly(parsed.scenario);
    const buffers = result.snapshots.flatMap((s) => [...s.heat, ...s.smoke].map((a) => a.buffer));
    self.postMessage({ id, kind, revision, ok: true, result, ms: performance.now() - t0 }, { transfer: buffers });
    return;
  }
  const expert = playBot(parsed.scenario, 'expert');
  const novice = playBot(parsed.scenario, 'novice');
  self.postMessage({ id, kind, revision, ok: true, result: { expert, novice }, ms: performance.now() - t0 });
};
