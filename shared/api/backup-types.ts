/** One backup of the store, as the home screen lists it. */
export interface BackupInfo {
  /** File name in the data folder's backups/, e.g. `2026-11-26T08-30-00-000Z-import.sqlite`. */
  readonly name: string;
  readonly takenAt: string;
  readonly reason: 'import' | 'sign' | 'exit' | 'manual' | 'before-restore';
  readonly size: number;
}
