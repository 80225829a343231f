import { describe, expect, it } from 'vitest';

import { runCapped } from '../../../electron/files/capped-worker.ts';

const tasks = new URL('../../fixtures/capped-worker/tasks.ts', import.meta.url);
const caps = { maxOldGenerationSizeMb: 64, timeoutMs: 10_000 };

describe('runCapped', () => {
  it('returns what the task returns, sync or async', async () => {
    expect(await runCapped({ module: tasks, exportName: 'double' }, { n: 21 }, caps)).toEqual({ ok: true, value: { n: 42 } });
    expect(await runCapped({ module: tasks, exportName: 'later' }, 'done', caps)).toEqual({ ok: true, value: 'done!' });
  });

  it('ends a task that allocates without bound at the heap cap, and this process goes on', async () => {
    const before = process.memoryUsage().heapUsed;
    const outcome = await runCapped({ module: tasks, exportName: 'allocateForever' }, null, { maxOldGenerationSizeMb: 32, timeoutMs: 60_000 });
    expect(outcome).toMatchObject({ ok: false, reason: 'memory' });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    // The runner still works after a worker ran out of memory.
    expect(await runCapped({ module: tasks, exportName: 'double' }, { n: 1 }, caps)).toEqual({ ok: true, value: { n: 2 } });
  });

  it('terminates a task that never returns when its time is up', async () => {
    const started = Date.now();
    const outcome = await runCapped({ module: tasks, exportName: 'loopForever' }, null, { maxOldGenerationSizeMb: 32, timeoutMs: 1_500 });
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a task that throws, or a function the module does not export', async () => {
    expect(await runCapped({ module: tasks, exportName: 'fail' }, null, caps)).toEqual({ ok: false, reason: 'failed', detail: 'the task refused' });
    expect(await runCapped({ module: tasks, exportName: 'missing' }, null, caps)).toMatchObject({ ok: false, reason: 'failed' });
  });
});
