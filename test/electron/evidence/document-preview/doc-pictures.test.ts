/**
 * Pictures of a Word binary document found as Office Art BLIP records: the certificate
 * LibreOffice stored in its .doc, byte for byte; and the same file with one byte of the
 * picture's own signature changed, where the record no longer counts as a picture.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPictures } from '../../../../electron/evidence/document-preview/doc-pictures.ts';

const dir = resolve(import.meta.dirname, '../../../fixtures/evidence/documents');
const certificate = readFileSync(resolve(dir, 'certificate.png'));

describe('docPictures', () => {
  it('finds the PNG certificate of a .doc LibreOffice wrote, once, as the very bytes', () => {
    const pictures = docPictures(new Uint8Array(readFileSync(resolve(dir, '红头文件.doc'))));
    expect(pictures).toHaveLength(1);
    expect(pictures[0]?.format).toBe('PNG');
    expect(Buffer.from(pictures[0]?.bytes ?? new Uint8Array()).equals(certificate)).toBe(true);
  });

  it('takes no record for a picture whose payload does not begin as its format does', () => {
    const bytes = new Uint8Array(readFileSync(resolve(dir, '红头文件.doc')));
    const at = Buffer.from(bytes).indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 0x51; // "\x89QNG": the BLIP header still says PNG
    expect(docPictures(bytes)).toEqual([]);
  });

  it('finds nothing in bytes that are no compound file', () => {
    expect(docPictures(new Uint8Array(certificate))).toEqual([]);
  });
});
