/** The roster at a glance: each expert's sheet state and key fingerprint. */
import type { PanelExpertView } from '../../../shared/api/chair-types.ts';
import { EXPERT_STATE_LABELS } from './flag-labels.ts';

export function ExpertStrip({ experts }: { readonly experts: readonly PanelExpertView[] }) {
  return (
    <ul className="expert-strip" aria-label="专家评分表状态">
      {experts.map((e) => (
        <li key={e.id} className={`expert-chip ${e.state}`} data-testid="expert-chip" data-expert={e.id}>
          <strong>
            {e.id} {e.name}
          </strong>
          <span className="state">{EXPERT_STATE_LABELS[e.state]}</span>
          {e.fingerprint && <code className="small">{e.fingerprint}</code>}
          {e.paper && (
            <span className="small">
              {e.paper.enteredBy} 录入 / {e.paper.confirmedBy} 复核
            </span>
          )}
        </li>
      ))}
      {experts.length === 0 && <li className="muted">专家名册是空的。</li>}
    </ul>
  );
}
