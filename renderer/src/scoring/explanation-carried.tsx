/**
 * 补正 on the expert's screen: the alliance handed in a corrected package, and the decisions the
 * expert had made on claims that did not change were carried over to it (待确认). The banner says
 * so and confirms them all in one action; the row marks say which decision is carried and which
 * claim was changed (材料已补正, reopened and undecided).
 */
import { useState } from 'react';

export interface CarriedBannerProps {
  readonly allianceName: string;
  readonly carried: number;
  readonly amended: number;
  readonly readOnly: boolean;
  /** Resolves once the confirmation is stored (or refused). */
  readonly onConfirm: () => Promise<unknown>;
}

export function CarriedBanner({ allianceName, carried, amended, readOnly, onConfirm }: CarriedBannerProps) {
  // One press is enough; a second press while the first is on its way does nothing more.
  const [busy, setBusy] = useState(false);
  if (carried === 0 && amended === 0) return null;
  return (
    <div className="banner carried-banner" role="note" data-testid="carried-banner">
      <p>
        {allianceName}已提交补正后的材料包。
        {carried > 0 && <>您对未改动申报项的 {carried} 项评定已沿用，标为“待确认”，请核对后确认。</>}
        {amended > 0 && <>有 {amended} 个评分项的材料已补正（标“材料已补正”），需要重新评定。</>}
      </p>
      {carried > 0 && !readOnly && (
        <button
          type="button"
          className="primary small"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => setBusy(false));
          }}
        >
          确认沿用的 {carried} 项评定
        </button>
      )}
    </div>
  );
}

/** The marks beside one claim row: its decision is carried (待确认), its claim was changed. */
export function CarriedMarks({ carried, amended }: { readonly carried: boolean; readonly amended: boolean }) {
  if (!carried && !amended) return null;
  return (
    <span className="carried-marks">
      {carried && (
        <span className="badge carried" title="沿用您对上一版材料的评定，请核对后在页首确认">
          待确认
        </span>
      )}
      {amended && (
        <span className="badge amended" title="联盟补正了这一项的材料，请重新评定">
          材料已补正
        </span>
      )}
    </span>
  );
}
