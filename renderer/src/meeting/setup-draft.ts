/**
 * Setup drafts: what the clerk typed or ticked in 会议准备 and has not saved yet, kept apart
 * from the screen so that going to another screen (材料包, 专家评分…) and back, or reloading the
 * browser shell's page, finds it as it was, marked unsaved.
 *
 * - draft: the form's values for one meeting, kept while they differ from what is saved.
 *
 * Kept as common/draft-store.ts keeps drafts: across screens and a reload of the browser
 * shell's tab; closing the window or the program loses it, so that leave asks first.
 */
import { draftStore } from '../common/draft-store.ts';

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

const store = draftStore<number, SetupDraft>('alliance-review.setup-draft');

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
  return store.read(meetingId, isDraft);
}

export function keepSetupDraft(meetingId: number, draft: SetupDraft): void {
  store.keep(meetingId, draft);
}

export function dropSetupDraft(meetingId: number): void {
  store.drop(meetingId);
}
