/**
 * Unsaved typed text, and leaving the page with it (browser shell).
 *
 * Unsaved text: words a person typed into a field that are not stored yet (a reason being
 * written, a flag note, a paper entry). Each such field says so with `useUnsavedText(dirty)`.
 *
 * In the browser shell the page can be left: closing the tab, reloading, the Back button. So
 * there (`installLeaveGuard`):
 * - while any unsaved text exists, `beforeunload` asks the browser's own "leave this site?"
 *   question (browsers show their own words; a page's text is ignored);
 * - the screens (chosen by state, app.tsx) are history entries, so Back goes to the previous
 *   screen; Back at the first screen stays in the app instead of leaving it. Back while text
 *   is unsaved asks first (another screen would drop the field), and staying keeps the text.
 * The desktop shell never navigates (main denies it) and closing its window is main's to decide:
 * a `beforeunload` that cancels would silently block the close there, so it is not installed.
 */
import { useEffect } from 'react';

const unsaved = new Set<symbol>();
const held = new Set<string>();

/** Text another screen would drop. */
export function hasUnsavedText(): boolean {
  return unsaved.size > 0;
}

/** Text closing the page would drop: all of it, drafts kept across screens included. */
function hasTextToLose(): boolean {
  return unsaved.size > 0 || held.size > 0;
}

/** Marks this component's typed text unsaved while `dirty` is true, until it unmounts. */
export function useUnsavedText(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const id = Symbol('unsaved');
    unsaved.add(id);
    return () => {
      unsaved.delete(id);
    };
  }, [dirty]);
}

/** A draft kept across screens by its own store, held (`true`) until saved or given up. */
export function holdDraft(key: string, holding: boolean): void {
  if (holding) held.add(key);
  else held.delete(key);
}

/** A history entry of the app: which screen it shows; `first` marks the entry the app opened on. */
interface AppHistoryState {
  readonly appScreen: string;
  readonly first?: true;
}

function isAppState(state: unknown): state is AppHistoryState {
  return typeof state === 'object' && state !== null && typeof (state as { appScreen?: unknown }).appScreen === 'string';
}

export interface LeaveGuard {
  /** Records a move to another screen as a history entry. */
  moved(screen: string): void;
  remove(): void;
}

/**
 * Installs the guard on the browser shell's window. `show` is called with the screen a Back or
 * Forward lands on. The first entry is doubled (a `first` entry under the one shown), so Back
 * from the first screen lands on `first`, which moves forward again instead of leaving.
 */
export const LEAVE_QUESTION = '本页有尚未保存的文字（理由或意见），换到其他页面后会丢失。确定离开吗？选“取消”留在本页，先保存。';

export function installLeaveGuard(win: Window, initial: string, show: (screen: string) => void): LeaveGuard {
  let shown = initial;
  win.history.replaceState({ appScreen: initial, first: true } satisfies AppHistoryState, '');
  win.history.pushState({ appScreen: initial } satisfies AppHistoryState, '');
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasTextToLose()) return;
    event.preventDefault();
    // Older Chromium asks only when returnValue is set.
    event.returnValue = '';
  };
  const onPopState = (event: PopStateEvent) => {
    const state: unknown = event.state;
    if (!isAppState(state)) return;
    if (state.appScreen !== shown && hasUnsavedText() && !win.confirm(LEAVE_QUESTION)) {
      // Stay: put the screen shown back on top, so the field and its text stay as they are.
      win.history.pushState({ appScreen: shown } satisfies AppHistoryState, '');
      return;
    }
    if (state.first === true) {
      // Back at the first screen: stay in the app, on the screen it shows.
      win.history.pushState({ appScreen: state.appScreen } satisfies AppHistoryState, '');
    }
    shown = state.appScreen;
    show(state.appScreen);
  };
  win.addEventListener('beforeunload', onBeforeUnload);
  win.addEventListener('popstate', onPopState);
  return {
    moved(screen) {
      shown = screen;
      const current: unknown = win.history.state;
      if (isAppState(current) && current.appScreen === screen) return;
      win.history.pushState({ appScreen: screen } satisfies AppHistoryState, '');
    },
    remove() {
      win.removeEventListener('beforeunload', onBeforeUnload);
      win.removeEventListener('popstate', onPopState);
    },
  };
}
