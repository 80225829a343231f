/**
 * A small element tree of one XML part of an Office or OpenDocument file (a header, a footer,
 * content.xml), parsed by saxes: a maintained, pure-JavaScript, well-formedness-checking SAX
 * parser (already used by exceljs and word-extractor), which never fetches external entities or
 * DTDs. The tree keeps only what the readers walk: qualified names, attributes and text.
 *
 * Bounded: a part with more than `maxNodes` elements and text pieces, or nested deeper than
 * 200, is refused (XmlTooLarge), so a hostile part costs a refusal, not the worker's heap.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The qualified name as written (`w:p`, `text:h`): the readers match the usual prefixes. */
  readonly name: string;
  /** The local part of the name (`p`, `h`). */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

export class XmlTooLarge extends Error {}

export function parseXml(text: string, maxNodes = 2_000_000): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#root', local: '#root', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let nodes = 0;
  const count = (): void => {
    nodes += 1;
    if (nodes > maxNodes) throw new XmlTooLarge(`more than ${maxNodes} nodes`);
  };
  parser.on('opentag', (tag) => {
    count();
    if (stack.length > 200) throw new XmlTooLarge('nested too deep');
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    const colon = tag.name.indexOf(':');
    const element: XmlElement = { name: tag.name, local: colon === -1 ? tag.name : tag.name.slice(colon + 1), attributes, children: [] };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (value: string): void => {
    count();
    stack[stack.length - 1]?.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(text).close();
  return root;
}

/** The element children of an element. */
export function elements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The first descendant (depth first) with this qualified name, or null. */
export function find(element: XmlElement, name: string): XmlElement | null {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) return child;
    const inner = find(child, name);
    if (inner !== null) return inner;
  }
  return null;
}

/** Every descendant with this qualified name, in document order. */
export function findAll(element: XmlElement, name: string, into: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) into.push(child);
    else findAll(child, name, into);
  }
  return into;
}
