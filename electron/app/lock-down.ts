/**
 * The desktop shell's lock-down of Chromium: no permission (camera, notifications, …) is
 * ever granted or reported granted, and no web contents may navigate, redirect, open a
 * window or attach a <webview>. Screens change by React state, never by address, so the
 * app itself needs none of these.
 *
 * Written against the few methods it uses, so tests can hand it recording fakes; Electron's
 * Session and WebContents fit these shapes.
 */

export interface Preventable {
  preventDefault(): void;
}

export interface LockableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export interface LockableContents {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: Preventable) => void): this;
  on(event: 'will-redirect', listener: (event: Preventable) => void): this;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): this;
}

export function lockDownSession(session: LockableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** For every web contents Electron creates (app `web-contents-created`). */
export function lockDownContents(contents: LockableContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const prevent = (event: Preventable) => event.preventDefault();
  contents.on('will-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
}
