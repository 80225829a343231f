/**
 * Setup drafts: what the clerk typed or ticked in 会议准备 and has not saved yet, kept apart
 * from the screen so that going to another screen (材料包, 专家评分…) and back, or reloading the
 * browser shell's page, finds it as it was, marked unsaved.
 *
 * - draft: the form's values for one meeting, kept while they differ from what is saved.
 *
 * Kept in this module (screen changes) and, where the page has it, in sessionStorage (a reload
 * of the browser shell's tab). Closing the window or the program loses it: that is the one
 * leave that asks first (common/unsaved-text.ts).
 */
import { holdDraft } from '../common/unsaved-text.ts';

export interface SetupDraft {
  readonly settings: {
    readonly method: 'mean' | 'trimmed';
    readonly threshold: string;
    readonly budget: string;
    readonly outlierPercent: string;
    readonly rubricId: string;
  };
  readonly roster: string;
  readonly packageIds: readonly number[];
}

const drafts = new Map<number, SetupDraft>();
const storageKey = (meetingId: number) => `alliance-review.setup-draft.${meetingId}`;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // A page whose storage is switched off still keeps the draft across screens.
    return null;
  }
}

function isDraft(value: unknown): value is SetupDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const s = d['settings'] as Record<string, unknown> | null | undefined;
  return (
    typeof d['roster'] === 'string' &&
    Array.isArray(d['packageIds']) &&
    d['packageIds'].every((id) => Number.isInteger(id)) &&
    typeof s === 'object' &&
    s !== null &&
    (s['method'] === 'mean' || s['method'] === 'trimmed') &&
    ['threshold', 'budget', 'outlierPercent', 'rubricId'].every((k) => typeof s[k] === 'string')
  );
}

export function readSetupDraft(meetingId: number): SetupDraft | null {
  const kept = drafts.get(meetingId);
  if (kept !== undefined) return kept;
  try {
    const text = storage()?.getItem(storageKey(meetingId));
    const parsed: unknown = text == null ? null : JSON.parse(text);
    if (!isDraft(parsed)) return null;
    // Found after a reload: held again, so closing the page still asks.
    drafts.set(meetingId, parsed);
    holdDraft(storageKey(meetingId), true);
    return parsed;
  } catch {
    return null;
  }
}

export function keepSetupDraft(meetingId: number, draft: SetupDraft): void {
  drafts.set(meetingId, draft);
  holdDraft(storageKey(meetingId), true);
  try {
    storage()?.setItem(storageKey(meetingId), JSON.stringify(draft));
  } catch {
    // Full or refused storage: the draft still outlives screen changes.
  }
}

export function dropSetupDraft(meetingId: number): void {
  drafts.delete(meetingId);
  holdDraft(storageKey(meetingId), false);
  try {
    storage()?.removeItem(storageKey(meetingId));
  } catch {
    // Nothing kept there.
  }
}
