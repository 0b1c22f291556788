/** Takes the author to where an issue belongs: the right view, floor and selection, then focuses and
 *  scrolls to the element that shows it (the field, or the nearest enclosing element with a path). */
import { useStudio } from '../model/studioStore';
import { THING_PATH } from '../model/things';
import { locateIssue } from './locateIssue';

/** The element on screen for `target`, or for the closest path above it that has one. */
export function elementFor(target: string, root: ParentNode = document): HTMLElement | null {
  for (let p = target; p.length > 0; p = p.replace(/(\.[^.[\]]+|\[[^\]]+\])$/, '')) {
    const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    if (p === '$') break;
  }
  return null;
}

export function jumpTo(path: string, rule: string): void {
  const at = locateIssue(path, rule);
  const studio = useStudio.getState();
  studio.setView(at.view);
  if (at.thing) {
    const thing = studio.draft && (at.thing.kind === 'crew' ? studio.draft.crew : (studio.draft.world as unknown as Record<string, { floor?: string }[]>)[THING_PATH[at.thing.kind][1] as string])?.[at.thing.index];
    const floor = studio.draft.world.floors.findIndex((f) => f.id === thing?.floor);
    if (floor >= 0) studio.setFloor(floor);
    useStudio.getState().select({ path: THING_PATH[at.thing.kind], index: at.thing.index });
  } else if (at.floor !== undefined) studio.setFloor(at.floor);
  studio.focus(at.target);
  // The view renders on the next frame; then the element exists.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const el = elementFor(at.target);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      const focusable = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button');
      (focusable ?? el).focus({ preventScroll: true });
      el.classList.add('flash');
      window.setTimeout(() => el.classList.remove('flash'), 1500);
    }),
  );
}
