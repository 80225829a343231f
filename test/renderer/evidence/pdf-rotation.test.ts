import { describe, expect, it } from 'vitest';
import { turn, turnedSize } from '../../../renderer/src/evidence/pdf-rotation.ts';

describe('turning a PDF', () => {
  it('steps by quarter turns both ways and wraps round', () => {
    expect(turn(0, 1)).toBe(90);
    expect(turn(90, 1)).toBe(180);
    expect(turn(270, 1)).toBe(0);
    expect(turn(0, -1)).toBe(270);
    expect(turn(180, -1)).toBe(90);
  });

  it('swaps width and height at 90° and 270°', () => {
    const a4 = { width: 595, height: 842 };
    expect(turnedSize(a4, 0)).toEqual(a4);
    expect(turnedSize(a4, 90)).toEqual({ width: 842, height: 595 });
    expect(turnedSize(a4, 180)).toEqual(a4);
    expect(turnedSize(a4, 270)).toEqual({ width: 842, height: 595 });
  });
});
