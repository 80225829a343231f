/**
 * Where the app keeps its data: the platform's app-data folder, unless the environment
 * variable ALLIANCE_REVIEW_DATA_DIR names another one (tests use a fresh temp folder).
 * Electron's `app.getPath('userData')` resolves to the same folders for this app name.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const appFolderName = 'alliance-review';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['ALLIANCE_REVIEW_DATA_DIR'];
  if (override) return override;
  switch (platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', appFolderName);
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), appFolderName);
  }
}
