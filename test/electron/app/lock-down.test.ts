import { describe, expect, it } from 'vitest';
import { lockDownContents, lockDownSession, type LockableContents, type LockableSession, type Preventable } from '../../../electron/app/lock-down.ts';

/** Records what the lock-down installs, as Electron's Session would, so the test can call it. */
function recordingSession() {
  const installed: {
    request?: Parameters<LockableSession['setPermissionRequestHandler']>[0];
    check?: Parameters<LockableSession['setPermissionCheckHandler']>[0];
  } = {};
  const session: LockableSession = {
    setPermissionRequestHandler: (handler) => (installed.request = handler),
    setPermissionCheckHandler: (handler) => (installed.check = handler),
  };
  return { session, installed };
}

function recordingContents() {
  const listeners = new Map<string, (event: Preventable) => void>();
  let openHandler: (() => { action: 'deny' }) | undefined;
  const contents: LockableContents = {
    setWindowOpenHandler: (handler) => (openHandler = handler),
    on(event: string, listener: (event: Preventable) => void) {
      listeners.set(event, listener);
      return this;
    },
  };
  return { contents, listeners, openWindow: () => openHandler?.() };
}

describe('lockDownSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('refuses the %s permission', (permission) => {
    const { session, installed } = recordingSession();
    lockDownSession(session);
    const answers: boolean[] = [];
    installed.request?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(installed.check?.()).toBe(false);
  });
});

describe('lockDownContents', () => {
  it('denies new windows', () => {
    const { contents, openWindow } = recordingContents();
    lockDownContents(contents);
    expect(openWindow()).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { contents, listeners } = recordingContents();
    lockDownContents(contents);
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});
