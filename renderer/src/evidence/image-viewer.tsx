/**
 * Image viewer: a photo or screenshot of evidence, fitted to the pane, with zoom (+, −, 0 to
 * fit) and rotation (R) by a quarter turn, for photos taken sideways.
 *
 * A picture the browser cannot decode at all (empty, damaged, not really an image) is said in
 * Chinese, naming the file and what to do, never left as a broken-image icon. One cut short
 * still decodes (the browser draws what it has, greys the rest, and reports no error), so what
 * the package reader found at import (`damaged`) is said above it.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EvidenceProblemCode } from '../../../shared/evidence/evidence-inspection.ts';

export interface ImageViewerProps {
  readonly url: string;
  /** The file's path in the package, named in messages. */
  readonly name: string;
  /** What the inspection found wrong with the file, when it was kept; null otherwise. */
  readonly problem?: EvidenceProblemCode | null | undefined;
  /** The file is empty (0 bytes). */
  readonly empty?: boolean | undefined;
  /** The desktop shell, where the system's program can be tried. */
  readonly desktop?: boolean | undefined;
  /** The 用系统程序打开… button (desktop), or a sentence why there is none. */
  readonly systemViewer?: ReactNode;
}

/** What the expert is told when the picture cannot be shown: what happened, and what to do. */
export function imageMessage(name: string, empty: boolean, desktop: boolean): { what: string; todo: string } {
  const system = desktop ? '也可点下面的“用系统程序打开…”，用本机的程序试试。' : '在桌面版中也可用本机程序打开试试。';
  return empty
    ? { what: `无法显示图片“${name}”：这个文件是空的（0 字节），没有任何内容。`, todo: '联盟交来的文件可能在打包时出了错。请告诉会务人员，由其向联盟索取这份材料。' }
    : {
        what: `无法显示图片“${name}”：文件已损坏或不完整（可能在复制或打包时被截断），本程序读不出其中的图像。`,
        todo: `请告诉会务人员，由其向联盟索取完好的文件。${system}`,
      };
}

export function ImageViewer({ url, name, problem = null, empty = false, desktop = false, systemViewer = null }: ImageViewerProps) {
  // The URL that failed to decode: another file in the same viewer is tried afresh.
  const [failed, setFailed] = useState<string | null>(null);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [turns, setTurns] = useState(0);
  const factor = zoom === 'fit' ? 1 : zoom;
  const step = (direction: 1 | -1) => setZoom(Math.min(8, Math.max(0.25, Math.round(factor * (direction > 0 ? 1.25 : 0.8) * 100) / 100)));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-') step(-1);
    else if (event.key === '0') setZoom('fit');
    else if (event.key === 'r' || event.key === 'R') setTurns((t) => (t + 1) % 4);
    else return;
    event.preventDefault();
  };

  if (failed === url) {
    const message = imageMessage(name, empty, desktop);
    return (
      <div className="evidence-error pdf-problem evidence-focus" tabIndex={0} role="alert" data-testid="image-problem" data-problem={empty ? 'empty' : 'unreadable'}>
        <p className="pdf-problem-what">{message.what}</p>
        <p>{message.todo}</p>
        {!empty && desktop && systemViewer}
      </div>
    );
  }

  return (
    <div className="image-viewer">
      {problem === 'damaged' && (
        <p className="notice small" role="note" data-testid="image-damaged">
          图片“{name}”不完整或已损坏（可能在复制或打包时被截断），下面只显示了能读出的部分。请告诉会务人员，由其向联盟索取完好的文件。
        </p>
      )}
      <div className="viewer-toolbar" role="toolbar" aria-label="图片工具栏">
        <button type="button" className="secondary small" onClick={() => step(-1)} aria-label="缩小">
          −
        </button>
        <button type="button" className="secondary small zoom-label" onClick={() => setZoom('fit')}>
          {zoom === 'fit' ? '适合窗口' : `${Math.round(factor * 100)}%`}
        </button>
        <button type="button" className="secondary small" onClick={() => step(1)} aria-label="放大">
          +
        </button>
        <button type="button" className="secondary small" onClick={() => setTurns((t) => (t + 1) % 4)}>
          旋转 90°
        </button>
      </div>
      <div className={`image-scroll evidence-focus${zoom === 'fit' ? ' fit' : ''}`} tabIndex={0} onKeyDown={onKeyDown} aria-label={`图片 ${name}`}>
        <img
          src={url}
          alt={name}
          className={`turn-${turns}`}
          style={zoom === 'fit' ? undefined : { width: `${factor * 100}%` }}
          data-testid="evidence-image"
          onError={() => setFailed(url)}
        />
      </div>
    </div>
  );
}
