/**
 * A refusal as a person reads it: its message (what was refused, how many problems, what to do
 * next), then each problem naming its place. A long list shows its first few and keeps the rest
 * one click away ("以及另外 N 处"), so the message and the first causes stay on the screen.
 * Codes are for programs and logs: they are not shown.
 */
import type { ApiError } from '../../../shared/api/result.ts';

/** How many problems are shown before the rest fold away. */
export const SHOWN_PROBLEMS = 8;

export function RefusalView({ error, testId }: { readonly error: Pick<ApiError, 'message' | 'problems'>; readonly testId?: string }) {
  const problems = error.problems ?? [];
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const rest = problems.slice(SHOWN_PROBLEMS);
  return (
    <div role="alert" className="error refusal" data-testid={testId}>
      <p>{error.message}</p>
      {shown.length > 0 && (
        <ol className="refusal-problems">
          {shown.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ol>
      )}
      {rest.length > 0 && (
        <details>
          <summary>以及另外 {rest.length} 处</summary>
          <ol className="refusal-problems" start={SHOWN_PROBLEMS + 1}>
            {rest.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
