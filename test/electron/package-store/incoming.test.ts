import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { incomingDir, receiveUpload, uploadPath } from '../../../electron/package-store/incoming.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('incoming-');

describe('incoming uploads', () => {
  it('are removed at start when a crash left them: whole, half received, or a half-unpacked meeting file', () => {
    const dataDir = tempDir();
    const incoming = incomingDir(dataDir);
    mkdirSync(join(incoming, 'meeting-0123456789abcdef', 'HFA-001'), { recursive: true });
    writeFileSync(join(incoming, 'meeting-0123456789abcdef', 'HFA-001', 'manifest.json'), '{}');
    writeFileSync(join(incoming, 'a'.repeat(32)), Buffer.alloc(1024));
    writeFileSync(join(incoming, `${'b'.repeat(32)}.part`), Buffer.alloc(512));
    // An import's staging folder, which a crash leaves the same way.
    mkdirSync(join(dataDir, 'evidence', '.staging', '0123456789abcdef'), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', '.staging', '0123456789abcdef', '0'), Buffer.alloc(256));
    const ctx = testContext(dataDir);
    expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([]);
    expect(existsSync(join(dataDir, 'evidence', '.staging'))).toBe(false);
    ctx.db.close();
  });

  it('still receive uploads after the start-up clean-up', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    const id = await receiveUpload(dataDir, Readable.from([Buffer.from('PK')]));
    expect(readdirSync(incomingDir(dataDir))).toEqual([id]);
    expect(existsSync(uploadPath(dataDir, id))).toBe(true);
    ctx.db.close();
  });
});
