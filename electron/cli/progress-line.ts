/**
 * Progress line: one line on a terminal that says what a long command is doing now (OCR reads
 * a page in seconds), rewritten in place and cleared when the command is done. Only for a
 * person watching: stdout is the command's output (`--json` owns it) and a script's stderr
 * holds problems, so the command line shows it only when stderr is a terminal (main.ts).
 *
 * The line is cut to the terminal's width (CJK characters count two columns): a line that
 * wrapped could not be rewritten by a carriage return.
 */
import { oneLine } from './terminal-text.ts';
import { truncate } from './text-table.ts';

export interface Terminal {
  write(text: string): unknown;
  /** Columns, when the terminal says. */
  readonly columns?: number | undefined;
}

/** Shows `text` in place of the line shown before; null clears it. */
export type ProgressLine = (text: string | null) => void;

const ERASE_LINE = '\r\u001b[K';

export function progressLine(terminal: Terminal): ProgressLine {
  let shown = false;
  return (text) => {
    if (text === null) {
      if (shown) terminal.write(ERASE_LINE);
      shown = false;
      return;
    }
    // A terminal without a size (0 columns: `script`, some CI consoles) is taken as 80 wide;
    // one column short of the edge, since a terminal that wraps at the last column would scroll.
    const columns = terminal.columns !== undefined && terminal.columns > 0 ? terminal.columns : 80;
    terminal.write(`${ERASE_LINE}${truncate(oneLine(text), Math.max(10, columns - 1))}`);
    shown = true;
  };
}
