/**
 * 监督查看 outside the chair's console. The mode belongs to the running program
 * (electron/chair/panel-record-store.ts), and main refuses every change while it is on; the
 * chair's console disables its own tabs. The other screens (首页, 材料包, 会议准备, 专家评分) are
 * wrapped here so that their controls are disabled as well, with a notice saying why, rather than
 * left clickable only to be refused.
 *
 * - session: asked again each time the screen changes (`key`), since the mode is entered and
 *   left on the chair's console, another screen.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ObserverSessionView } from '../../../shared/api/panel-record-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import './observer-frame.css';

export const OBSERVER_READ_ONLY = '监督查看中，不能修改';

export function useObserverSession(key: unknown): ObserverSessionView | null {
  const [session, setSession] = useState<ObserverSessionView | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('observer-session', {}).then((result) => {
      if (live && result.ok) setSession(result.value);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return session;
}

/**
 * The screen, inside a fieldset that is disabled while the mode is on: every button, input and
 * select in it then is. Always rendered, so that entering or leaving the mode keeps what the
 * screen holds (a remount would drop typed text).
 */
export function ObserverFrame({ session, children }: { session: ObserverSessionView | null; children: ReactNode }) {
  return (
    <>
      {session !== null && (
        <p className="observer-notice" role="status" data-testid="observer-notice">
          <strong>{OBSERVER_READ_ONLY}</strong>：监督人 {session.name}（{chinaDateTime(session.since)} 起）正在本机监督查看，本页只能查看。需要修改时，请先在“主任控制台”点“结束监督查看”。
        </p>
      )}
      <fieldset className="observer-frame" disabled={session !== null} title={session === null ? undefined : OBSERVER_READ_ONLY} data-testid="observer-frame">
        {children}
      </fieldset>
    </>
  );
}
