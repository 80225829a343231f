/**
 * Test helper: distinct pictures made from a seed, for measuring how often the perceptual hash
 * calls two different pictures similar (shared/integrity/perceptual-hash.ts). Each scene is an
 * SVG drawn and encoded as a JPEG by sharp (libvips: the decoder the cross-check itself uses,
 * a real encoder), so no fixture files are needed for a hundred of them.
 *
 * - `photoScene(seed)`: a background gradient and 6–14 shapes of random kinds, places, sizes
 *   and colours: pictures as different from each other as two event photos are.
 * - `templateScene(seed)`: one layout (a banner over a stage and rows of seats, as in the
 *   sample packages' event photos) with another title each: the hard case, pictures that differ
 *   only in their words, as certificates of one template do.
 */
import sharp from 'sharp';
import { prng } from './prng.ts';

const WIDTH = 320;
const HEIGHT = 240;

function colour(random: () => number): string {
  return `rgb(${Math.floor(random() * 256)},${Math.floor(random() * 256)},${Math.floor(random() * 256)})`;
}

export function photoSceneSvg(seed: number): string {
  const random = prng(seed);
  const shapes: string[] = [];
  const count = 6 + Math.floor(random() * 9);
  for (let i = 0; i < count; i += 1) {
    const x = Math.floor(random() * WIDTH);
    const y = Math.floor(random() * HEIGHT);
    const size = 20 + Math.floor(random() * 140);
    const fill = colour(random);
    switch (Math.floor(random() * 3)) {
      case 0:
        shapes.push(`<rect x="${x - size / 2}" y="${y - size / 3}" width="${size}" height="${Math.floor(size * (0.3 + random()))}" fill="${fill}"/>`);
        break;
      case 1:
        shapes.push(`<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${fill}"/>`);
        break;
      default:
        shapes.push(`<polygon points="${x},${y - size / 2} ${x + size / 2},${y + size / 2} ${x - size / 2},${y + size / 2}" fill="${fill}"/>`);
    }
  }
  const angle = Math.floor(random() * 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${colour(random)}"/><stop offset="1" stop-color="${colour(random)}"/></linearGradient></defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

const TITLES = ['产业发展大会', '技术成果发布会', '供需对接会', '电池安全技术大会', '专家咨询会', '项目路演', '人才培训班', '标准宣贯会', '开放日活动', '年度工作会议'];

export function templateSceneSvg(seed: number): string {
  const random = prng(seed);
  const title = `${TITLES[seed % TITLES.length] ?? ''} 第${seed}期`;
  const seats = Array.from({ length: 36 }, (_, i) => `<circle cx="${20 + (i % 12) * 25}" cy="${170 + Math.floor(i / 12) * 22}" r="8" fill="#3a3a4a"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#2a2a35"/><rect x="20" y="15" width="280" height="60" fill="#b01818"/>
<text x="160" y="45" font-size="${16 + Math.floor(random() * 4)}" fill="#ffffff" text-anchor="middle" font-family="Noto Sans CJK SC">${title}</text>
<text x="160" y="65" font-size="9" fill="#ffffff" text-anchor="middle" font-family="Noto Sans CJK SC">2026年${1 + (seed % 12)}月${1 + (seed % 28)}日 · 合肥</text>
<rect x="50" y="95" width="220" height="40" fill="#555566"/><rect x="140" y="100" width="30" height="25" fill="#8a5a2a"/>${seats}</svg>`;
}

export async function sceneJpeg(svg: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
}
