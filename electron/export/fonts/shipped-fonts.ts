/**
 * Shipped fonts: the typefaces result PDFs are set in. They ship with the app (SIL Open Font
 * License 1.1) and are embedded, subsetted, in every PDF, so a PDF reads the same on any machine.
 *
 * Both fonts are cut from Noto Sans CJK SC 2.004 (the pan-CJK OpenType/CFF build, regular and
 * bold) by `resources/fonts/make-fonts.py` and committed in `resources/fonts/` with their
 * licence and checksums (see its README.md). Together they have the characters of the two fonts
 * the PDFs were set in before: Noto Sans SC 2.004 and Source Han Sans SC 2.001.
 *
 * - main font: Noto Sans CJK SC Main, the characters of Noto Sans SC: GB 2312, GB 18030's
 *   two-byte part but ≒, CJK Extension A (䶮).
 * - fallback font: Noto Sans CJK SC Fallback, the rest: about 2 100 characters of CJK
 *   Extension B and later (𠮷 U+20BB7), compatibility ideographs, Hangul, ≒. Kept apart so
 *   that the main font, used on every page, stays the smaller file to parse and to subset.
 * - face: one weight of one font, registered with pdfkit under `name`, with its fontkit font
 *   to ask which characters it has.
 *
 * Where the files are: `fontsDir` when given (the desktop app passes its resources folder's
 * `fonts/`, which electron-builder copies from the checkout's `resources/fonts/`); else, in a
 * packaged app (Electron's `process.resourcesPath`), its `resources/fonts/`; else the
 * checkout's `resources/fonts/` (the CLI, the tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Font } from 'fontkit';
import * as fontkit from 'fontkit';

export type FontWeight = 'regular' | 'bold';

export interface FontFace {
  /** The name pdfkit knows the face by (`main-regular`). */
  readonly name: string;
  readonly path: string;
  readonly font: Font;
}

/** Emoji sequence → its Chinese name (resources/fonts/emoji-names-zh.json), for font-runs.ts. */
export type EmojiNames = ReadonlyMap<string, string>;

export interface FontSet {
  /** Faces to try in order, per weight: the main font first, then the fallback. */
  readonly regular: readonly FontFace[];
  readonly bold: readonly FontFace[];
  /** The names emoji are printed by, the fonts having none (font-runs.ts). */
  readonly emojiNames: EmojiNames;
}

interface ShippedFile {
  readonly name: string;
  /** The file in `resources/fonts/`. */
  readonly file: string;
}

const MAIN: Readonly<Record<FontWeight, ShippedFile>> = {
  regular: { name: 'main-regular', file: 'NotoSansCJKscMain-Regular.otf' },
  bold: { name: 'main-bold', file: 'NotoSansCJKscMain-Bold.otf' },
};

const FALLBACK: Readonly<Record<FontWeight, ShippedFile>> = {
  regular: { name: 'fallback-regular', file: 'NotoSansCJKscFallback-Regular.otf' },
  bold: { name: 'fallback-bold', file: 'NotoSansCJKscFallback-Bold.otf' },
};

/** Every shipped font file, by its name in `resources/fonts/`. */
export const SHIPPED_FONT_FILES: readonly string[] = [MAIN, FALLBACK].flatMap((font) => [font.regular.file, font.bold.file]);

/** The checkout's `resources/fonts/`, for the sources run as they are (the CLI, the tests). */
export const CHECKOUT_FONTS_DIR = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'fonts');

/** The licences of the shipped fonts, for the docs and the workbook's 说明 sheet. */
export const FONT_LICENCES: readonly string[] = [
  'Noto Sans CJK SC 2.004 © Adobe（子集：Noto Sans CJK SC Main、Fallback），SIL Open Font License 1.1',
];

// Parsing a CJK font reads tens of megabytes; every export of a session shares one parse.
const cache = new Map<string, FontFace>();

function pathOf(shipped: ShippedFile, fontsDir: string | undefined): string {
  if (fontsDir !== undefined) return join(fontsDir, shipped.file);
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources !== undefined) {
    const packaged = join(resources, 'resources', 'fonts', shipped.file);
    if (existsSync(packaged)) return packaged;
  }
  return join(CHECKOUT_FONTS_DIR, shipped.file);
}

function faceOf(shipped: ShippedFile, fontsDir: string | undefined): FontFace {
  const path = pathOf(shipped, fontsDir);
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const parsed = fontkit.create(readFileSync(path));
  if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${path}: a font collection, not one font`);
  const face: FontFace = { name: shipped.name, path, font: parsed };
  cache.set(path, face);
  return face;
}

/** The shipped faces, main font before fallback; throws when a file is missing. */
export function loadShippedFonts(fontsDir?: string): FontSet {
  return {
    regular: [faceOf(MAIN.regular, fontsDir), faceOf(FALLBACK.regular, fontsDir)],
    bold: [faceOf(MAIN.bold, fontsDir), faceOf(FALLBACK.bold, fontsDir)],
    emojiNames: emojiNamesOf(fontsDir),
  };
}

export const EMOJI_NAMES_FILE = 'emoji-names-zh.json';
const EMOJI_NAMES: ShippedFile = { name: 'emoji-names', file: EMOJI_NAMES_FILE };
const emojiCache = new Map<string, EmojiNames>();

/** The Chinese names of emoji (CLDR), made by resources/fonts/make-emoji-names.py. */
function emojiNamesOf(fontsDir: string | undefined): EmojiNames {
  const path = pathOf(EMOJI_NAMES, fontsDir);
  let names = emojiCache.get(path);
  if (names === undefined) {
    names = new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>));
    emojiCache.set(path, names);
  }
  return names;
}
