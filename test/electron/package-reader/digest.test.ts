import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareUtf8Paths, digestText, packageDigest } from '../../../electron/package-reader/digest.ts';

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('package digest', () => {
  it('matches a vector computed with coreutils (printf | sha256sum), independent of this code', () => {
    const files = [
      { path: '证明/b.pdf', sha256: sha('y') },
      { path: 'manifest.json', sha256: sha('{}') },
      { path: 'a.txt', sha256: sha('x') },
    ];
    expect(packageDigest(files)).toBe('16a7fe039b48920ab9c093a067e4270fcfd7684ca6d6c563dbe5f0647eb4281c');
  });

  it('writes one line a file: hash, two spaces, path, newline', () => {
    expect(digestText([{ path: 'a.txt', sha256: 'ab' }])).toBe('ab  a.txt\n');
  });

  it('sorts by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FF5E (EF BD 9E) comes before U+1F600 (F0 9F 98 80) in UTF-8, but after it in UTF-16
    // (FF5E > D83D), so a sort by JS string comparison would get this wrong.
    const fullWidth = '\uff5e.pdf';
    const emoji = '\u{1f600}.pdf';
    expect(emoji < fullWidth).toBe(true);
    expect(compareUtf8Paths(fullWidth, emoji)).toBeLessThan(0);
    expect(digestText([{ path: emoji, sha256: '2' }, { path: fullWidth, sha256: '1' }])).toBe(`1  ${fullWidth}\n2  ${emoji}\n`);
  });

  it('does not depend on the order files are given in', () => {
    const files = [
      { path: 'b', sha256: sha('1') },
      { path: 'a', sha256: sha('2') },
    ];
    expect(packageDigest(files)).toBe(packageDigest([...files].reverse()));
  });
});
