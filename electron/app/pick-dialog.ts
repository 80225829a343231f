/**
 * The system file picker's three uses in the desktop shell: the chair picks package zips,
 * package folders, or the folder (a USB stick) to save sheets into. The browser shell has
 * no picker; its page uploads instead.
 */
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { ServiceContext } from './context.ts';

export type PickKind = Parameters<NonNullable<ServiceContext['pickPaths']>>[0];

export function pickDialogOptions(what: PickKind): OpenDialogOptions {
  switch (what) {
    case 'export-folder':
      return { title: '选择保存评分表的文件夹（如 U 盘）', properties: ['openDirectory', 'createDirectory'] };
    case 'folders':
      return { title: '选择联盟材料包文件夹', properties: ['openDirectory', 'multiSelections'] };
    case 'zip-files':
      return { title: '选择联盟材料包', properties: ['openFile', 'multiSelections'], filters: [{ name: '材料包 (.zip)', extensions: ['zip'] }] };
  }
}

/** The paths picked, none when the dialog was cancelled. */
export function pickedPaths(result: Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>): string[] {
  return result.canceled ? [] : [...result.filePaths];
}
