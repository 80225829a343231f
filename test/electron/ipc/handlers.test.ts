import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/api/channels.ts';
import { contract } from '../../../shared/api/contract.ts';
import { dispatch, handlers } from '../../../electron/ipc/handlers.ts';
import { AppError } from '../../../electron/errors/app-error.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { testContext } from '../../helpers/context.ts';

describe('the handler table', () => {
  it('has exactly one handler per channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
  });
});

describe('dispatch', () => {
  const tempDir = useTempDir();
  afterEach(() => vi.restoreAllMocks());

  it('round-trips a request through a handler to the store and back', async () => {
    const ctx = testContext(tempDir());
    const created = await dispatch(ctx, 'meeting-create', { name: '2026 年度考核评审会', year: 2026 });
    expect(created).toEqual({
      ok: true,
      value: { id: 1, name: '2026 年度考核评审会', year: 2026, createdAt: '2027-01-20T01:30:00.000Z' },
    });
    expect(await dispatch(ctx, 'meeting-list', {})).toEqual({ ok: true, value: [(created as { value: unknown }).value] });
  });

  it.each([
    ['an unknown channel', 'drop-tables', {}, 'unknown-channel'],
    ['a non-string channel', 42, {}, 'unknown-channel'],
    ['a payload that is not an object', 'meeting-list', 'x', 'invalid-request'],
    ['a missing field', 'meeting-create', { name: '会议' }, 'invalid-request'],
    ['a field of the wrong type', 'meeting-create', { name: '会议', year: '2026' }, 'invalid-request'],
    ['an extra field', 'meeting-list', { sql: 'DROP TABLE meeting' }, 'invalid-request'],
    ['a blank name', 'meeting-create', { name: '   ', year: 2026 }, 'invalid-request'],
    ['a name with a line break and ESC', 'meeting-create', { name: '会议\n\u001b[2K', year: 2026 }, 'invalid-request'],
    ['a name with a bidi override', 'meeting-create', { name: '会议\u202e', year: 2026 }, 'invalid-request'],
    ['a name with a lone surrogate', 'meeting-create', { name: '会议\ud800', year: 2026 }, 'invalid-request'],
  ])('refuses %s with a structured error', async (_label, channel, payload, code) => {
    const ctx = testContext(tempDir());
    const result = await dispatch(ctx, channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('explains schema problems in Chinese, naming the field', async () => {
    const result = await dispatch(testContext(tempDir()), 'meeting-create', { name: '会议', year: 1800 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/^年度：.*[\u4e00-\u9fff].*请改正后再试。$/);
  });

  it.each([
    ['a year with a fraction', 2026.5, '年度：应为整数，实际是 2026.5（有小数部分）。请改正后再试。'],
    ['a year below the range', 1800, '年度：数值过小：应不小于 2000，实际是 1800。请改正后再试。'],
    ['a year that is text', '2026', '年度：应为数字，实际是文字 "2026"。请改正后再试。'],
  ])('words %s so a person can tell what is wrong', async (_what, year, message) => {
    const result = await dispatch(testContext(tempDir()), 'meeting-create', { name: '会议', year });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message } });
  });

  it('passes an AppError through as its code and message', async () => {
    const ctx = testContext(tempDir());
    vi.spyOn(handlers, 'meeting-list').mockImplementation(() => {
      throw new AppError('store-busy', '数据正忙，请稍后再试');
    });
    expect(await dispatch(ctx, 'meeting-list', {})).toEqual({ ok: false, error: { code: 'store-busy', message: '数据正忙，请稍后再试' } });
  });

  it('turns any other exception into an internal error without leaking its text', async () => {
    const ctx = testContext(tempDir());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(handlers, 'meeting-list').mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT at /secret/path');
    });
    const result = await dispatch(ctx, 'meeting-list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('/secret/path');
  });
});
