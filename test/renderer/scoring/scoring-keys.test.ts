import { describe, expect, it } from 'vitest';
import { scoringKeyOf, scoringKeys, type KeyEventLike } from '../../../renderer/src/scoring/scoring-keys.ts';
import { parseTenths } from '../../../renderer/src/scoring/judged-value.ts';

function press(key: string, mods: Partial<Omit<KeyEventLike, 'key'>> = {}): KeyEventLike {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('the scoring keys table', () => {
  // Every press the sheet lists reaches its own line, and no other: what is listed is what works.
  const listed = scoringKeys.flatMap((line) => line.presses.map((p) => [line.action, line.keys, p] as const));
  it.each(listed)('%s (%s) is found from its press', (action, _keys, p) => {
    const letter = /^[a-z]$/.test(p.key);
    const event = press(letter && p.shift ? p.key.toUpperCase() : p.key, { ctrlKey: p.ctrl ?? false, shiftKey: p.shift ?? false });
    expect(scoringKeyOf(event)?.action).toBe(action);
  });

  it('lists each action once, and each shown key names its presses', () => {
    expect(new Set(scoringKeys.map((k) => k.action)).size).toBe(scoringKeys.length);
    for (const line of scoringKeys) expect(line.presses.length).toBeGreaterThan(0);
  });

  it.each([
    ['A with Caps Lock is 认定, not 本指标全部认定', press('A'), 'accept'],
    ['Shift+A is 本指标全部认定', press('A', { shiftKey: true }), 'acceptIndicator'],
    ['Cmd+Z on a Mac is undo', press('z', { metaKey: true }), 'undo'],
    ['Ctrl+Shift+Z is redo', press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['Ctrl+Y is redo', press('y', { ctrlKey: true }), 'redo'],
    ['? typed with Shift is the sheet', press('?', { shiftKey: true }), 'sheet'],
  ] as const)('%s', (_label, event, action) => {
    expect(scoringKeyOf(event)?.action).toBe(action);
  });

  it.each([
    ['Ctrl+A (select all) is not 认定', press('a', { ctrlKey: true })],
    ['Alt+A is nothing', press('a', { altKey: true })],
    ['Ctrl+J is nothing', press('j', { ctrlKey: true })],
    ['a digit is nothing on the list', press('1')],
  ] as const)('%s', (_label, event) => {
    expect(scoringKeyOf(event)).toBeNull();
  });
});

describe('a judged value typed with a Chinese IME', () => {
  it.each([
    ['2.5', 25],
    ['２．５', 25],
    ['２。５', 25],
    ['2。5', 25],
    ['３', 30],
    ['０．１', 1],
    [' 1,5 ', 15],
    ['2.55', null],
    ['２．５５', null],
    ['abc', null],
    ['', null],
  ] as const)('%j is %s tenths', (typed, tenths) => {
    expect(parseTenths(typed)).toBe(tenths);
  });
});
