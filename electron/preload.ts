/**
 * The desktop shell's preload: exposes exactly one object, `window.api`, implementing the
 * contract of shared/api. It runs sandboxed, so it holds no logic: it checks the channel
 * name against the contract's list and forwards the request to main, which validates it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName } from '../shared/api/channels.ts';
import type { Api } from '../shared/api/contract.ts';

const api = {
  invoke: (channel, request) => {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `未知的调用：${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, request);
  },
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
