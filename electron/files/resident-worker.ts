/**
 * Resident capped worker: like capped-worker.ts, one function of a task module in a worker
 * thread under a heap cap and a time limit, but the thread stays for the next call. For work
 * done file after file (inspecting every PDF of a package with pdf.js), where starting a thread
 * and loading the library again for each file would cost more than the work.
 *
 * Calls run one at a time, in order. A call that hits the heap cap or its time limit ends the
 * thread and gets its reason (`memory`, `timeout`); the next call starts a new thread. The
 * thread does not keep the process alive (unref), so a command can end while it idles.
 */
import { Worker } from 'node:worker_threads';
import { taskModule, type CappedOutcome, type CappedTask, type WorkerCaps } from './capped-worker.ts';

interface Pending {
  readonly id: number;
  /** The thread the call runs on: a thread ended earlier may still report its exit. */
  readonly worker: Worker;
  readonly resolve: (outcome: CappedOutcome<unknown>) => void;
  readonly timer: NodeJS.Timeout;
}

export class ResidentWorker<I, O> {
  private worker: Worker | null = null;
  /** A thread being ended: the next one starts only once it is gone (see `runNow`). */
  private ending: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  private readonly task: CappedTask;
  private readonly caps: WorkerCaps;

  constructor(task: CappedTask, caps: WorkerCaps) {
    this.task = task;
    this.caps = caps;
  }

  /** Runs the task on `input`; `transfer` hands buffers over instead of copying them. */
  run(input: I, transfer: readonly ArrayBuffer[] = []): Promise<CappedOutcome<O>> {
    const result = this.queue.then(() => this.runNow(input, transfer));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the thread (a later call starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await (this.ending = worker.terminate());
  }

  private async runNow(input: I, transfer: readonly ArrayBuffer[]): Promise<CappedOutcome<O>> {
    // Some native modules (onnxruntime-node) cannot be loaded by a second thread while the
    // thread that loaded them is still alive: a new thread waits until the ended one is gone.
    await this.ending;
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = this.started();
      } catch (error) {
        resolve({ ok: false, reason: 'failed', detail: (error as Error).message });
        return;
      }
      const id = this.nextId++;
      const timer = setTimeout(() => this.end({ ok: false, reason: 'timeout', detail: `no answer within ${this.caps.timeoutMs} ms` }), this.caps.timeoutMs);
      this.pending = { id, worker, resolve: resolve as (outcome: CappedOutcome<unknown>) => void, timer };
      worker.ref();
      worker.postMessage({ id, input }, [...transfer]);
    });
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(taskModule(import.meta.url, 'resident-worker-entry'), {
      workerData: { module: this.task.module.href, exportName: this.task.exportName },
      resourceLimits: {
        maxOldGenerationSizeMb: this.caps.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: this.caps.maxYoungGenerationSizeMb ?? 32,
        stackSizeMb: this.caps.stackSizeMb ?? 4,
      },
      stdin: false,
    });
    worker.unref();
    worker.on('message', (message: { id: number; ok: true; value: O } | { id: number; ok: false; detail: string }) => {
      const pending = this.pending;
      if (pending === null || pending.worker !== worker || pending.id !== message.id) return;
      this.settle(message.ok ? { ok: true, value: message.value } : { ok: false, reason: 'failed', detail: message.detail });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker === worker) this.worker = null;
      if (this.pending?.worker !== worker) return;
      this.settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'failed', detail: error.message });
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (this.pending?.worker !== worker) return;
      this.settle({ ok: false, reason: 'failed', detail: `worker exited with code ${code}` });
    });
    this.worker = worker;
    return worker;
  }

  private settle(outcome: CappedOutcome<unknown>): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    clearTimeout(pending.timer);
    this.worker?.unref();
    pending.resolve(outcome);
  }

  /** A call that ran out of time: end the thread, so what it was doing stops. */
  private end(outcome: CappedOutcome<unknown>): void {
    const worker = this.worker;
    this.worker = null;
    this.settle(outcome);
    if (worker !== null) this.ending = worker.terminate().catch(() => undefined);
  }
}
