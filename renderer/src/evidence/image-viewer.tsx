/**
 * Image viewer: a photo or screenshot of evidence, fitted to the pane, with zoom (+, −, 0 to
 * fit) and rotation (R) by a quarter turn, for photos taken sideways.
 */
import { useState, type KeyboardEvent } from 'react';

export function ImageViewer({ url, name }: { url: string; name: string }) {
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

  return (
    <div className="image-viewer">
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
        />
      </div>
    </div>
  );
}
