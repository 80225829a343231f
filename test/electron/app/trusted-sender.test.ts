import { describe, expect, it } from 'vitest';
import { isTrustedSender, type AppContents, type IpcSender } from '../../../electron/app/trusted-sender.ts';

const contents: AppContents = { id: 1, mainFrame: { processId: 7, routingId: 3 } };
const appFrame = { processId: 7, routingId: 3, origin: 'app://renderer', url: 'app://renderer/index.html' };
const fromApp: IpcSender = { sender: { id: 1 }, senderFrame: appFrame };

describe('isTrustedSender', () => {
  it('accepts the app’s window, main frame, own page', () => {
    expect(isTrustedSender(fromApp, contents)).toBe(true);
  });

  it('does not rely on Node’s URL origin, which is "null" for app: URLs', () => {
    expect(new URL('app://renderer/index.html').origin).toBe('null');
    expect(isTrustedSender(fromApp, contents)).toBe(true);
  });

  it.each<[string, IpcSender]>([
    ['a frame that is gone', { ...fromApp, senderFrame: null }],
    ['another window', { ...fromApp, sender: { id: 2 } }],
    ['an iframe of the window', { ...fromApp, senderFrame: { ...appFrame, routingId: 4 } }],
    ['a frame in another process', { ...fromApp, senderFrame: { ...appFrame, processId: 8 } }],
    ['a foreign origin', { ...fromApp, senderFrame: { ...appFrame, origin: 'https://evil.example', url: 'https://evil.example/' } }],
    ['an opaque origin', { ...fromApp, senderFrame: { ...appFrame, origin: 'null' } }],
    ['a file:// page', { ...fromApp, senderFrame: { ...appFrame, origin: 'file://', url: 'file:///C:/index.html' } }],
    ['another app: host', { ...fromApp, senderFrame: { ...appFrame, url: 'app://other/index.html' } }],
    ['an empty URL', { ...fromApp, senderFrame: { ...appFrame, url: '' } }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, contents)).toBe(false);
  });
});
