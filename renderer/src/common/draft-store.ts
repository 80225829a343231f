/**
 * Where unsaved drafts are kept (form-draft.ts, meeting/setup-draft.ts): in this module, so that
 * going to another screen and back finds them, and where the page has it in sessionStorage, so
 * that a reload of the browser shell's tab does too. A kept draft is held (unsaved-text.ts), so
 * closing the window, which loses it, asks first.
 *
 * - prefix: names the kind of draft in sessionStorage (`alliance-review.setup-draft`); each
 *   draft is `<prefix>.<key>`.
 * - fits: whether a value read back (after a reload, from storage another version of the
 *   program may have written) is a draft of this kind; one that is not is ignored.
 */
import { holdDraft } from './unsaved-text.ts';

export interface DraftStore<K extends string | number, V> {
  read(key: K, fits: (value: unknown) => value is V): V | null;
  keep(key: K, draft: V): void;
  drop(key: K): void;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // A page whose storage is switched off still keeps the draft across screens.
    return null;
  }
}

export function draftStore<K extends string | number, V>(prefix: string): DraftStore<K, V> {
  const drafts = new Map<K, V>();
  const storageKey = (key: K) => `${prefix}.${key}`;
  return {
    read(key, fits) {
      const kept = drafts.get(key);
      if (kept !== undefined && fits(kept)) return kept;
      try {
        const text = storage()?.getItem(storageKey(key));
        const parsed: unknown = text == null ? null : JSON.parse(text);
        if (!fits(parsed)) return null;
        // Found after a reload: held again, so closing the page still asks.
        drafts.set(key, parsed);
        holdDraft(storageKey(key), true);
        return parsed;
      } catch {
        return null;
      }
    },
    keep(key, draft) {
      drafts.set(key, draft);
      holdDraft(storageKey(key), true);
      try {
        storage()?.setItem(storageKey(key), JSON.stringify(draft));
      } catch {
        // Full or refused storage: the draft still outlives screen changes.
      }
    },
    drop(key) {
      drafts.delete(key);
      holdDraft(storageKey(key), false);
      try {
        storage()?.removeItem(storageKey(key));
      } catch {
        // Nothing kept there.
      }
    },
  };
}
