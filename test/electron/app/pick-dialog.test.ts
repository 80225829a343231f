import { describe, expect, it } from 'vitest';
import { pickDialogOptions, pickedPaths } from '../../../electron/app/pick-dialog.ts';

describe('pickDialogOptions', () => {
  it('picks several package zips, and only zips', () => {
    const options = pickDialogOptions('zip-files');
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters).toEqual([{ name: '材料包 (.zip)', extensions: ['zip'] }]);
    expect(options.title).toBe('选择联盟材料包');
  });

  it('picks several package folders', () => {
    const options = pickDialogOptions('folders');
    expect(options.properties).toEqual(['openDirectory', 'multiSelections']);
    expect(options.filters).toBeUndefined();
  });

  it('picks one folder to save into, which may be created there', () => {
    const options = pickDialogOptions('export-folder');
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(options.properties).not.toContain('multiSelections');
    expect(options.title).toContain('U 盘');
  });
});

describe('pickedPaths', () => {
  it('gives the picked paths, and none when cancelled', () => {
    expect(pickedPaths({ canceled: false, filePaths: ['/a.zip', '/b.zip'] })).toEqual(['/a.zip', '/b.zip']);
    expect(pickedPaths({ canceled: true, filePaths: ['/a.zip'] })).toEqual([]);
  });
});
