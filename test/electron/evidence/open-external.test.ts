/**
 * Which files the desktop shell opens with the system's program, and how a refusal is worded:
 * a phone photo is opened, a zip is refused without being called a program, a program is refused.
 */
import { describe, expect, it } from 'vitest';
import { canOpenExternally, refusalToOpen } from '../../../electron/evidence/open-external.ts';

describe('canOpenExternally', () => {
  it.each(['照片/IMG_0001.HEIC', '照片/现场.heif', '照片/现场.jfif', '照片/现场.jpe', '扫描/合同.tif', '合同.pdf', '会议录像.mp4'])('opens %s', (path) => {
    expect(canOpenExternally(path)).toBe(true);
  });

  it.each(['附件.zip', '打开我.lnk', 'setup.exe', '脚本.js', '脚本.vbs', '无扩展名'])('does not open %s', (path) => {
    expect(canOpenExternally(path)).toBe(false);
  });
});

describe('refusalToOpen', () => {
  it('tells a zip apart from a program, and says where its files are', () => {
    const message = refusalToOpen('证明材料/附件.zip');
    expect(message).toContain('附件.zip');
    expect(message).toContain('全部文件');
    expect(message).not.toContain('可能是程序或脚本');
  });

  it('says what is opened, and why a program is not', () => {
    expect(refusalToOpen('打开我.lnk')).toMatch(/只用系统程序打开文档、图片、音频和视频文件，不打开 \.lnk 类型的文件/);
    expect(refusalToOpen('无扩展名')).toContain('无扩展名');
  });
});
