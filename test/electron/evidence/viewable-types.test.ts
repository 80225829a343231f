/**
 * The one list of what the viewer shows: each type in it has a way to be shown (the renderer's
 * own PDF and image views, or a previewer in main), and the types it leaves out are the ones the
 * `file-not-viewable` warning names.
 */
import { describe, expect, it } from 'vitest';

import { previewers } from '../../../electron/evidence/previewers.ts';
import { evidenceTypes, isViewableType, viewableTypes } from '../../../shared/evidence/evidence-type.ts';

describe('viewableTypes', () => {
  it('is PDF, the browser images, TIFF and HEIC, the word-processor documents, the spreadsheets, OFD, text and zips', () => {
    expect([...viewableTypes].sort()).toEqual(['bmp', 'csv', 'doc', 'docx', 'gif', 'heic', 'jpeg', 'ods', 'odt', 'ofd', 'pdf', 'png', 'rtf', 'tiff', 'txt', 'webp', 'wps', 'xls', 'xlsx', 'zip']);
  });

  it.each(evidenceTypes.filter((t) => !['pdf', 'png', 'jpeg', 'gif', 'webp', 'bmp'].includes(t)))('%s is viewable only when main has a previewer for it', (type) => {
    if (isViewableType(type)) expect(previewers[type]).toBeDefined();
  });

  it("leaves out WPS's own .et, which is read only when it is BIFF8 (and then detected as xls)", () => {
    expect(isViewableType('et')).toBe(false);
    expect(isViewableType('xls')).toBe(true);
  });
});
