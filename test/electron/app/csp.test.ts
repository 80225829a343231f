import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerOnlyDirectives } from '../../../electron/app/csp.ts';

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/).join(' '))
    .filter((d) => d !== '');

function metaPolicy(): string {
  const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!match?.[1]) throw new Error('renderer/index.html has no CSP meta tag');
  return match[1];
}

describe('the renderer’s Content-Security-Policy', () => {
  it('is the same in renderer/index.html as in the header, except what a meta tag cannot carry', () => {
    const header = directives(contentSecurityPolicy('evidence:')).filter((d) => !headerOnlyDirectives.includes(d.split(' ')[0]!));
    expect(directives(metaPolicy())).toEqual(header);
  });

  it('forbids framing the app in the header', () => {
    expect(directives(contentSecurityPolicy('evidence:'))).toContain("frame-ancestors 'none'");
  });

  it('names no evidence origin in the browser shell, and leaves no empty source', () => {
    const policy = contentSecurityPolicy('');
    expect(directives(policy)).toContain("connect-src 'self'");
    expect(directives(policy)).toContain("img-src 'self' data: blob:");
    expect(policy).not.toMatch(/ ;| $/);
  });

  it('allows no eval, no inline script and nothing remote', () => {
    const policy = contentSecurityPolicy('evidence:');
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
