/**
 * The rotation this expert last gave a file (by content hash), for every viewer that turns
 * pages (the PDF viewer, the page viewer of TIFF scans and OFD documents): read before the file
 * is shown, so a turned scan never flashes unturned; a turn is shown at once and stored in the
 * background (`evidence-view-set`). Without an expert (the chair's console) nothing is stored.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/api.ts';
import type { Rotation } from './pdf-rotation.ts';

export function useRememberedRotation(expertId: number | null, sha256: string) {
  const [rotation, setRotation] = useState<Rotation | null>(expertId === null ? 0 : null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (expertId === null) return;
    let live = true;
    void api.invoke('evidence-view', { expertId, sha256 }).then((result) => {
      // Not being able to read it only costs the expert a turn: show the file unturned.
      if (live) setRotation(result.ok ? result.value.rotation : 0);
    });
    return () => {
      live = false;
    };
  }, [expertId, sha256]);
  const change = (next: Rotation) => {
    setRotation(next);
    if (expertId === null) return;
    void api.invoke('evidence-view-set', { expertId, sha256, rotation: next }).then((result) => {
      setNotice(result.ok ? null : `旋转没有记住（${result.error.message}），下次打开时需重新旋转。`);
    });
  };
  return { rotation, change, notice };
}
