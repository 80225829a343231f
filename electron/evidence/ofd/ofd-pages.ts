/**
 * OFD pages as SVG (GB/T 33190-2016): each page of an OFD document drawn as one SVG image in
 * the page's own units (millimetres, `viewBox` = the page's PhysicalBox), with its text, images,
 * paths, the template it sits on, its annotations and the seals of its signatures.
 *
 * - document: OFD.xml → DocBody → DocRoot (Document.xml) → Pages → Page BaseLoc (Content.xml).
 * - resources: PublicRes and DocumentRes of the document, PageRes of a page: fonts,
 *   multimedia (images), draw parameters, by ID.
 * - object: a TextObject, ImageObject, PathObject or PageBlock (a group) in a Layer; each has
 *   a Boundary (its own coordinate space, placed on the page) and an optional CTM inside it.
 * - template: a TemplatePage of the document a page names, drawn under (Background) or over
 *   (Foreground) the page's own content.
 * - seal: the picture of a signature's electronic seal (ofd-seal.ts), drawn at its
 *   StampAnnot's Boundary; an OFD seal picture is itself an OFD, whose first page is drawn.
 *
 * What is not drawn is said in the notice: embedded font files (text is drawn with the
 * system's fonts of the same kind), composite objects, shadings and patterns, images in formats
 * a browser cannot show (TIFF, JBIG2). The SVG holds markup this module writes from numbers and
 * escaped text only, and images as data: URIs, so it loads nothing and runs nothing.
 *
 * No npm OFD library does this job: ofd.js (the one on the registry) draws into the browser's
 * DOM from a prebuilt bundle with network and print dependencies, and could not run in a worker
 * of the main process. The XML is read with @xmldom/xmldom (ofd-container.ts), the seals with
 * asn1js (ofd-seal.ts); what is left is this mapping of OFD's objects to SVG's.
 */
import type { Element } from '@xmldom/xmldom';
import {
  attr,
  box,
  child,
  children,
  defaultOfdBounds,
  descendant,
  inFolder,
  numbers,
  openOfdContainer,
  OfdUnreadable,
  resolveLoc,
  textOf,
  type Box,
  type OfdBounds,
  type OfdContainer,
} from './ofd-container.ts';
import { sealPicture } from './ofd-seal.ts';

export interface OfdPage {
  /** The page's number in the document, from 1. */
  readonly page: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly svg: string;
  /** The page's text, one text object a line, in drawing order (template first when under). */
  readonly text: string;
}

export interface OfdRendering {
  readonly pages: readonly OfdPage[];
  /** The pages the document has (more than `pages` when the bound cut it short). */
  readonly pageCount: number;
  /** Sentences for the expert on what is not drawn, none when everything was. */
  readonly notices: readonly string[];
}

export { OfdUnreadable } from './ofd-container.ts';

interface Font {
  readonly family: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly embedded: boolean;
}

interface Media {
  readonly path: string;
  readonly format: string;
}

interface DrawParam {
  readonly element: Element;
  readonly base: string;
  readonly relative: string | null;
}

interface Resources {
  readonly fonts: Map<string, Font>;
  readonly media: Map<string, Media>;
  readonly drawParams: Map<string, DrawParam>;
}

/** What a page's drawing found missing, collected into the notice once per kind. */
interface Omissions {
  embeddedFonts: boolean;
  composite: boolean;
  images: Set<string>;
  objectsCut: boolean;
  imagesCut: boolean;
}

/**
 * Text for the SVG: escaped, and with the characters XML 1.0 cannot hold (C0 controls but tab
 * and line breaks, lone surrogates, U+FFFE/U+FFFF) replaced one for one (a control by a space,
 * the others by U+FFFD), since one of them would make the whole page's SVG malformed and the
 * page blank, and each character keeps its place.
 */
const escapeXml = (text: string): string =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ')
    .replace(/[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A number written short and finite (SVG attributes never see NaN). */
const num = (value: number): string => (Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '0');

async function loadResources(container: OfdContainer, resFiles: readonly string[], into: Resources): Promise<void> {
  for (const resPath of resFiles) {
    const res = await container.xml(resPath);
    if (!res) continue;
    // Files of a resource list are relative to its BaseLoc folder, itself relative to the list.
    const baseLoc = attr(res, 'BaseLoc');
    const base = baseLoc === null ? resPath : inFolder(resolveLoc(resPath, baseLoc));
    for (const font of children(child(res, 'Fonts'), 'Font')) {
      const id = attr(font, 'ID');
      if (id === null) continue;
      into.fonts.set(id, {
        family: attr(font, 'FamilyName') ?? attr(font, 'FontName') ?? '',
        bold: attr(font, 'Bold') === 'true',
        italic: attr(font, 'Italic') === 'true',
        embedded: child(font, 'FontFile') !== undefined,
      });
    }
    for (const media of children(child(res, 'MultiMedias'), 'MultiMedia')) {
      const id = attr(media, 'ID');
      const file = textOf(child(media, 'MediaFile'));
      if (id === null || file === '') continue;
      into.media.set(id, { path: resolveLoc(base, file), format: (attr(media, 'Format') ?? '').toLowerCase() });
    }
    for (const param of children(child(res, 'DrawParams'), 'DrawParam')) {
      const id = attr(param, 'ID');
      if (id !== null) into.drawParams.set(id, { element: param, base, relative: attr(param, 'Relative') });
    }
  }
}

/** CSS font families for an OFD font name: the font itself, then the system's of the same kind. */
function fontFamilies(name: string): string {
  const lower = name.toLowerCase();
  const kind = /kai|楷/.test(lower)
    ? "KaiTi, STKaiti, 'AR PL UKai CN', 'Noto Serif CJK SC', serif"
    : /hei|黑|yahei|雅黑|sans/.test(lower)
      ? "SimHei, 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"
      : /courier|mono/.test(lower)
        ? "'Courier New', 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace"
        : /fang|仿宋/.test(lower)
          ? "FangSong, STFangsong, 'Noto Serif CJK SC', serif"
          : "SimSun, 'Songti SC', 'Noto Serif CJK SC', serif";
  const own = name.replace(/["'\\<>&]/g, '');
  return own === '' ? kind : `'${own}', ${kind}`;
}

/** A colour of an OFD Color element (RGB 0–255 by default; 1 value gray, 4 values CMYK). */
function colour(element: Element | undefined): string | null {
  if (!element) return null;
  const value = attr(element, 'Value');
  if (value === null) return null;
  const parts = value
    .trim()
    .split(/\s+/)
    .map((v) => (v.startsWith('#') ? parseInt(v.slice(1), 16) : Number(v)));
  if (parts.some((v) => !Number.isFinite(v))) return null;
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  let rgb: number[];
  if (parts.length === 1) rgb = [parts[0]!, parts[0]!, parts[0]!];
  else if (parts.length === 3) rgb = parts;
  else if (parts.length === 4) {
    const [cy, m, y, k] = parts.map((v) => v / 255) as [number, number, number, number];
    rgb = [255 * (1 - cy) * (1 - k), 255 * (1 - m) * (1 - k), 255 * (1 - y) * (1 - k)];
  } else return null;
  const alpha = Number(attr(element, 'Alpha') ?? '255');
  const [r, g, b] = rgb.map(c) as [number, number, number];
  return Number.isFinite(alpha) && alpha < 255 ? `rgba(${r},${g},${b},${num(Math.max(0, alpha) / 255)})` : `rgb(${r},${g},${b})`;
}

/** DeltaX/DeltaY of a TextCode: numbers, where `g N d` stands for N times d. */
export function deltas(value: string | null): number[] {
  if (value === null) return [];
  const tokens = value.trim().split(/\s+/).filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < 100_000; i += 1) {
    if (tokens[i] === 'g') {
      const count = Math.min(Number(tokens[i + 1]), 100_000);
      const delta = Number(tokens[i + 2]);
      for (let n = 0; n < count; n += 1) out.push(delta);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out;
}

/** OFD path data (AbbreviatedData) as SVG path data. */
export function pathData(data: string): string {
  const tokens = data.trim().split(/\s+/).filter((t) => t !== '');
  const arity: Record<string, [string, number]> = { S: ['M', 2], M: ['M', 2], L: ['L', 2], Q: ['Q', 4], B: ['C', 6], A: ['A', 7], C: ['Z', 0] };
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const op = arity[tokens[i]!];
    if (op === undefined) {
      i += 1;
      continue;
    }
    const args = tokens.slice(i + 1, i + 1 + op[1]).map(Number);
    if (args.length < op[1] || args.some((v) => !Number.isFinite(v))) break;
    out.push(op[1] === 0 ? op[0] : `${op[0]}${args.map(num).join(' ')}`);
    i += 1 + op[1];
  }
  return out.join(' ');
}

function transformOf(boundary: Box | null, ctm: string | null): string {
  const parts: string[] = [];
  if (boundary && (boundary.x !== 0 || boundary.y !== 0)) parts.push(`translate(${num(boundary.x)} ${num(boundary.y)})`);
  const m = numbers(ctm);
  if (m.length === 6 && m.every(Number.isFinite)) parts.push(`matrix(${m.map(num).join(' ')})`);
  return parts.length === 0 ? '' : ` transform="${parts.join(' ')}"`;
}

function imageMime(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  return null;
}

const dataUri = (mime: string, bytes: Uint8Array): string => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

interface Style {
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly lineWidth: number | null;
}

/** The fill, stroke and line width a DrawParam gives, following its Relative chain (bounded). */
function drawParamStyle(resources: Resources, id: string | null, inherited: Style): Style {
  let style = inherited;
  const chain: DrawParam[] = [];
  for (let at = id; at !== null && chain.length < 8; ) {
    const param = resources.drawParams.get(at);
    if (!param) break;
    chain.unshift(param);
    at = param.relative;
  }
  for (const { element } of chain) {
    const lineWidth = Number(attr(element, 'LineWidth'));
    style = {
      fill: colour(child(element, 'FillColor')) ?? style.fill,
      stroke: colour(child(element, 'StrokeColor')) ?? style.stroke,
      lineWidth: attr(element, 'LineWidth') !== null && Number.isFinite(lineWidth) ? lineWidth : style.lineWidth,
    };
  }
  return style;
}

const plainStyle: Style = { fill: null, stroke: null, lineWidth: null };

interface Drawing {
  readonly container: OfdContainer;
  readonly resources: Resources;
  readonly bounds: OfdBounds;
  readonly omissions: Omissions;
  /** Image bytes embedded so far in the whole document (every page's SVG is held until the end). */
  readonly budget: { imageBytes: number };
  readonly out: string[];
  readonly text: string[];
  objects: number;
  imageBytes: number;
}

function drawText(d: Drawing, object: Element, style: Style): void {
  const boundary = box(attr(object, 'Boundary'));
  const font = d.resources.fonts.get(attr(object, 'Font') ?? '');
  if (font?.embedded) d.omissions.embeddedFonts = true;
  const size = Number(attr(object, 'Size') ?? '3.528');
  const fill = attr(object, 'Fill') === 'false' ? 'none' : (colour(child(object, 'FillColor')) ?? style.fill ?? 'rgb(0,0,0)');
  const weight = Number(attr(object, 'Weight') ?? '400');
  const bold = font?.bold === true || (Number.isFinite(weight) && weight >= 700);
  const italic = font?.italic === true || attr(object, 'Italic') === 'true';
  const codes: string[] = [];
  const lineText: string[] = [];
  let x = 0;
  let y = 0;
  for (const code of children(object, 'TextCode')) {
    const chars = Array.from(code.textContent ?? '');
    if (attr(code, 'X') !== null) x = Number(attr(code, 'X'));
    if (attr(code, 'Y') !== null) y = Number(attr(code, 'Y'));
    const dx = deltas(attr(code, 'DeltaX'));
    const dy = deltas(attr(code, 'DeltaY'));
    const xs: number[] = [];
    const ys: number[] = [];
    chars.forEach((_, i) => {
      xs.push(x);
      ys.push(y);
      // Fewer deltas than gaps: the last one holds for the rest (what OFD writers rely on,
      // `DeltaX="1.59"` for a whole line of digits).
      x += dx[i] ?? dx.at(-1) ?? 0;
      y += dy[i] ?? dy.at(-1) ?? 0;
    });
    lineText.push(chars.join(''));
    if (chars.length === 0) continue;
    // One position per character: OFD places every glyph itself, and the system font that
    // stands in for an embedded one must not reflow the line.
    codes.push(`<text x="${xs.map(num).join(' ')}" y="${ys.map(num).join(' ')}">${escapeXml(chars.join(''))}</text>`);
  }
  const line = lineText.join('');
  if (line.trim() !== '') d.text.push(line);
  if (codes.length === 0) return;
  const family = escapeXml(fontFamilies(font?.family ?? ''));
  d.out.push(
    `<g${transformOf(boundary, attr(object, 'CTM'))} font-family="${family}" font-size="${num(Number.isFinite(size) ? size : 3.528)}" fill="${fill}"${bold ? ' font-weight="bold"' : ''}${italic ? ' font-style="italic"' : ''} xml:space="preserve">${codes.join('')}</g>`,
  );
}

async function drawImage(d: Drawing, object: Element): Promise<void> {
  const media = d.resources.media.get(attr(object, 'ResourceID') ?? '');
  if (!media) return;
  const bytes = await d.container.part(media.path);
  if (bytes === null) return;
  const mime = imageMime(bytes);
  if (mime === null) {
    d.omissions.images.add(media.format === '' ? '未知格式' : media.format.toUpperCase());
    return;
  }
  if (d.imageBytes + bytes.length > d.bounds.maxImageBytesPerPage || d.budget.imageBytes + bytes.length > d.bounds.maxImageBytes) {
    d.omissions.imagesCut = true;
    return;
  }
  d.imageBytes += bytes.length;
  d.budget.imageBytes += bytes.length;
  const boundary = box(attr(object, 'Boundary'));
  // An image fills the unit square of its CTM's space; without a CTM, its whole boundary.
  const ctm = attr(object, 'CTM') ?? (boundary ? `${boundary.width} 0 0 ${boundary.height} 0 0` : null);
  d.out.push(`<g${transformOf(boundary, ctm)}><image width="1" height="1" preserveAspectRatio="none" href="${dataUri(mime, bytes)}"/></g>`);
}

function drawPath(d: Drawing, object: Element, style: Style): void {
  const data = pathData(textOf(child(object, 'AbbreviatedData')));
  if (data === '') return;
  const own = drawParamStyle(d.resources, attr(object, 'DrawParam'), style);
  const stroked = attr(object, 'Stroke') !== 'false';
  const filled = attr(object, 'Fill') === 'true';
  const stroke = stroked ? (colour(child(object, 'StrokeColor')) ?? own.stroke ?? 'rgb(0,0,0)') : 'none';
  // GB/T 33190 §9.1: the fill colour defaults to transparent.
  const fill = filled ? (colour(child(object, 'FillColor')) ?? own.fill ?? 'none') : 'none';
  const width = Number(attr(object, 'LineWidth') ?? own.lineWidth ?? 0.353);
  const rule = attr(object, 'Rule') === 'Even-Odd' ? ' fill-rule="evenodd"' : '';
  d.out.push(
    `<path${transformOf(box(attr(object, 'Boundary')), attr(object, 'CTM'))} d="${data}" fill="${fill}" stroke="${stroke}" stroke-width="${num(Number.isFinite(width) ? width : 0.353)}"${rule}/>`,
  );
}

/** Draws the objects of a Layer, PageBlock or Appearance, in order (later paints over earlier). */
async function drawObjects(d: Drawing, parent: Element, inherited: Style, depth = 0): Promise<void> {
  const style = drawParamStyle(d.resources, attr(parent, 'DrawParam'), inherited);
  for (const object of children(parent)) {
    if (d.objects >= d.bounds.maxObjectsPerPage) {
      d.omissions.objectsCut = true;
      return;
    }
    d.objects += 1;
    switch (object.localName) {
      case 'TextObject':
        drawText(d, object, drawParamStyle(d.resources, attr(object, 'DrawParam'), style));
        break;
      case 'ImageObject':
        await drawImage(d, object);
        break;
      case 'PathObject':
        drawPath(d, object, style);
        break;
      case 'PageBlock':
        if (depth < 16) {
          d.out.push(`<g${transformOf(null, attr(object, 'CTM'))}>`);
          await drawObjects(d, object, style, depth + 1);
          d.out.push('</g>');
        }
        break;
      case 'CompositeObject':
        d.omissions.composite = true;
        break;
    }
  }
}

async function drawContent(d: Drawing, content: Element | undefined): Promise<void> {
  for (const layer of children(content, 'Layer')) await drawObjects(d, layer, plainStyle);
}

interface PageRef {
  readonly id: string;
  readonly path: string;
}

interface Seal {
  readonly boundary: Box;
  readonly picture: { readonly type: string; readonly data: Uint8Array };
}

async function signaturesByPage(container: OfdContainer, docBody: Element, bounds: OfdBounds): Promise<Map<string, Seal[]>> {
  const seals = new Map<string, Seal[]>();
  const listLoc = textOf(child(docBody, 'Signatures'));
  if (listLoc === '') return seals;
  const listPath = resolveLoc('', listLoc);
  const list = await container.xml(listPath);
  for (const entry of children(list, 'Signature').slice(0, bounds.maxPages)) {
    const loc = attr(entry, 'BaseLoc');
    if (loc === null) continue;
    const signaturePath = resolveLoc(listPath, loc);
    const signature = await container.xml(signaturePath);
    if (!signature) continue;
    const valueLoc = textOf(child(signature, 'SignedValue'));
    const value = valueLoc === '' ? null : await container.part(resolveLoc(signaturePath, valueLoc));
    const picture = value === null ? null : sealPicture(value);
    if (picture === null) continue;
    for (const stamp of children(child(signature, 'SignedInfo'), 'StampAnnot')) {
      const boundary = box(attr(stamp, 'Boundary'));
      const page = attr(stamp, 'PageRef');
      if (boundary === null || page === null) continue;
      seals.set(page, [...(seals.get(page) ?? []), { boundary, picture }]);
    }
  }
  return seals;
}

async function annotationsByPage(container: OfdContainer, documentPath: string, document: Element): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const loc = textOf(child(document, 'Annotations'));
  if (loc === '') return files;
  const listPath = resolveLoc(documentPath, loc);
  const list = await container.xml(listPath);
  for (const page of children(list, 'Page')) {
    const id = attr(page, 'PageID');
    const file = textOf(child(page, 'FileLoc'));
    if (id !== null && file !== '') files.set(id, resolveLoc(listPath, file));
  }
  return files;
}

async function drawSeal(d: Drawing, seal: Seal, depth: number): Promise<void> {
  const { boundary, picture } = seal;
  const at = `x="${num(boundary.x)}" y="${num(boundary.y)}" width="${num(boundary.width)}" height="${num(boundary.height)}"`;
  if (picture.type === 'ofd') {
    // An OFD seal is a one-page OFD of its own; a seal inside a seal is not looked into.
    if (depth > 0) return;
    try {
      const inner = await renderOfd(picture.data, { ...d.bounds, maxPages: 1 }, depth + 1);
      const page = inner.pages[0];
      if (!page) return;
      const body = page.svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
      d.out.push(`<svg ${at} viewBox="0 0 ${num(page.widthMm)} ${num(page.heightMm)}" preserveAspectRatio="none">${body}</svg>`);
    } catch {
      d.omissions.images.add('OFD 印章');
    }
    return;
  }
  const mime = imageMime(picture.data) ?? (picture.type === 'svg' ? 'image/svg+xml' : null);
  if (mime === null) {
    d.omissions.images.add(`${picture.type.toUpperCase()} 印章`);
    return;
  }
  d.out.push(`<image ${at} preserveAspectRatio="none" href="${dataUri(mime, picture.data)}"/>`);
}

function noticeOf(omissions: Omissions, pageCount: number, drawn: number): string[] {
  const notices: string[] = [];
  if (drawn < pageCount) notices.push(`文件共 ${pageCount} 页，只显示了前 ${drawn} 页。`);
  if (omissions.embeddedFonts) notices.push('文件内嵌的字体没有使用，文字以本机相近的字体显示，字形可能与原件略有不同。');
  if (omissions.composite) notices.push('文件中的复合图元没有画出。');
  if (omissions.images.size > 0) notices.push(`文件中 ${[...omissions.images].join('、')} 格式的图片无法显示。`);
  if (omissions.objectsCut) notices.push('有的页面图元过多，只画出了一部分。');
  if (omissions.imagesCut) notices.push('文件中的图片过大或过多，部分图片没有显示。');
  return notices;
}

/**
 * Draws the pages of the OFD file `bytes` as SVG. Throws OfdUnreadable (with a reason in
 * Chinese) when the file is not an OFD this reader can follow.
 */
export async function renderOfd(bytes: Uint8Array, bounds: OfdBounds = defaultOfdBounds, depth = 0): Promise<OfdRendering> {
  const container = await openOfdContainer(bytes, bounds);
  try {
    const ofd = await container.xml('OFD.xml');
    const docBody = child(ofd, 'DocBody');
    const rootLoc = textOf(child(docBody, 'DocRoot'));
    if (!docBody || rootLoc === '') throw new OfdUnreadable('OFD.xml 里没有文档入口');
    const documentPath = resolveLoc('', rootLoc);
    const document = await container.xml(documentPath);
    if (!document) throw new OfdUnreadable(`找不到文档 ${documentPath}`);
    const common = child(document, 'CommonData');
    const defaultArea = box(textOf(descendant(common, 'PageArea', 'PhysicalBox'))) ?? { x: 0, y: 0, width: 210, height: 297 };
    const docRes = [...children(common, 'PublicRes'), ...children(common, 'DocumentRes')].map((r) => resolveLoc(documentPath, textOf(r)));
    const templates = new Map<string, string>();
    for (const template of children(common, 'TemplatePage')) {
      const id = attr(template, 'ID');
      const loc = attr(template, 'BaseLoc');
      if (id !== null && loc !== null) templates.set(id, resolveLoc(documentPath, loc));
    }
    const pageRefs: PageRef[] = [];
    for (const page of children(child(document, 'Pages'), 'Page')) {
      const loc = attr(page, 'BaseLoc');
      if (loc !== null) pageRefs.push({ id: attr(page, 'ID') ?? '', path: resolveLoc(documentPath, loc) });
    }
    if (pageRefs.length === 0) throw new OfdUnreadable('文档没有页');
    const documentResources: Resources = { fonts: new Map(), media: new Map(), drawParams: new Map() };
    await loadResources(container, docRes, documentResources);
    const seals = await signaturesByPage(container, docBody, bounds);
    const annotations = await annotationsByPage(container, documentPath, document);
    const omissions: Omissions = { embeddedFonts: false, composite: false, images: new Set(), objectsCut: false, imagesCut: false };
    const pages: OfdPage[] = [];
    const budget = { imageBytes: 0 };
    for (const [index, ref] of pageRefs.slice(0, bounds.maxPages).entries()) {
      const page = await container.xml(ref.path);
      const resources: Resources = {
        fonts: new Map(documentResources.fonts),
        media: new Map(documentResources.media),
        drawParams: new Map(documentResources.drawParams),
      };
      await loadResources(
        container,
        children(page, 'PageRes').map((r) => resolveLoc(ref.path, textOf(r))),
        resources,
      );
      const area = box(textOf(descendant(page, 'Area', 'PhysicalBox'))) ?? defaultArea;
      const d: Drawing = { container, resources, bounds, omissions, budget, out: [], text: [], objects: 0, imageBytes: 0 };
      const pageTemplates = children(page, 'Template').map((t) => ({ path: templates.get(attr(t, 'TemplateID') ?? ''), z: attr(t, 'ZOrder') }));
      for (const template of pageTemplates.filter((t) => t.z !== 'Foreground')) {
        if (template.path !== undefined) await drawContent(d, child((await container.xml(template.path)) ?? undefined, 'Content'));
      }
      await drawContent(d, child(page ?? undefined, 'Content'));
      for (const template of pageTemplates.filter((t) => t.z === 'Foreground')) {
        if (template.path !== undefined) await drawContent(d, child((await container.xml(template.path)) ?? undefined, 'Content'));
      }
      const annotationFile = annotations.get(ref.id);
      const pageAnnot = annotationFile === undefined ? null : await container.xml(annotationFile);
      for (const annot of children(pageAnnot, 'Annot')) {
        if (attr(annot, 'Visible') === 'false') continue;
        for (const appearance of children(annot, 'Appearance')) {
          d.out.push(`<g${transformOf(box(attr(appearance, 'Boundary')), null)}>`);
          await drawObjects(d, appearance, plainStyle);
          d.out.push('</g>');
        }
      }
      for (const seal of seals.get(ref.id) ?? []) await drawSeal(d, seal, depth);
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="${num(area.width)}mm" height="${num(area.height)}mm" viewBox="${num(area.x)} ${num(area.y)} ${num(area.width)} ${num(area.height)}">` +
        `<rect x="${num(area.x)}" y="${num(area.y)}" width="${num(area.width)}" height="${num(area.height)}" fill="#fff"/>` +
        d.out.join('') +
        '</svg>';
      pages.push({ page: index + 1, widthMm: area.width, heightMm: area.height, svg, text: d.text.join('\n') });
    }
    return { pages, pageCount: pageRefs.length, notices: noticeOf(omissions, pageRefs.length, pages.length) };
  } finally {
    container.close();
  }
}
