import { describe, expect, it } from 'vitest';
import {
  apiPath,
  browserEvidenceUrl,
  channelOfApiPath,
  desktopEvidenceUrl,
  hashOfEvidencePath,
} from '../../../shared/api/transport.ts';

const hash = 'ab'.repeat(32);

describe('the shells’ transport names', () => {
  it('round-trips a channel through its API path', () => {
    expect(apiPath('meeting-create')).toBe('/api/meeting-create');
    expect(channelOfApiPath(apiPath('meeting-create'))).toBe('meeting-create');
  });

  it('reads no channel from a path that is not an API path or has a malformed escape', () => {
    expect(channelOfApiPath('/upload')).toBeNull();
    expect(channelOfApiPath('/api/%E0%A4%A')).toBeNull();
  });

  it('names evidence in each shell, and the server reads the hash back', () => {
    expect(desktopEvidenceUrl(hash)).toBe(`evidence://store/${hash}`);
    const url = new URL(browserEvidenceUrl(hash, 'a b&c'), 'http://127.0.0.1:1');
    expect(hashOfEvidencePath(url.pathname)).toBe(hash);
    expect(url.searchParams.get('t')).toBe('a b&c');
    expect(hashOfEvidencePath('/assets/app.js')).toBeNull();
  });
});
