/**
 * Expert profiles on this laptop (migration 0003): who scores here, their signing key and
 * their drawn signature.
 *
 * - profile: a name and the roster id the clerk gave (`E01`), plus the fingerprint of the key
 *   made for it when it was created. On a laptop with a meeting's roster it is made from the
 *   chosen roster entry (roster-binding.ts), with that entry's title and employer. Several profiles may share a laptop; choosing one shows
 *   only that expert's work.
 * - active key: the one key of a profile that signs; its private half is stored only sealed
 *   (key-protection.ts) and is opened with the passphrase when the expert signs.
 * - hand signature: the PNG data URL drawn by the expert, checked like a sheet's
 *   `expert.handSignature` (shared/sheet/hand-signature.ts).
 */
import type { KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ExpertProfile, KeyProtection } from '../../shared/api/expert-work-types.ts';
import { checkHandSignature } from '../../shared/sheet/hand-signature.ts';
import { AppError } from '../errors/app-error.ts';
import { generateExpertKeyPair, publicKeyBase64 } from './expert-key.ts';
import { fingerprintOfKey } from './key-fingerprint.ts';
import type { OsProtection } from './key-protection.ts';
import { sealPrivateKey, unsealPrivateKey, WrongPassphraseError } from './key-protection.ts';

interface ProfileRow {
  id: number;
  roster_id: string;
  name: string;
  title: string;
  employer: string;
  hand_signature: string | null;
  created_at: string;
  fingerprint: string;
  protection: KeyProtection;
}

const profileSelect = `
  SELECT e.id, e.roster_id, e.name, e.title, e.employer, e.hand_signature, e.created_at, k.fingerprint, k.protection
  FROM expert e JOIN expert_key k ON k.expert_id = e.id AND k.retired_at IS NULL`;

function toProfile(row: ProfileRow): ExpertProfile {
  return {
    id: row.id,
    rosterId: row.roster_id,
    name: row.name,
    title: row.title,
    employer: row.employer,
    fingerprint: row.fingerprint,
    protection: row.protection,
    handSignature: row.hand_signature,
    createdAt: row.created_at,
  };
}

/** What the seal is bound to: a seal copied onto another profile's row does not open. */
function keyBinding(rosterId: string, publicKey: string): string {
  return `alliance-review expert key ${rosterId} ${publicKey}`;
}

export function listExperts(db: Database): ExpertProfile[] {
  return db.prepare<[], ProfileRow>(`${profileSelect} ORDER BY e.roster_id`).all().map(toProfile);
}

export function expertById(db: Database, expertId: number): ExpertProfile {
  const row = db.prepare<[number], ProfileRow>(`${profileSelect} WHERE e.id = ?`).get(expertId);
  if (!row) throw new AppError('expert-not-found', '没有找到这位专家，请重新选择专家。');
  return toProfile(row);
}

export interface NewExpert {
  readonly rosterId: string;
  readonly name: string;
  readonly title?: string | undefined;
  readonly employer?: string | undefined;
  readonly passphrase: string;
}

/** Creates a profile and its key pair; the private key is stored only sealed. */
export function createExpert(db: Database, input: NewExpert, now: Date, os?: OsProtection): ExpertProfile {
  const existing = db.prepare<[string], { name: string }>('SELECT name FROM expert WHERE roster_id = ?').get(input.rosterId);
  if (existing) {
    throw new AppError(
      'expert-exists',
      `本机已有编号为 ${input.rosterId} 的专家（${existing.name}）。同一编号只能建一个档案；如是本人，请直接选择该档案。`,
    );
  }
  // Key generation and sealing (scrypt) happen before the transaction, which stays short.
  const keys = generateExpertKeyPair();
  const publicKey = publicKeyBase64(keys.publicKey);
  const sealed = sealPrivateKey(keys.privateKey, input.passphrase, keyBinding(input.rosterId, publicKey));
  const stored = os ? os.protect(sealed) : sealed;
  const protection: KeyProtection = os ? 'passphrase+os' : 'passphrase';
  const at = now.toISOString();
  const id = db.transaction(() => {
    const expertId = db
      .prepare('INSERT INTO expert (roster_id, name, title, employer, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.rosterId, input.name, input.title ?? '', input.employer ?? '', at).lastInsertRowid as number;
    db.prepare(
      `INSERT INTO expert_key (expert_id, public_key, fingerprint, protection, sealed_private_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(expertId, publicKey, fingerprintOfKey(keys.publicKey), protection, stored, at);
    return expertId;
  })();
  return expertById(db, id);
}

export function setHandSignature(db: Database, expertId: number, handSignature: string | null): ExpertProfile {
  expertById(db, expertId);
  if (handSignature !== null) {
    const check = checkHandSignature(handSignature);
    if (!check.ok) {
      const message =
        check.code === 'hand-signature-too-large' ? '签名图片超过 200 KB，请签得简单些后重试。' : '签名图片不是 PNG 图片，请重新签名。';
      throw new AppError(check.code, message);
    }
  }
  db.prepare('UPDATE expert SET hand_signature = ? WHERE id = ?').run(handSignature, expertId);
  return expertById(db, expertId);
}

/** Opens the expert's private key with their passphrase; refuses a wrong one. */
export function unlockExpertKey(db: Database, expertId: number, passphrase: string, os?: OsProtection): KeyObject {
  const expert = expertById(db, expertId);
  const row = db
    .prepare<[number], { public_key: string; protection: KeyProtection; sealed_private_key: Buffer }>(
      'SELECT public_key, protection, sealed_private_key FROM expert_key WHERE expert_id = ? AND retired_at IS NULL',
    )
    .get(expertId);
  if (!row) throw new AppError('expert-key-missing', '这位专家没有签名密钥。');
  let sealed: Buffer = row.sealed_private_key;
  if (row.protection === 'passphrase+os') {
    if (!os) {
      throw new AppError(
        'key-needs-desktop',
        '这位专家的签名密钥另受本机系统钥匙串保护，只能在桌面版中签名。请用桌面版打开本程序后再签名。',
      );
    }
    try {
      sealed = os.unprotect(sealed);
    } catch {
      throw new AppError('key-os-locked', '系统钥匙串无法解开签名密钥（可能换了电脑或系统账户）。请在创建档案的电脑和账户上签名。');
    }
  }
  try {
    const privateKey = unsealPrivateKey(sealed, passphrase, keyBinding(expert.rosterId, row.public_key));
    if (publicKeyBase64(privateKey) !== row.public_key) throw new WrongPassphraseError();
    return privateKey;
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      throw new AppError('wrong-passphrase', '口令不正确，未签名。请重新输入创建档案时设定的口令。');
    }
    throw error;
  }
}
