/**
 * The desktop shell's preload: exposes exactly one object, `window.api`, implementing the
 * contract of shared/api. It runs sandboxed, so it holds no logic: it checks the channel
 * name against the contract's list and forwards the request to main, which validates it.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isChannelName } from '../shared/api/channels.ts';
import type { Api } from '../shared/api/contract.ts';

const api = {
  invoke: (channel, request) => {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `未知的调用：${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, request);
  },
  // A dropped file's real path, so main reads it in place instead of receiving its bytes.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
