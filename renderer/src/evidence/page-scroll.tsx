/**
 * The scrolling frame of a page column (page-column.ts), as the PDF viewer and the page-image
 * viewer both show it: it takes the keyboard once the file is shown (the viewer's keys), a
 * wheel, a pointer or a key unpins the page jumped to, and it says which page is on screen and
 * how the file is turned (`data-current-page`, `data-rotation`) for the tests and the guide.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { PageColumn } from './page-column.ts';
import type { Rotation } from './pdf-rotation.ts';

export interface PageScrollProps {
  readonly column: PageColumn;
  /** The file is open and shown. */
  readonly ready: boolean;
  readonly rotation: Rotation;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  /** The frame's accessible name (the file, and the page on screen once shown). */
  readonly label: string;
  readonly testId: string;
  readonly children: ReactNode;
}

export function PageScroll({ column, ready, rotation, onKeyDown, label, testId, children }: PageScrollProps) {
  // Taken apart first: the column also holds the frame's ref, which is not read while rendering.
  const { scroller, onScroll, unpin, page } = column;
  return (
    <div
      ref={scroller}
      className={`pdf-scroll${ready ? ' evidence-focus' : ''}`}
      tabIndex={ready ? 0 : -1}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onWheel={unpin}
      onPointerDown={unpin}
      aria-label={label}
      data-testid={testId}
      data-current-page={ready ? page : ''}
      data-rotation={rotation}
    >
      {children}
    </div>
  );
}
