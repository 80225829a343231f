/**
 * PDF canvas: where result documents are laid out, over one pdfkit document.
 *
 * - page: A4, portrait or landscape, with our own margins. pdfkit's own margins are zero so
 *   pdfkit never breaks a page by itself: every page break is ours (`ensureRoom`), and tables
 *   can repeat their header.
 * - cursor: `y`, the top of the next thing drawn on the current page, in points from the top.
 * - style: font size, weight and colour of a piece of text.
 * - line: one line of wrapped text, as font runs (font-runs.ts) with its width.
 * - drawn characters: every character set on any page, per face, so tests (and the export
 *   report) can prove that each one exists in the face that set it; missing characters are
 *   those no shipped face has.
 *
 * Line breaking is for Chinese: a break may fall between any two Han characters, but not
 * inside a Latin word or number, not before closing punctuation (，。）) and not after
 * opening punctuation (（《), the usual 禁则 of Chinese typesetting.
 */
import type { FontSet, FontWeight } from '../fonts/shipped-fonts.ts';
import type { FontFace } from '../fonts/shipped-fonts.ts';
import type { TextRun } from '../fonts/font-runs.ts';
import { splitRuns } from '../fonts/font-runs.ts';

export type PageLayout = 'portrait' | 'landscape';
export type Align = 'left' | 'right' | 'center';

export interface TextStyle {
  readonly size: number;
  readonly weight?: FontWeight | undefined;
  readonly color?: string | undefined;
}

export interface Line {
  readonly runs: readonly TextRun[];
  readonly width: number;
}

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export const DEFAULT_MARGINS: Margins = { top: 56, right: 42, bottom: 56, left: 42 };

/** Line height as a multiple of the font size: room for Han characters and a little air. */
const LINE_HEIGHT = 1.4;

const NO_BREAK_BEFORE = new Set([...'，。、；：？！）》」』】〉〕”’…—%,.;:!?)]}·/']);
const NO_BREAK_AFTER = new Set([...'（《「『【〈〔“‘([{']);
const WORD = /[A-Za-z0-9\-+_.@#'&=~^°]/;

export class PdfCanvas {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: FontSet;
  readonly margins: Margins;
  /** Face name → the characters set in it. */
  readonly drawn = new Map<string, Set<string>>();
  /** Characters no shipped face has (shown as 〓). */
  readonly missing = new Set<string>();
  y = 0;
  /** Called on every new page, after the cursor is at the top: running heads. */
  onPage: ((canvas: PdfCanvas) => void) | null = null;
  private layout: PageLayout = 'portrait';
  private readonly widths = new Map<string, number>();

  constructor(doc: PDFKit.PDFDocument, fonts: FontSet, margins: Margins = DEFAULT_MARGINS) {
    this.doc = doc;
    this.fonts = fonts;
    this.margins = margins;
    for (const face of [...fonts.regular, ...fonts.bold]) doc.registerFont(face.name, face.path);
  }

  get pageWidth(): number {
    return this.layout === 'portrait' ? A4.width : A4.height;
  }

  get pageHeight(): number {
    return this.layout === 'portrait' ? A4.height : A4.width;
  }

  get left(): number {
    return this.margins.left;
  }

  get right(): number {
    return this.pageWidth - this.margins.right;
  }

  get bottom(): number {
    return this.pageHeight - this.margins.bottom;
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  addPage(layout: PageLayout = this.layout): void {
    this.layout = layout;
    this.doc.addPage({ size: 'A4', layout, margin: 0 });
    this.y = this.margins.top;
    this.onPage?.(this);
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureRoom(height: number): void {
    if (this.y + height > this.bottom) this.addPage();
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_HEIGHT;
  }

  facesOf(style: TextStyle): readonly FontFace[] {
    return style.weight === 'bold' ? this.fonts.bold : this.fonts.regular;
  }

  runsOf(text: string, style: TextStyle): TextRun[] {
    return splitRuns(text, this.facesOf(style), this.missing, this.fonts.emojiNames);
  }

  runWidth(run: TextRun, size: number): number {
    const key = `${run.face.name}\u0000${run.text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = run.face.font.layout(run.text).advanceWidth / run.face.font.unitsPerEm;
      this.widths.set(key, width);
    }
    return width * size;
  }

  /** Width of one line of text, unwrapped. */
  measure(text: string, style: TextStyle): number {
    return this.runsOf(text, style).reduce((sum, run) => sum + this.runWidth(run, style.size), 0);
  }

  /** `text` broken into lines no wider than `width`; explicit line breaks are kept. */
  wrap(text: string, style: TextStyle, width: number): Line[] {
    const lines: Line[] = [];
    for (const paragraph of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
      lines.push(...this.wrapParagraph(paragraph, style, width));
    }
    return lines;
  }

  private wrapParagraph(text: string, style: TextStyle, width: number): Line[] {
    const units = breakUnits(text);
    const lines: Line[] = [];
    let current = '';
    let currentWidth = 0;
    const flush = (): void => {
      const trimmed = current.replace(/\s+$/, '');
      lines.push(this.lineOf(trimmed, style));
      current = '';
      currentWidth = 0;
    };
    for (const unit of units) {
      const unitWidth = this.measure(unit, style);
      if (currentWidth + unitWidth <= width || current === '') {
        if (unitWidth > width && current === '') {
          // A unit wider than the line (a digest, a long path): break it anywhere.
          for (const char of unit) {
            const charWidth = this.measure(char, style);
            if (currentWidth + charWidth > width && current !== '') flush();
            current += char;
            currentWidth += charWidth;
          }
          continue;
        }
        current += unit;
        currentWidth += unitWidth;
        continue;
      }
      flush();
      if (/^\s+$/.test(unit)) continue;
      if (unitWidth > width) {
        for (const char of unit) {
          const charWidth = this.measure(char, style);
          if (currentWidth + charWidth > width && current !== '') flush();
          current += char;
          currentWidth += charWidth;
        }
      } else {
        current = unit;
        currentWidth = unitWidth;
      }
    }
    if (current !== '' || lines.length === 0) flush();
    return lines;
  }

  private lineOf(text: string, style: TextStyle): Line {
    const runs = this.runsOf(text, style);
    return { runs, width: runs.reduce((sum, run) => sum + this.runWidth(run, style.size), 0) };
  }

  /** Draws one line with its baseline at `baseline`, aligned within [x, x + width]. */
  drawLine(line: Line, x: number, baseline: number, style: TextStyle, align: Align = 'left', width = 0): void {
    let at = x;
    if (align === 'right') at = x + width - line.width;
    else if (align === 'center') at = x + (width - line.width) / 2;
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of line.runs) {
      this.doc.font(run.face.name).fontSize(style.size);
      this.doc.text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
      let set = this.drawn.get(run.face.name);
      if (set === undefined) this.drawn.set(run.face.name, (set = new Set()));
      for (const char of run.text) set.add(char);
      at += this.runWidth(run, style.size);
    }
  }

  /** Baseline of a line whose box starts at `top`: Han characters sit centred in the box. */
  baselineOf(top: number, style: TextStyle): number {
    return top + style.size * (LINE_HEIGHT / 2 + 0.36);
  }

  /**
   * Wrapped text at the cursor, across pages when it must, then the cursor below it.
   * Returns the height used on the last page.
   */
  paragraph(
    text: string,
    style: TextStyle,
    options: { readonly x?: number; readonly width?: number; readonly align?: Align; readonly after?: number } = {},
  ): void {
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const height = this.lineHeight(style);
    for (const line of this.wrap(text, style, width)) {
      this.ensureRoom(height);
      this.drawLine(line, x, this.baselineOf(this.y, style), style, options.align ?? 'left', width);
      this.y += height;
    }
    this.y += options.after ?? 0;
  }

  /**
   * A line of facts (`评分细则：… 联盟 12 个`) wrapped only between facts, so no fact is cut in
   * two ("联盟 / 12 个"); a fact longer than a whole line is wrapped within itself.
   */
  facts(
    facts: readonly string[],
    style: TextStyle,
    options: { readonly align?: Align; readonly after?: number } = {},
  ): void {
    const separator = '\u3000\u3000';
    const width = this.contentWidth;
    const lines: string[] = [];
    let current = '';
    for (const fact of facts) {
      const candidate = current === '' ? fact : `${current}${separator}${fact}`;
      if (current !== '' && this.measure(candidate, style) > width) {
        lines.push(current);
        current = fact;
      } else {
        current = candidate;
      }
    }
    if (current !== '') lines.push(current);
    lines.forEach((line, i) => this.paragraph(line, style, { align: options.align ?? 'left', after: i === lines.length - 1 ? (options.after ?? 0) : 0 }));
  }

  /** One line of text at a fixed place, not moving the cursor (running heads, labels). */
  label(text: string, x: number, top: number, style: TextStyle, align: Align = 'left', width = 0): void {
    this.drawLine(this.lineOf(text, style), x, this.baselineOf(top, style), style, align, width);
  }

  rule(y: number, color = '#000000', lineWidth = 0.5, from = this.left, to = this.right): void {
    this.doc.save().moveTo(from, y).lineTo(to, y).lineWidth(lineWidth).strokeColor(color).stroke().restore();
  }
}

/**
 * Units between which a line may break: a Han character, a Latin word or number, a space;
 * closing punctuation clings to what precedes it and opening punctuation to what follows.
 */
export function breakUnits(text: string): string[] {
  const atoms: string[] = [];
  for (const char of text) {
    const last = atoms.length - 1;
    const previous = atoms[last];
    if (previous !== undefined && WORD.test(char) && WORD.test(previous.slice(-1)) && !/\s/.test(previous)) {
      atoms[last] = previous + char;
    } else {
      atoms.push(char);
    }
  }
  const units: string[] = [];
  let pendingOpen = '';
  for (const atom of atoms) {
    const last = units.length - 1;
    if (NO_BREAK_BEFORE.has(atom) && last >= 0 && pendingOpen === '') {
      units[last] = (units[last] ?? '') + atom;
    } else if (NO_BREAK_AFTER.has(atom)) {
      pendingOpen += atom;
    } else {
      units.push(pendingOpen + atom);
      pendingOpen = '';
    }
  }
  if (pendingOpen !== '') units.push(pendingOpen);
  return units;
}
