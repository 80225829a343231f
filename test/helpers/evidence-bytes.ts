/**
 * Test helper: small real evidence files, so a test package's PDFs and photos are what their
 * names say (the package check inspects every file's bytes and warns about one experts cannot
 * see, `file-not-viewable`). Each carries a label, so two files with different labels have
 * different bytes (and hashes), as two real documents would.
 *
 * - minimalPdf: a PDF of `pages` empty A4 pages, with a correct cross-reference table.
 * - minimalJpeg: the 32×24 JPEG of test/fixtures/evidence/photo.jpg with the label in a
 *   comment segment.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const photo = readFileSync(resolve(import.meta.dirname, '../fixtures/evidence/photo.jpg'));

export function minimalPdf(label: string, pages = 1): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
  const parts: Buffer[] = [Buffer.from(`%PDF-1.4\n% ${label}\n`, 'utf8')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

export function minimalJpeg(label: string): Uint8Array {
  const text = Buffer.from(label, 'utf8');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return new Uint8Array(Buffer.concat([photo.subarray(0, 2), segment, text, photo.subarray(2)]));
}

/** Real bytes for a PDF or JPEG path, else text naming the label. */
export function evidenceBytes(path: string, label: string = path): string | Uint8Array {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'pdf') return minimalPdf(label);
  if (ext === 'jpg' || ext === 'jpeg') return minimalJpeg(label);
  return `内容 ${label}`;
}
