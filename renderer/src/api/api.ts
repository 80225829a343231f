/**
 * The renderer's one way to the main process: `window.api` from the desktop preload, or,
 * in the browser shell, the same contract over loopback HTTP.
 */
import type { Api } from '../../../shared/api/contract.ts';
import { browserEvidenceUrl, browserRenditionUrl, desktopEvidenceUrl, desktopRenditionUrl, type RenditionRef } from '../../../shared/api/transport.ts';
import { createHttpApi, pageToken } from './http-api.ts';

export const api: Api = window.api ?? createHttpApi(pageToken());

/** The desktop shell (Electron) has the preload's `window.api`; the browser shell has not. */
export const isDesktopShell = window.api !== undefined;

/** URL of a stored evidence file, by content hash, in whichever shell runs. */
export function evidenceUrl(hash: string): string {
  return window.api ? desktopEvidenceUrl(hash) : browserEvidenceUrl(hash, pageToken());
}

/** URL of a file a converter made from stored evidence (a TIFF page as PNG), in whichever shell runs. */
export function renditionUrl(ref: RenditionRef): string {
  return window.api ? desktopRenditionUrl(ref) : browserRenditionUrl(ref, pageToken());
}
