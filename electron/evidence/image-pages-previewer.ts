/**
 * The pages preview of a TIFF (every page) or a HEIC photo (one page): read-image-pages.ts
 * makes the page images once per content hash (renditions.ts), and the viewer is sent their
 * evidence URLs and sizes, never a path. A file refused for what it is (damaged, too many
 * pixels) is remembered as refused, so it is not decoded again on every opening; a conversion
 * cut short by time or memory is not, so it is tried again next time.
 */
import type { PagesPreview } from '../../shared/api/evidence-preview-types.ts';
import { AppError } from '../errors/app-error.ts';
import type { ImagePagesType } from './image-pages-limits.ts';
import { readImagePages } from './read-image-pages.ts';
import { converterFolderName, rendition, type Converter } from './renditions.ts';

/** Raise the version whenever the pages made change (size, format, orientation). */
export const imagePagesConverter: Converter = { name: 'image-pages', version: 1 };

const INDEX = 'pages.json';
const REFUSAL = 'refusal.json';

interface PagesIndex {
  readonly pageCount: number;
  readonly pages: readonly { readonly name: string; readonly width: number; readonly height: number }[];
}

/** What the previewer needs of previewers.ts' PreviewInput (named here, not imported: previewers.ts imports this file). */
interface PagesInput {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly fileName: string;
  readonly dataDir: string;
}

export function imagePagesPreviewer(type: ImagePagesType): (input: PagesInput) => Promise<PagesPreview> {
  return async ({ bytes, sha256, fileName, dataDir }) => {
    const made = await rendition(dataDir, sha256, imagePagesConverter, async () => {
      const reading = await readImagePages(bytes, type);
      if (!reading.ok) {
        if (reading.lasting) return new Map([[REFUSAL, JSON.stringify({ message: reading.message })]]);
        throw new AppError('preview-refused', `${fileName}：${reading.message}`);
      }
      const files = new Map<string, Uint8Array | string>();
      const index: PagesIndex = {
        pageCount: reading.pageCount,
        pages: reading.pages.map((page, i) => {
          const name = `page-${i + 1}.${page.format}`;
          files.set(name, page.image);
          return { name, width: page.width, height: page.height };
        }),
      };
      files.set(INDEX, JSON.stringify(index));
      return files;
    });
    if (made.has(REFUSAL)) {
      const { message } = JSON.parse((await made.read(REFUSAL)).toString('utf8')) as { message: string };
      throw new AppError('preview-refused', `${fileName}：${message}`);
    }
    const index = JSON.parse((await made.read(INDEX)).toString('utf8')) as PagesIndex;
    const converter = converterFolderName(imagePagesConverter);
    return {
      kind: 'pages',
      pages: index.pages.map((page) => ({ image: { sha256, converter, name: page.name }, width: page.width, height: page.height })),
      paged: type === 'tiff',
      notice:
        index.pageCount > index.pages.length
          ? `此文件共 ${index.pageCount} 页，这里显示前 ${index.pages.length} 页；其余各页请用系统程序打开。`
          : null,
    };
  };
}
