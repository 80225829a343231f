/**
 * What a channel answers, kept as state: asked when the screen opens and again whenever the
 * request or `again` changes (a counter a screen raises after a change of its own). An answer
 * that comes after the screen has closed, or after a newer question, is dropped. A refusal goes
 * to `onError` (its message is for people); the value kept stays as it was.
 *
 * The setter is for a channel that answers a change with the new value (a request, a decision),
 * so the screen shows it without asking again.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/api/contract.ts';
import { api } from './api.ts';

export interface ChannelValueOptions {
  /** Raise to ask again with the same request. */
  readonly again?: number;
  readonly onError: (message: string) => void;
}

export function useChannelValue<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
  { again = 0, onError }: ChannelValueOptions,
): [ResponseOf<C> | null, (value: ResponseOf<C>) => void] {
  const [value, setValue] = useState<ResponseOf<C> | null>(null);
  // The request is compared by what it says, not by identity: callers write it inline.
  const key = JSON.stringify(request);
  const latest = useRef({ request, onError });
  useEffect(() => {
    latest.current = { request, onError };
  });

  useEffect(() => {
    let live = true;
    void api.invoke(channel, latest.current.request).then((result) => {
      if (!live) return;
      if (result.ok) setValue(result.value);
      else latest.current.onError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [channel, key, again]);

  return [value, setValue];
}
