/**
 * The background OCR queue: after an import, and at start for what is missing, every stored
 * file with pages to read is read page by page in the OCR worker (read-ocr.ts), one page at a
 * time, and each page is stored as soon as it is done (ocr-store.ts), so a restart goes on
 * where it stopped and a page done is never read again.
 *
 * - order: first every queued file's pages are counted (quick), so the total is known; then a
 *   file someone opened (`putFirst`) goes before the others, between two pages of the file
 *   being read; then files in the order they came.
 * - looked at: each stored file is looked at once: a file with nothing to read (a Word file)
 *   is recorded with 0 pages, so later wakes do not look at it again. A zip is such a file, but
 *   its scan members (ocr-sources.ts) are queued then, each as a file of its own hash: a scan
 *   already read loose is not read again.
 * - refused: a file whose pages cannot be counted is refused as a whole; a page past a cap
 *   is stored as `refused` with its reason and the next page goes on.
 * - event loop: the work happens in the worker thread; the main thread only writes one short
 *   row per page, so the app stays responsive.
 */
import type { Database } from 'better-sqlite3';
import { OCR_ENGINE } from './ocr-engine.ts';
import { OcrReader } from './read-ocr.ts';
import { ocrSourceOf, scanMembersOf } from './ocr-sources.ts';
import {
  donePages,
  filesNotQueued,
  filesWithPagesLeft,
  ocrFile,
  queueOcrFiles,
  refuseOcrFile,
  saveOcrPage,
  setOcrPageCount,
  storedFilesWithoutPages,
} from './ocr-store.ts';
import type { OcrSource } from './ocr-task.ts';

export interface OcrQueueOptions {
  /** The open store (a getter: restoring a backup replaces it). */
  readonly db: () => Database;
  readonly dataDir: string;
  readonly now: () => Date;
  /** Off in tests that do not OCR, and where no worker should start; the queue still records files. */
  readonly run: boolean;
  readonly reader?: OcrReader;
}

export class OcrQueue {
  private readonly options: OcrQueueOptions;
  private reader: OcrReader | null = null;
  private first: string[] = [];
  private loop: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Files without pages of their own already asked for their scan members in this run. */
  private readonly membersAsked = new Set<string>();

  constructor(options: OcrQueueOptions) {
    this.options = options;
  }

  /** Looks for stored files not yet queued and reads what is left (after an import, at start). */
  wake(): void {
    if (this.stopped) return;
    if (this.loop !== null) {
      this.again = true;
      return;
    }
    this.loop = this.work()
      .catch((error: unknown) => {
        // The store closed while a page was being read (a restore swaps it, a shutdown or a
        // test ends it): the page is read again next time, so this is not an error to report.
        if (this.stopped || !this.storeOpen()) return;
        console.error('[ocr]', error);
      })
      .finally(() => {
        this.loop = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  private storeOpen(): boolean {
    try {
      return this.options.db().open;
    } catch {
      return false;
    }
  }

  /** The file an expert opened goes next (if it has pages left). */
  putFirst(sha256: string): void {
    this.first = [sha256, ...this.first.filter((s) => s !== sha256)];
    this.wake();
  }

  /** Resolves when the queue has nothing left to do (tests, the bench). */
  async idle(): Promise<void> {
    while (this.loop !== null) await this.loop;
  }

  /** Stops now and ends the worker (shutdown); the page being read is not stored. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Ending the worker first ends the page being read, which is read again next time.
    await this.reader?.close();
    await this.loop;
    this.reader = null;
  }

  private async work(): Promise<void> {
    const { db, now, dataDir } = this.options;
    this.again = false;
    // Files nobody has looked at: queue those with something to read, record the others as 0 pages.
    for (const sha256 of filesNotQueued(db())) {
      // The store may be closed under us (shutdown, a test ending): stop quietly.
      if (this.stopped || !db().open) return;
      queueOcrFiles(db(), [sha256], now());
      if ((await ocrSourceOf(dataDir, sha256)) !== null) continue;
      // The members go in before the zip is marked looked at: the progress finds them by it.
      const members = await scanMembersOf(dataDir, sha256);
      if (this.stopped || !db().open) return;
      if (members.length > 0) queueOcrFiles(db(), members, now());
      setOcrPageCount(db(), sha256, 0);
      this.membersAsked.add(sha256);
    }
    // A zip looked at before its scans were read (by an earlier version of the app): its scan
    // members are listed once per run (listing a zip already listed is a read of its list).
    for (const sha256 of storedFilesWithoutPages(db())) {
      if (this.stopped || !db().open) return;
      if (this.membersAsked.has(sha256)) continue;
      this.membersAsked.add(sha256);
      const members = await scanMembersOf(dataDir, sha256);
      if (members.length > 0 && db().open) queueOcrFiles(db(), members, now());
    }
    if (!this.options.run) return;
    // Count every file's pages first (quick), so the packages screen shows the whole total.
    for (const sha256 of filesWithPagesLeft(db())) {
      if (this.stopped) return;
      if ((ocrFile(db(), sha256)?.pages ?? null) !== null) continue;
      const source = await ocrSourceOf(dataDir, sha256);
      if (source === null) setOcrPageCount(db(), sha256, 0);
      else await this.countPages(sha256, source);
    }
    for (;;) {
      if (this.stopped) return;
      const left = filesWithPagesLeft(db());
      if (left.length === 0) return;
      const leftSet = new Set(left);
      this.first = this.first.filter((s) => leftSet.has(s));
      const sha256 = this.first[0] ?? left[0]!;
      await this.readFile(sha256);
    }
  }

  /** Reads the file's pages left, stopping early when another file is put first. */
  private async readFile(sha256: string): Promise<void> {
    const { db, dataDir } = this.options;
    const source = await ocrSourceOf(dataDir, sha256);
    if (source === null) {
      setOcrPageCount(db(), sha256, 0);
      return;
    }
    const pages = ocrFile(db(), sha256)?.pages ?? (await this.countPages(sha256, source));
    if (pages === null) return;
    this.reader ??= this.options.reader ?? new OcrReader();
    const done = donePages(db(), sha256);
    for (let page = 1; page <= pages; page += 1) {
      if (this.stopped) return;
      const firstNow = this.first[0];
      if (firstNow !== undefined && firstNow !== sha256) return;
      if (done.has(page)) continue;
      await this.readPage(sha256, source, page);
    }
    this.first = this.first.filter((s) => s !== sha256);
  }

  /** Counts the file's pages and stores the count; null when the file is refused. */
  private async countPages(sha256: string, source: OcrSource): Promise<number | null> {
    this.reader ??= this.options.reader ?? new OcrReader();
    const counted = await this.reader.pages(source);
    if (this.stopped) return null;
    const db = this.options.db();
    if (!counted.ok) {
      refuseOcrFile(db, sha256, counted.refusal.code);
      return null;
    }
    setOcrPageCount(db, sha256, counted.value);
    return counted.value;
  }

  private async readPage(sha256: string, source: OcrSource, page: number): Promise<void> {
    const reader = this.reader;
    if (reader === null) return;
    const read = await reader.page(source, page);
    if (this.stopped) return; // ended by shutdown, not refused: read again next time
    const db = this.options.db();
    if (!read.ok) {
      console.warn(`[ocr] ${sha256} page ${page}: ${read.refusal.code} ${read.refusal.detail ?? ''}`);
      saveOcrPage(db, sha256, { page, source: 'refused', text: '', lines: [], engine: OCR_ENGINE, refusal: read.refusal.code });
      return;
    }
    const { lines, engine } = read.value;
    saveOcrPage(db, sha256, { page, source: read.value.source, text: lines.map((l) => l.text).join('\n'), lines, engine, refusal: null });
  }
}
