/** Keeps the issue store in step with the draft: every new revision is sent to the check worker, but
 *  never more than one at a time; edits made meanwhile are coalesced into the next check, so drawing
 *  never waits for the checker and the answer shown is always for the latest draft it finished. */
import { useEffect } from 'react';
import type { ScenarioIssue } from '../../../engine/index';
import { useStudio } from '../model/studioStore';
import { benchRecord } from '../benchHook';
import { useIssues } from './issueStore';

interface Answer {
  revision: number;
  issues: ScenarioIssue[];
  ms: number;
  parseMs: number;
}

export function useLiveCheck(): void {
  useEffect(() => {
    const worker = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
    let busy = false;
    let sent = 0;
    const send = (): void => {
      const { revision, draft } = useStudio.getState();
      if (busy || revision === sent || !draft) return;
      busy = true;
      sent = revision;
      worker.postMessage({ revision, draft });
    };
    worker.onmessage = (e: MessageEvent<Answer>) => {
      busy = false;
      useIssues.getState().set(e.data.issues, e.data.revision, e.data.ms);
      benchRecord('check', e.data.ms);
      benchRecord('parse', e.data.parseMs);
      send();
    };
    const unsubscribe = useStudio.subscribe((s, prev) => {
      if (s.revision !== prev.revision) send();
    });
    send();
    return () => {
      unsubscribe();
      worker.terminate();
    };
  }, []);
}
