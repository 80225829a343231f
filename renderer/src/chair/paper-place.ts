/**
 * Where two paper entries differ, in the words of the paper form: the alliance's name, the
 * criterion's label and the item's title (合肥市…联盟 · 技术合同 · 语音识别技术许可合同 · 备注), not the
 * ids the comparison works with (HFA-011 · I4.techContracts · tc-2).
 */
import type { PaperFormView, PaperMismatchView } from '../../../shared/api/chair-types.ts';

export function mismatchPlace(mismatch: PaperMismatchView, form: PaperFormView): string {
  const { at } = mismatch;
  const parts: string[] = [];
  const alliance = at.allianceId === null ? undefined : form.alliances.find((a) => a.allianceId === at.allianceId);
  if (at.allianceId !== null) parts.push(alliance === undefined ? at.allianceId : `${alliance.allianceName}（${at.allianceId}）`);
  const criteria = form.rubric.groups.flatMap((group) => group.indicators.flatMap((indicator) => indicator.criteria));
  if (at.criterionId !== null) parts.push(criteria.find((c) => c.id === at.criterionId)?.label ?? at.criterionId);
  if (at.itemId !== null) {
    const claim = at.criterionId === null ? undefined : alliance?.claims[at.criterionId];
    const item = claim !== undefined && 'items' in claim ? claim.items.find((i) => i.id === at.itemId) : undefined;
    parts.push(item === undefined ? at.itemId : `${item.title}（${at.itemId}）`);
  }
  if (at.indicatorId !== null) {
    const indicator = form.rubric.groups.flatMap((group) => group.indicators).find((i) => i.id === at.indicatorId);
    parts.push(indicator === undefined ? at.indicatorId : `${at.indicatorId} ${indicator.label}`);
  }
  if (at.field !== null) parts.push(at.field);
  return parts.length === 0 ? mismatch.where : parts.join(' · ');
}
