import { describe, expect, it } from 'vitest';
import { ResidentWorker } from '../../../electron/files/resident-worker.ts';

const tasks = new URL('../../fixtures/capped-worker/tasks.ts', import.meta.url);
const caps = { maxOldGenerationSizeMb: 64, timeoutMs: 10_000 };

describe('ResidentWorker', () => {
  it('keeps its thread between calls, and answers calls in order', async () => {
    const worker = new ResidentWorker<null, number>({ module: tasks, exportName: 'countCalls' }, caps);
    try {
      const answers = await Promise.all([worker.run(null), worker.run(null), worker.run(null)]);
      expect(answers).toEqual([1, 2, 3].map((value) => ({ ok: true, value })));
    } finally {
      await worker.close();
    }
  });

  it('ends a call at the heap cap with its reason, and the next call gets a new thread', async () => {
    const allocate = new ResidentWorker<null, never>({ module: tasks, exportName: 'allocateForever' }, { maxOldGenerationSizeMb: 32, timeoutMs: 60_000 });
    expect(await allocate.run(null)).toMatchObject({ ok: false, reason: 'memory' });
    await allocate.close();
    const count = new ResidentWorker<null, number>({ module: tasks, exportName: 'countCalls' }, caps);
    try {
      expect(await count.run(null)).toEqual({ ok: true, value: 1 });
    } finally {
      await count.close();
    }
  });

  it('ends a call that never returns when its time is up; the next call starts afresh', async () => {
    const worker = new ResidentWorker<null, unknown>({ module: tasks, exportName: 'loopForever' }, { maxOldGenerationSizeMb: 32, timeoutMs: 1_500 });
    try {
      const started = Date.now();
      expect(await worker.run(null)).toMatchObject({ ok: false, reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await worker.run(null)).toMatchObject({ ok: false, reason: 'timeout' });
    } finally {
      await worker.close();
    }
  });

  it('reports a task that throws, and goes on answering', async () => {
    const worker = new ResidentWorker<null, unknown>({ module: tasks, exportName: 'fail' }, caps);
    try {
      expect(await worker.run(null)).toEqual({ ok: false, reason: 'failed', detail: 'the task refused' });
      expect(await worker.run(null)).toEqual({ ok: false, reason: 'failed', detail: 'the task refused' });
    } finally {
      await worker.close();
    }
  });
});
