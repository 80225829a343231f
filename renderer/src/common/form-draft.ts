/**
 * Form drafts: the text fields of a small form (新建会议) that the person typed and has not
 * saved yet, kept apart from the screen so that going to another screen and back, or reloading
 * the browser shell's page, finds them as they were.
 *
 * - draft: the form's field values, kept while any differs from the form's starting values,
 *   dropped when the form is saved or the person gives it up.
 * - key: names the form; two forms never share one.
 *
 * Kept as draft-store.ts keeps drafts: across screens and a reload; closing the window loses
 * it, so closing asks first.
 * The setup form keeps its richer draft the same way (meeting/setup-draft.ts).
 */
import { useEffect, useState } from 'react';
import { draftStore } from './draft-store.ts';

type Fields = Readonly<Record<string, string>>;

const store = draftStore<string, Fields>('alliance-review.form-draft');

/** The kept draft of `key`, if it has exactly the fields of `initial`, all text. */
export function readFormDraft<T extends Fields>(key: string, initial: T): T | null {
  const fits = (value: unknown): value is T =>
    typeof value === 'object' && value !== null && Object.keys(initial).every((k) => typeof (value as Record<string, unknown>)[k] === 'string');
  return store.read(key, fits) as T | null;
}

export function keepFormDraft(key: string, values: Fields): void {
  store.keep(key, values);
}

export function dropFormDraft(key: string): void {
  store.drop(key);
}

export interface FormDraft<T extends Fields> {
  readonly values: T;
  /** Some field differs from the starting values: there is typed text to keep. */
  readonly dirty: boolean;
  /** The values came from a draft left when the form was last shown. */
  readonly returned: boolean;
  set(patch: Partial<T>): void;
  /** Back to the starting values, the draft dropped (after a save, or given up). */
  reset(): void;
}

/**
 * The form's fields, starting from its kept draft when there is one, kept as a draft while they
 * differ from `initial`. `initial` is read once, when the form first shows.
 */
export function useFormDraft<T extends Fields>(key: string, initial: T): FormDraft<T> {
  const [start] = useState(initial);
  const [kept] = useState(() => readFormDraft(key, start));
  const [values, setValues] = useState<T>(() => kept ?? start);
  const [returned, setReturned] = useState(kept !== null);
  const dirty = Object.keys(start).some((k) => values[k] !== start[k]);
  useEffect(() => {
    if (dirty) keepFormDraft(key, values);
    else dropFormDraft(key);
  }, [key, dirty, values]);
  return {
    values,
    dirty,
    returned: returned && dirty,
    set: (patch) => setValues((v) => ({ ...v, ...patch })),
    reset: () => {
      setValues(start);
      setReturned(false);
      dropFormDraft(key);
    },
  };
}
