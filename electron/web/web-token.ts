/**
 * The browser shell's access token, one per data folder. A token made afresh at each start
 * left every open page refused ("缺少或错误的访问令牌") after a restart until the person
 * pressed F5, and anything typed since was at risk. Kept in the data folder, readable by its
 * owner only, the same token comes back after a restart, so an open page keeps working;
 * another local web page still cannot read it (it never leaves this folder and the page the
 * server served), which is all the token is there to prevent.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'web-token';
const TOKEN = /^[0-9a-f]{64}$/;

/** The data folder's token; made (owner-only, written atomically) when missing or unreadable. */
export function dataDirToken(dataDir: string): string {
  const path = join(dataDir, FILE);
  try {
    const text = readFileSync(path, 'utf8').trim();
    if (TOKEN.test(text)) {
      // A copied or restored folder may have brought the file with wider permissions.
      chmodSync(path, 0o600);
      return text;
    }
  } catch {
    // Missing or unreadable: a new one follows.
  }
  const token = randomBytes(32).toString('hex');
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, `${token}\n`, { mode: 0o600 });
  chmodSync(part, 0o600);
  renameSync(part, path);
  return token;
}
