/**
 * Signature pad: the expert draws their handwritten signature with a mouse, pen or touchpad
 * (pointer events). It is kept as a PNG data URL of at most 200 KB (the sheet format's limit,
 * shared/sheet/hand-signature.ts), shown back, and may be drawn again at any time; the next
 * signed sheet carries the latest one.
 */
import { useRef, useState, type PointerEvent } from 'react';

const WIDTH = 480;
const HEIGHT = 160;
/** Twice the CSS size: sharp enough on paper, small as a PNG (a signature is mostly empty). */
const RATIO = 2;

export interface SignaturePadProps {
  readonly onSave: (dataUrl: string) => Promise<boolean>;
  readonly onCancel: () => void;
}

export function SignaturePad({ onSave, onCancel }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * WIDTH * RATIO, y: ((event.clientY - box.top) / box.height) * HEIGHT * RATIO };
  };

  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return null;
    ctx.lineWidth = 2.2 * RATIO;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#102a43';
    return ctx;
  };

  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = point(event);
    const ctx = context();
    if (ctx) {
      // A tap leaves a dot, as a pen would.
      ctx.beginPath();
      ctx.arc(last.current.x, last.current.y, 1.1 * RATIO, 0, Math.PI * 2);
      ctx.fillStyle = '#102a43';
      ctx.fill();
    }
    setDrawn(true);
  };

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (last.current === null) return;
    const ctx = context();
    const next = point(event);
    if (ctx) {
      ctx.beginPath();
      ctx.moveTo(last.current.x, last.current.y);
      ctx.lineTo(next.x, next.y);
      ctx.stroke();
    }
    last.current = next;
  };

  const up = () => {
    last.current = null;
  };

  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
    setDrawn(false);
    setMessage(null);
  };

  const save = async () => {
    const url = canvas.current?.toDataURL('image/png');
    if (!url) return;
    if (url.length > 200 * 1024) {
      setMessage('签名图片超过 200 KB，请清除后签得简单些。');
      return;
    }
    if (!(await onSave(url))) setMessage('保存失败，请重试。');
  };

  return (
    <div className="signature-pad">
      <p className="muted small">请在框内用鼠标、触控板或手写笔签名。签名将打印在结果表上。</p>
      <canvas
        ref={canvas}
        width={WIDTH * RATIO}
        height={HEIGHT * RATIO}
        style={{ width: WIDTH, height: HEIGHT }}
        className="signature-canvas"
        aria-label="手写签名区"
        data-testid="signature-canvas"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      {message && (
        <p className="field-warning" role="alert">
          {message}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={!drawn}>
          保存签名
        </button>
        <button type="button" className="secondary" onClick={clear}>
          清除重签
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
