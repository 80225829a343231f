import { describe, expect, it } from 'vitest';
import { turn, turnedBox, turnedSize } from '../../../renderer/src/evidence/pdf-rotation.ts';

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

describe('a search hit on a turned page', () => {
  // A box near the top left corner of the unturned page (10–30 % across, 5–10 % down).
  const box = [0.1, 0.05, 0.3, 0.1] as const;
  it.each([
    [0, [0.1, 0.05, 0.3, 0.1]],
    // A quarter turn clockwise: the top edge becomes the right edge.
    [90, [0.9, 0.1, 0.95, 0.3]],
    [180, [0.7, 0.9, 0.9, 0.95]],
    [270, [0.05, 0.7, 0.1, 0.9]],
  ] as const)('at %i° is at %j', (rotation, expected) => {
    const turned = turnedBox(box, rotation);
    turned.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!));
  });
  it('comes back where it was after four quarter turns', () => {
    let b: readonly [number, number, number, number] = box;
    for (let i = 0; i < 4; i += 1) b = turnedBox(b, 90);
    b.forEach((v, i) => expect(v).toBeCloseTo(box[i]!));
  });
});
