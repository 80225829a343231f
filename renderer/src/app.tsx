/**
 * The app frame: a title bar with the screens a user moves between. Screens are chosen by
 * state, not URLs: the desktop shell never navigates (navigation is denied in main). In the
 * browser shell each screen is a history entry, so the Back button moves between screens and
 * never leaves the app, and leaving with unsaved typed text asks first (common/unsaved-text.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { isDesktopShell } from './api/api.ts';
import { installLeaveGuard, type LeaveGuard } from './common/unsaved-text.ts';
import { HomeScreen } from './home/home-screen.tsx';
import { PackagesScreen } from './packages/packages-screen.tsx';
import { ExpertScreen } from './experts/expert-screen.tsx';
import { MeetingSetupScreen } from './meeting/meeting-setup-screen.tsx';
import { ChairScreen } from './chair/chair-screen.tsx';
import { ObserverFrame, useObserverSession } from './common/observer-frame.tsx';

const screens = [
  { id: 'home', label: '首页' },
  { id: 'packages', label: '材料包' },
  { id: 'meeting', label: '会议准备' },
  { id: 'experts', label: '专家评分' },
  { id: 'chair', label: '主任控制台' },
] as const;

type ScreenId = (typeof screens)[number]['id'];

export function App() {
  const [screen, setScreen] = useState<ScreenId>('home');
  const guard = useRef<LeaveGuard | null>(null);
  useEffect(() => {
    if (isDesktopShell) return;
    const installed = installLeaveGuard(window, 'home', (id) => {
      const known = screens.find((s) => s.id === id);
      if (known) setScreen(known.id);
    });
    guard.current = installed;
    return () => {
      installed.remove();
      guard.current = null;
    };
  }, []);
  // 监督查看: the chair's console disables its own tabs; every other screen is disabled whole.
  const observer = useObserverSession(screen);
  const go = (id: ScreenId) => {
    setScreen(id);
    guard.current?.moved(id);
  };
  return (
    <div className="app">
      <header className="app-bar">
        <h1>联盟考核评审</h1>
        <nav aria-label="主菜单">
          {screens.map((s) => (
            <button
              key={s.id}
              type="button"
              className={`nav-item${screen === s.id ? ' active' : ''}`}
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => go(s.id)}
            >
              {s.label}
            </button>
          ))}
        </nav>
      </header>
      <main className="app-main">
        {screen === 'chair' ? (
          <ChairScreen />
        ) : (
          <ObserverFrame session={observer}>
            {screen === 'home' && <HomeScreen onOpenPackages={() => go('packages')} />}
            {screen === 'packages' && <PackagesScreen />}
            {screen === 'experts' && <ExpertScreen />}
            {screen === 'meeting' && <MeetingSetupScreen />}
          </ObserverFrame>
        )}
      </main>
    </div>
  );
}
