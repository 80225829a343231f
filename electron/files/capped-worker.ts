/**
 * Capped worker: runs one function of a module in a worker thread with a memory cap and a
 * time limit, so a file that makes a parser blow up (a workbook whose one merged range covers
 * every cell of the sheet, an image that decodes to gigabytes) costs a refused file, never the
 * app: the worker is ended and the caller gets a reason instead of a crashed process.
 *
 * - task: a module that exports the function by name; it gets the input (structured-cloned)
 *   and returns, or resolves to, a structured-cloneable result.
 * - caps: `maxOldGenerationSizeMb` (and the young generation and stack, see resourceLimits)
 *   bound the worker's JavaScript heap; `timeoutMs` bounds its wall-clock time, after which it
 *   is terminated. Memory outside the heap (Buffers) is bounded by the callers' own size checks.
 *
 * A task module is found next to the module that names it (`taskModule`), as a `.ts` source
 * under Node's type stripping (CLI, tests) or as a `.cjs` file beside the desktop shell's
 * main.cjs, which builds each task and the worker entry as entries of their own
 * (vite.electron.config.ts lists them: a new task must be added there too).
 */
import { Worker } from 'node:worker_threads';

export interface WorkerCaps {
  readonly maxOldGenerationSizeMb: number;
  readonly maxYoungGenerationSizeMb?: number | undefined;
  readonly stackSizeMb?: number | undefined;
  readonly timeoutMs: number;
}

export type CappedOutcome<T> =
  | { readonly ok: true; readonly value: T }
  /** memory: the heap cap was hit; timeout: it ran too long; failed: the task threw or the worker died otherwise. */
  | { readonly ok: false; readonly reason: 'memory' | 'timeout' | 'failed'; readonly detail: string };

export interface CappedTask {
  /** The task module's file URL (see `taskModule`). */
  readonly module: URL;
  /** The exported function to call. */
  readonly exportName: string;
}

/** A task module next to the caller: `taskModule(import.meta.url, 'workbook-task')`. */
export function taskModule(callerUrl: string, baseName: string): URL {
  // In the sources a task is the .ts file beside its caller. In the bundle it is a .cjs entry
  // beside main.cjs, and the caller may sit in a shared chunk one folder down (assets/).
  const path = new URL(callerUrl).pathname;
  if (!path.endsWith('.cjs')) return new URL(`./${baseName}.ts`, callerUrl);
  return new URL(`${/\/assets\/[^/]*$/.test(path) ? '../' : './'}${baseName}.cjs`, callerUrl);
}

export function runCapped<T>(task: CappedTask, input: unknown, caps: WorkerCaps): Promise<CappedOutcome<T>> {
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = new Worker(taskModule(import.meta.url, 'capped-worker-entry'), {
        workerData: { module: task.module.href, exportName: task.exportName, input },
        resourceLimits: {
          maxOldGenerationSizeMb: caps.maxOldGenerationSizeMb,
          maxYoungGenerationSizeMb: caps.maxYoungGenerationSizeMb ?? 32,
          stackSizeMb: caps.stackSizeMb ?? 4,
        },
        // The worker must not share the caller's stdin or keep its stdout open.
        stdin: false,
      });
    } catch (error) {
      resolve({ ok: false, reason: 'failed', detail: (error as Error).message });
      return;
    }
    const finish = (outcome: CappedOutcome<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no answer within ${caps.timeoutMs} ms` }), caps.timeoutMs);
    worker.on('message', (message: { ok: true; value: T } | { ok: false; detail: string }) => {
      finish(message.ok ? { ok: true, value: message.value } : { ok: false, reason: 'failed', detail: message.detail });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, reason: memory ? 'memory' : 'failed', detail: error.message });
    });
    worker.on('exit', (code) => finish({ ok: false, reason: 'failed', detail: `worker exited with code ${code}` }));
  });
}
