/**
 * The desktop shell's OS protection of sealed keys: Electron's safeStorage (DPAPI on Windows,
 * the Keychain on macOS, the Secret Service or KWallet on Linux). Imported only by the Electron
 * main process; the browser shell runs without it.
 *
 * On Linux without a keyring safeStorage falls back to a hard-coded password ("basic_text"),
 * which protects nothing, so there we offer no OS protection rather than a false one.
 */
import { safeStorage } from 'electron';
import type { OsProtection } from './key-protection.ts';

export function safeStorageProtection(): OsProtection | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    protect: (plain) => safeStorage.encryptString(Buffer.from(plain).toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64'),
  };
}
