/**
 * The scoring view's link to main: opens a review, and sends changes one after another in the
 * order the expert made them. Every answer is the review state as stored, so the screen shows
 * what is saved, never a guess; `pending` counts changes not yet acknowledged.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../shared/api/contract.ts';
import type { ReviewOpen, ReviewState } from '../../../shared/api/expert-work-types.ts';
import { api } from '../api/api.ts';

export type ChangeChannel = 'decision-set' | 'decisions-accept' | 'override-set' | 'comment-set' | 'review-undo' | 'review-redo' | 'explanation-set' | 'carried-confirm';

export interface ReviewLink {
  readonly open: ReviewOpen | null;
  readonly state: ReviewState | null;
  readonly pending: number;
  readonly error: string | null;
  /** Sends a change after those already sent; resolves true when it was stored. */
  change<C extends ChangeChannel>(channel: C, request: RequestOf<C>): Promise<boolean>;
}

export function useReview(expertId: number, packageId: number): ReviewLink {
  const [open, setOpen] = useState<ReviewOpen | null>(null);
  const [state, setState] = useState<ReviewState | null>(null);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void api.invoke('review-open', { expertId, packageId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setOpen(result.value);
        setState(result.value.state);
      } else {
        setError(result.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [expertId, packageId]);

  const change = useCallback(<C extends ChangeChannel>(channel: C, request: RequestOf<C>): Promise<boolean> => {
    setPending((n) => n + 1);
    const run = queue.current.then(async () => {
      // Each channel's answer is the stored ReviewState; the union of request types is checked above.
      const result = await (api.invoke as (c: ChangeChannel, r: unknown) => ReturnType<typeof api.invoke<'review-undo'>>)(channel, request);
      setPending((n) => n - 1);
      if (result.ok) {
        setState(result.value);
        setError(null);
        return true;
      }
      setError(result.error.message);
      return false;
    });
    queue.current = run;
    return run;
  }, []);

  return { open, state, pending, error, change };
}
