/**
 * Shipped fonts: the typefaces result PDFs are set in. They ship with the app (SIL Open Font
 * License 1.1) and are embedded, subsetted, in every PDF, so a PDF reads the same on any machine.
 *
 * - main font: Noto Sans SC (TrueType, regular and bold), which covers GB 2312, most of
 *   GB 18030 and CJK Extension A (䶮), and subsets well in pdfkit.
 * - fallback font: Source Han Sans SC (OpenType/CFF, regular and bold), the full pan-CJK build
 *   of the same design (Noto Sans CJK and Source Han Sans are one typeface under two names). It
 *   adds about 2 300 characters of CJK Extension B and later (𠮷 U+20BB7) that Noto Sans SC
 *   leaves out, in the same style and the Simplified Chinese forms.
 * - face: one weight of one font, registered with pdfkit under `name`, with its fontkit font
 *   to ask which characters it has.
 *
 * Where the files are: `fontsDir` when given; else, in the packaged desktop app (Electron's
 * `process.resourcesPath`), its `resources/fonts/`, which electron-builder fills from the
 * checkout's `resources/fonts/` with the same four files by their file names; else the npm
 * packages they come from (the checkout, the CLI, the tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import * as fontkit from 'fontkit';

export type FontWeight = 'regular' | 'bold';

export interface FontFace {
  /** The name pdfkit knows the face by (`main-regular`). */
  readonly name: string;
  readonly path: string;
  readonly font: Font;
}

export interface FontSet {
  /** Faces to try in order, per weight: the main font first, then the fallback. */
  readonly regular: readonly FontFace[];
  readonly bold: readonly FontFace[];
}

interface ShippedFile {
  readonly name: string;
  /** The npm package and the file inside it. */
  readonly module: string;
  readonly file: string;
}

const MAIN: Readonly<Record<FontWeight, ShippedFile>> = {
  regular: {
    name: 'main-regular',
    module: '@expo-google-fonts/noto-sans-sc',
    file: '400Regular/NotoSansSC_400Regular.ttf',
  },
  bold: { name: 'main-bold', module: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
};

const FALLBACK: Readonly<Record<FontWeight, ShippedFile>> = {
  regular: { name: 'fallback-regular', module: 'node-source-han-sans-sc', file: 'SourceHanSansSC-Regular.otf' },
  bold: { name: 'fallback-bold', module: 'node-source-han-sans-sc', file: 'SourceHanSansSC-Bold.otf' },
};

/** The licences of the shipped fonts, for the docs and the workbook's 说明 sheet. */
export const FONT_LICENCES: readonly string[] = [
  'Noto Sans SC 2.004 © Google LLC，SIL Open Font License 1.1',
  'Source Han Sans SC 2.001 © Adobe（Source 为 Adobe 的保留字体名），SIL Open Font License 1.1',
];

const require = createRequire(import.meta.url);
// Parsing a CJK font reads tens of megabytes; every export of a session shares one parse.
const cache = new Map<string, FontFace>();

function fileName(shipped: ShippedFile): string {
  return shipped.file.split('/').pop() ?? shipped.file;
}

function pathOf(shipped: ShippedFile, fontsDir: string | undefined): string {
  if (fontsDir !== undefined) return join(fontsDir, fileName(shipped));
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources !== undefined) {
    const packaged = join(resources, 'resources', 'fonts', fileName(shipped));
    if (existsSync(packaged)) return packaged;
  }
  return require.resolve(`${shipped.module}/${shipped.file}`);
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
  };
}
