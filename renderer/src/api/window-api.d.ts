import type { Api } from '../../../shared/api/contract.ts';

declare global {
  interface Window {
    /** Set by the desktop shell's preload; absent in the browser shell. */
    readonly api?: Api;
  }
}
