/**
 * The OFD previewer: an OFD file's pages as SVG images (ofd-pages.ts, in a capped worker),
 * stored as renditions of the file's hash (`ofd-pages-v1/page-N.svg`, with `preview.json` for
 * the page sizes and notices and `text.json` for each page's text), so each file is drawn once.
 * The viewer gets a pages preview naming those images, numbered for `#page=N`.
 */
import type { PagesPreview } from '../../../shared/api/evidence-preview-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { converterFolderName, rendition, type Converter } from '../renditions.ts';
import { readOfdPreview } from './read-ofd-preview.ts';

export const ofdConverter: Converter = { name: 'ofd-pages', version: 1 };

interface StoredPreview {
  readonly pages: readonly { readonly name: string; readonly widthMm: number; readonly heightMm: number }[];
  readonly pageCount: number;
  readonly notices: readonly string[];
}

/** CSS pixels per millimetre (96 per inch). */
const PX_PER_MM = 96 / 25.4;

export async function ofdPreview(input: { readonly bytes: Uint8Array; readonly sha256: string; readonly dataDir: string }): Promise<PagesPreview> {
  const made = await rendition(input.dataDir, input.sha256, ofdConverter, async () => {
    const reading = await readOfdPreview(input.bytes);
    if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
    const files = new Map<string, string>();
    for (const page of reading.pages) files.set(`page-${page.page}.svg`, page.svg);
    const stored: StoredPreview = {
      pages: reading.pages.map((p) => ({ name: `page-${p.page}.svg`, widthMm: p.widthMm, heightMm: p.heightMm })),
      pageCount: reading.pageCount,
      notices: reading.notices,
    };
    files.set('preview.json', JSON.stringify(stored));
    files.set('text.json', JSON.stringify(reading.pages.map(({ page, text }) => ({ page, text }))));
    return files;
  });
  const stored = JSON.parse((await made.read('preview.json')).toString('utf8')) as StoredPreview;
  const converter = converterFolderName(ofdConverter);
  return {
    kind: 'pages',
    paged: true,
    pages: stored.pages.map((p) => ({
      image: { sha256: input.sha256, converter, name: p.name },
      width: Math.round(p.widthMm * PX_PER_MM),
      height: Math.round(p.heightMm * PX_PER_MM),
    })),
    notice: stored.notices.length === 0 ? null : stored.notices.join(''),
  };
}
