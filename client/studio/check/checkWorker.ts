/** Web Worker: parses and checks each draft it is sent, off the main thread, and answers with the
 *  revision, the issues and how long it took. Holds no state between messages. */
import '../../zodConfig';
import { checkScenario, safeParseScenario } from '../../../engine/index';

interface Request {
  revision: number;
  draft: unknown;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const t0 = performance.now();
  let issues;
  let parseMs = 0;
  try {
    // runCheck's two steps, timed apart so the bench can set the checker against the schema parse.
    const parsed = safeParseScenario(e.data.draft);
    parseMs = performance.now() - t0;
    issues = parsed.ok ? checkScenario(parsed.scenario) : parsed.issues;
  } catch (err) {
    // A draft shaped so oddly that the checker itself trips is still reported, at the root.
    issues = [{ path: '$', rule: `could not be checked: ${err instanceof Error ? err.message : String(err)}` }];
  }
  self.postMessage({ revision: e.data.revision, issues, ms: performance.now() - t0, parseMs });
};
