/**
 * The expert's remembered rotation of an evidence file, through the channels both shells use:
 * per expert and per file content, 0° until turned, quarter turns only.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/ipc/handlers.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { createTestExpert } from '../../helpers/expert-work.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('evidence-view-');
const scan = 'a1'.repeat(32);
const photo = 'b2'.repeat(32);

describe('evidence views', () => {
  it('remembers a rotation per expert and per file, across a restart of the store', async () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const wang = await createTestExpert(ctx, 'E01', '王明');
    const li = await createTestExpert(ctx, 'E02', '李华');
    expect(await call(ctx, 'evidence-view', { expertId: wang.id, sha256: scan })).toEqual({ rotation: 0 });
    expect(await call(ctx, 'evidence-view-set', { expertId: wang.id, sha256: scan, rotation: 90 })).toEqual({ rotation: 90 });
    expect(await call(ctx, 'evidence-view-set', { expertId: wang.id, sha256: scan, rotation: 270 })).toEqual({ rotation: 270 });
    ctx.close();

    const reopened = testContext(dir);
    expect(await call(reopened, 'evidence-view', { expertId: wang.id, sha256: scan })).toEqual({ rotation: 270 });
    expect(await call(reopened, 'evidence-view', { expertId: wang.id, sha256: photo })).toEqual({ rotation: 0 });
    expect(await call(reopened, 'evidence-view', { expertId: li.id, sha256: scan })).toEqual({ rotation: 0 });
  });

  it('refuses a rotation that is not a quarter turn, a malformed hash and an unknown expert', async () => {
    const ctx = testContext(tempDir());
    const wang = await createTestExpert(ctx);
    const bad = await dispatch(ctx, 'evidence-view-set', { expertId: wang.id, sha256: scan, rotation: 45 });
    expect(bad.ok).toBe(false);
    const hash = await dispatch(ctx, 'evidence-view', { expertId: wang.id, sha256: 'not-a-hash' });
    expect(hash.ok).toBe(false);
    const nobody = await dispatch(ctx, 'evidence-view-set', { expertId: wang.id + 1, sha256: scan, rotation: 90 });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'expert-not-found' } });
  });
});
