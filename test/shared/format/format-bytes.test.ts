import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../shared/format/format-bytes.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1018, '1018 B'],
    [1024, '1.0 KiB'],
    [1536 * 1024, '1.5 MiB'],
    [200 * 1024 ** 2, '200 MiB'],
    [4 * 1024 ** 3, '4.0 GiB'],
    [2048 * 1024 ** 4, '2048 TiB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
