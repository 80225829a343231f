/**
 * 监督查看 in the chair's console: only what would change something is disabled. A change is a
 * control that asks the main process to write (a channel the observer gate refuses,
 * electron/ipc/observer-gate.ts), or a form that exists only to make such a request. What only
 * shows — switching tabs, filters, sorting, opening evidence, scrolling, drilling down,
 * previewing and printing — stays usable, and so does the observer's own note (observer-bar.tsx).
 *
 * - `Changes`: a group of such controls. A fieldset disabled while the mode is on disables every
 *   button, input, select and textarea in it (the browser does it for the whole subtree, so a
 *   control added to the group later is covered too); `display: contents` keeps it out of the
 *   layout. Its title says why, for a hover.
 * - `ObservingContext`: whether the mode is on, given by the console (chair-screen.tsx).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { OBSERVER_READ_ONLY } from '../common/observer-frame.tsx';

export const ObservingContext = createContext(false);

export function useObserving(): boolean {
  return useContext(ObservingContext);
}

export function Changes({ children }: { readonly children: ReactNode }) {
  const observing = useObserving();
  return (
    <fieldset className="changes" disabled={observing} title={observing ? OBSERVER_READ_ONLY : undefined} data-changes="">
      {children}
    </fieldset>
  );
}
