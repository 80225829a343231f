/**
 * Test helper: every entry of a real zip file, read back with yauzl (the reader the app uses),
 * by name. `readZipWith` keeps what a test needs of each entry besides its bytes.
 */
import { open as openZip, type Entry } from 'yauzl';

export function readZipWith<T>(path: string, keep: (entry: Entry, bytes: Buffer) => T): Promise<Map<string, T>> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true, strictFileNames: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, T>();
      zip.on('error', reject);
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, keep(entry, Buffer.concat(chunks)));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

/** Every entry's bytes, by name. */
export function readZip(path: string): Promise<Map<string, Buffer>> {
  return readZipWith(path, (_entry, bytes) => bytes);
}
