/** What `app-info` answers: the program, the shell it runs in and its data folder. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: 'desktop' | 'browser';
  readonly dataDir: string;
  readonly schemaVersion: number;
  /** Something the clerk must know from the start (a damaged store set aside), or null. */
  readonly startupNotice: { readonly code: string; readonly message: string } | null;
}
