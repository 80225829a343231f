/**
 * Scenes: the pictures of the samples, drawn from shapes and text: an office door with the
 * alliance's name plate (evidence of 设立专门办公室), the alliance's website (交流平台), and an
 * event with its banner (组织活动, 举办活动). Crude as drawings, real as files: a PNG or JPEG
 * whose Chinese text an expert can read.
 */
import type { Scene } from './raster-image.ts';

export function officeScene(allianceName: string, room: string): Scene {
  return {
    width: 400,
    height: 267,
    draw(doc) {
      doc.rect(0, 0, 400, 267).fill('#e9e4d8'); // wall
      doc.rect(0, 215, 400, 52).fill('#8a7560'); // floor
      doc.rect(40, 40, 130, 175).fill('#a0522d'); // door
      doc.circle(155, 130, 5).fill('#d4af37');
      doc.rect(200, 60, 170, 70).fill('#1f4e79'); // name plate
      doc.fillColor('white').fontSize(10).text(allianceName, 208, 68, { width: 154, align: 'center' });
      doc.fontSize(13).text('秘书处', 208, 100, { width: 154, align: 'center' });
      doc.rect(215, 150, 140, 22).fill('#ffffff');
      doc.fillColor('#333333').fontSize(10).text(room, 215, 155, { width: 140, align: 'center' });
      doc.rect(250, 185, 110, 30).fill('#6b4f3a'); // desk
    },
  };
}

export function websiteScene(allianceName: string, news: readonly string[]): Scene {
  return {
    width: 400,
    height: 267,
    draw(doc) {
      doc.rect(0, 0, 400, 267).fill('#ffffff');
      doc.rect(0, 0, 400, 16).fill('#dddddd'); // browser bar
      doc.rect(60, 3, 280, 10).fill('#ffffff');
      doc.rect(0, 16, 400, 44).fill('#1f4e79');
      doc.fillColor('white').fontSize(13).text(allianceName, 12, 30, { width: 376 });
      doc.rect(0, 60, 400, 20).fill('#2e75b6');
      doc.fillColor('white').fontSize(9);
      ['首页', '联盟动态', '资源共享', '成员单位', '政策服务', '联系我们'].forEach((item, i) => doc.text(item, 14 + i * 64, 65));
      doc.fillColor('#1f4e79').fontSize(11).text('联盟动态', 14, 92);
      doc.moveTo(14, 108).lineTo(386, 108).lineWidth(0.8).stroke('#2e75b6');
      doc.fontSize(9).fillColor('#333333');
      news.slice(0, 6).forEach((line, i) => doc.text(`· ${line}`, 14, 116 + i * 22, { width: 372, lineBreak: false, height: 14 }));
      doc.rect(0, 250, 400, 17).fill('#eeeeee');
      doc.fillColor('#666666').fontSize(7).text('联盟资源共享平台 · 成员单位交流群 · 皖ICP备00000000号（示例）', 14, 255);
    },
  };
}

export function eventScene(banner: string, place: string): Scene {
  return {
    width: 400,
    height: 267,
    draw(doc) {
      doc.rect(0, 0, 400, 267).fill('#2b2b3a');
      doc.rect(20, 20, 360, 80).fill('#b3151b'); // banner
      doc.fillColor('#ffe08a').fontSize(14).text(banner, 28, 34, { width: 344, align: 'center' });
      doc.fillColor('white').fontSize(9).text(place, 28, 76, { width: 344, align: 'center' });
      doc.rect(60, 110, 280, 50).fill('#4a4a5e'); // stage
      doc.rect(180, 118, 40, 30).fill('#8b5a2b'); // lectern
      doc.circle(200, 112, 7).fill('#f2c9a0');
      for (let row = 0; row < 3; row++) {
        for (let seat = 0; seat < 12; seat++) {
          doc.circle(40 + seat * 29 + (row % 2) * 12, 190 + row * 24, 9).fill(row === 0 ? '#3d3d52' : '#34344a');
        }
      }
    },
  };
}
