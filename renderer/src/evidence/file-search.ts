/**
 * Search in the open file: the state behind the viewer's search box. The words are searched in
 * main (evidence-search: the file's text layer, or its OCR text for a scan), which answers every
 * hit with its page and boxes; here one hit is the current one (第 2 / 7 处) and Enter,
 * Shift+Enter step through them.
 *
 * - searched: the words the hits are for; typing changes the box, not the hits, until Enter.
 * - start page: a search run for a page (a hit of the alliance-wide search opened at its page)
 *   starts at the first hit on or after that page.
 */
import { useCallback, useRef, useState } from 'react';
import type { EvidenceSearch } from '../../../shared/api/evidence-search-types.ts';
import type { Result } from '../../../shared/api/result.ts';
import { foldText, type TextHit } from '../../../shared/evidence/page-text.ts';

export type FindText = (query: string) => Promise<Result<EvidenceSearch>>;

export interface FileSearch {
  /** What the search box holds. */
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly searched: string;
  readonly answer: EvidenceSearch | null;
  readonly current: number;
  readonly busy: boolean;
  readonly error: string | null;
  readonly hit: TextHit | null;
  /** Searches the box's words, or steps to the next hit when they are what was searched already. */
  readonly submit: (direction: 1 | -1) => void;
  /** Puts `query` in the box and searches it. */
  readonly run: (query: string, startPage?: number) => void;
  readonly step: (direction: 1 | -1) => void;
  readonly close: () => void;
}

export function useFileSearch(find: FindText): FileSearch {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [answer, setAnswer] = useState<EvidenceSearch | null>(null);
  const [current, setCurrent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const run = useCallback(
    (query: string, startPage?: number) => {
      const words = query.trim();
      const mine = (seq.current += 1);
      setQuery(query);
      setSearched(words);
      setError(null);
      if (words === '') {
        setAnswer(null);
        return;
      }
      setBusy(true);
      void find(words).then((result) => {
        if (mine !== seq.current) return;
        setBusy(false);
        if (!result.ok) {
          setAnswer(null);
          setError(result.error.message);
          return;
        }
        setAnswer(result.value);
        const from = startPage === undefined ? 0 : result.value.hits.findIndex((h) => h.page >= startPage);
        setCurrent(Math.max(0, from));
      });
    },
    [find],
  );

  const count = answer?.hits.length ?? 0;
  const step = useCallback(
    (direction: 1 | -1) => {
      if (count === 0) return;
      setCurrent((c) => (c + direction + count) % count);
    },
    [count],
  );

  const submit = (direction: 1 | -1) => {
    if (answer !== null && foldText(query) === foldText(searched) && count > 0) step(direction);
    else run(query);
  };

  const close = () => {
    seq.current += 1;
    setSearched('');
    setAnswer(null);
    setBusy(false);
    setError(null);
  };

  return { query, setQuery, searched, answer, current, busy, error, hit: answer?.hits[current] ?? null, submit, run, step, close };
}

/** The line under the search box: where the expert is among the hits, or why there are none. */
export function searchStatus(search: FileSearch): string | null {
  if (search.busy) return `正在搜索“${search.searched}”……`;
  if (search.error !== null) return search.error;
  const answer = search.answer;
  if (answer === null) return null;
  if (answer.source === null) {
    if (answer.noText === 'password') return '此 PDF 设有打开密码，程序读不出其中的文字，无法搜索。';
    if (answer.noText === 'unreadable') return '程序读不出此文件的文字（文件可能已损坏或过于复杂），无法搜索。';
    return '此文件没有可搜索的文字：它是扫描件，还没有识别出文字（OCR）。';
  }
  const hits = answer.hits;
  if (hits.length === 0) return `没有找到“${search.searched}”。`;
  const hit = hits[search.current]!;
  const pages = new Set(hits.map((h) => h.page)).size;
  const more = answer.truncated ? `（只列出前 ${hits.length} 处）` : '';
  const ocr = answer.source === 'ocr' || answer.ocrPages?.includes(hit.page) ? '；文字由识别（OCR）得到，可能有误' : '';
  return `“${search.searched}”第 ${search.current + 1} / ${hits.length} 处${more}，在第 ${hit.page} 页（共 ${pages} 页有）${ocr}`;
}
