/**
 * ServiceContext: what every handler gets besides its request: the open store, the data
 * folder, where shipped resources live, and the clock (passed in so tests can fix it).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open.ts';
import { clearStaleStaging } from '../evidence/evidence-staging.ts';
import { JobRegistry } from '../jobs/jobs.ts';

export interface ServiceContext {
  readonly db: Database;
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly shell: 'desktop' | 'browser';
  readonly version: string;
  readonly now: () => Date;
  readonly jobs: JobRegistry;
  /** The system's file picker; only the desktop shell has one. */
  readonly pickPaths?: ((what: 'zip-files' | 'folders') => Promise<string[]>) | undefined;
}

export interface ContextOptions {
  readonly dataDir: string;
  readonly resourcesDir?: string;
  readonly shell: 'desktop' | 'browser';
  readonly version: string;
  readonly now?: () => Date;
  readonly pickPaths?: ServiceContext['pickPaths'];
}

/** The resources folder of a checkout; a packaged app passes `process.resourcesPath` instead. */
export const checkoutResourcesDir = resolve(import.meta.dirname, '..', '..', 'resources');

export function createContext(options: ContextOptions): ServiceContext {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'alliance-review.sqlite'));
  // Staged files of an import that a crash interrupted belong to no package.
  clearStaleStaging(options.dataDir);
  return {
    db,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir ?? checkoutResourcesDir,
    shell: options.shell,
    version: options.version,
    now: options.now ?? (() => new Date()),
    jobs: new JobRegistry(),
    pickPaths: options.pickPaths,
  };
}
