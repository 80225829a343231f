/**
 * Who may call the services over IPC in the desktop shell: only the app's own window, from
 * its main frame, showing the app's own page. An iframe, a second window, or a page the
 * window was somehow navigated to is refused before any handler or schema sees the payload.
 *
 * Written against plain fields, so tests need no Electron; an `IpcMainInvokeEvent` and the
 * window's `WebContents` fit these shapes as they are.
 */
import { desktopAppHost, desktopAppOrigin } from '../../shared/api/transport.ts';

/** A frame as Electron identifies it: the renderer process and the frame's routing id in it. */
export interface FrameId {
  readonly processId: number;
  readonly routingId: number;
}

export interface IpcSender {
  /** The web contents the message came from. */
  readonly sender: { readonly id: number };
  /**
   * The frame it came from, or null when that frame is gone (navigated away or destroyed).
   * Its `origin` is Chromium's; it is checked rather than `new URL(url).origin`, because
   * Node's URL gives the origin "null" for any scheme it does not know, `app:` among them.
   */
  readonly senderFrame: (FrameId & { readonly origin: string; readonly url: string }) | null;
}

/** The app window's web contents. */
export interface AppContents {
  readonly id: number;
  readonly mainFrame: FrameId;
}

function isAppPage(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed !== null && parsed.protocol === 'app:' && parsed.host === desktopAppHost;
}

export function isTrustedSender(event: IpcSender, contents: AppContents): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    event.sender.id === contents.id &&
    frame.processId === contents.mainFrame.processId &&
    frame.routingId === contents.mainFrame.routingId &&
    frame.origin === desktopAppOrigin &&
    isAppPage(frame.url)
  );
}

/** The refusal the renderer gets instead of an answer. */
export const untrustedSenderError = { ok: false, error: { code: 'untrusted-sender', message: '拒绝来自未知页面的调用' } } as const;
