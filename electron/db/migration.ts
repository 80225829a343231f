/**
 * Migration: one numbered step of the store's schema. Steps are listed in order in
 * `migrations/index.ts`; `user_version` records the last step applied.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../errors/app-error.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction, so a failure leaves the database
 * exactly as it was. Refuses a database written by a newer program: opening it with older
 * code could silently drop what the newer version stores.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new AppError(
      'database-too-new',
      `数据文件来自更新版本的程序（数据版本 ${from}，本程序支持到 ${latest}）。请安装最新版本后再打开，数据未作任何改动。`,
    );
  }
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of migrations.slice(from)) m.up(db);
    // PRAGMA cannot take a bound parameter; `latest` is an integer we computed.
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
