/**
 * Override editor: the expert's own score for a whole indicator, replacing the computed one,
 * within [0, cap] with at most two decimals and always with a written reason (rubric.md
 * decision 11). The reason is printed on the result sheets.
 */
import { useState } from 'react';
import { ReasonEditor } from './reason-editor.tsx';

export interface OverrideEditorProps {
  readonly cap: number | null;
  readonly initialScore: string;
  readonly initialReason: string;
  readonly citation: () => string | null;
  readonly onSave: (score: number, reason: string) => void;
  readonly onCancel: () => void;
}

export function OverrideEditor({ cap, initialScore, initialReason, citation, onSave, onCancel }: OverrideEditorProps) {
  const [score, setScore] = useState(initialScore);
  const [problem, setProblem] = useState<string | null>(null);
  const check = (): number | null => {
    if (!/^\d+(\.\d{1,2})?$/.test(score.trim())) {
      setProblem('请填写分数，最多两位小数');
      return null;
    }
    const value = Number(score.trim());
    if (cap !== null && value > cap) {
      setProblem(`不能超过本指标上限 ${cap} 分`);
      return null;
    }
    return value;
  };
  return (
    <div className="override-editor" aria-label="改判">
      <label className="override-score">
        改判为
        <input value={score} onChange={(e) => setScore(e.target.value)} inputMode="decimal" size={5} aria-label="改判分数" autoFocus />
        分{cap !== null && <span className="muted">（0–{cap}）</span>}
      </label>
      {problem && (
        <p className="field-warning" role="alert">
          {problem}
        </p>
      )}
      <ReasonEditor
        label="改判理由（必填，将打印在结果表上）"
        initial={initialReason}
        submitLabel="确定改判"
        citation={citation}
        suggestions={['材料不完整，酌情给分', '实施情况一般', '证明材料部分不符']}
        autoFocus={false}
        onSubmit={(reason) => {
          const value = check();
          if (value !== null) onSave(value, reason);
        }}
        onCancel={onCancel}
      />
    </div>
  );
}
