/** Web Worker: parses and checks each draft it is sent, off the main thread, and answers with the
 *  revision, the issues and how long it took. Holds no state between messages. */
import { runCheck } from './runCheck';

interface Request {
  revision: number;
  draft: unknown;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const t0 = performance.now();
  let issues;
  try {
    issues = runCheck(e.data.draft);
  } catch (err) {
    // A draft shaped so oddly that the checker itself trips is still reported, at the root.
    issues = [{ path: '$', rule: `could not be checked: ${err instanceof Error ? err.message : String(err)}` }];
  }
  self.postMessage({ revision: e.data.revision, issues, ms: performance.now() - t0 });
};
