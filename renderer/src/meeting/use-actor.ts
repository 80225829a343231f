/**
 * The operator (操作人): the name typed at the top of the meeting screens, sent with every action
 * that changes a result so the audit log says who acted. The app has no accounts; the name is
 * remembered on this laptop so the chair does not retype it after every reload.
 */
import { useCallback, useState } from 'react';

const KEY = 'alliance-review.actor';

function remembered(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function useActor(): [string, (name: string) => void] {
  const [actor, setActorState] = useState(remembered);
  const setActor = useCallback((name: string) => {
    setActorState(name);
    try {
      window.localStorage.setItem(KEY, name);
    } catch {
      // A browser that refuses storage only costs the operator retyping their name.
    }
  }, []);
  return [actor, setActor];
}
