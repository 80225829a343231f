/**
 * The expert's workspace (专家评分): choose a profile, sign in where the year's meeting needs
 * it (sign-in-screen.tsx), then the alliance list, then the scoring
 * view of one alliance. Which profile was chosen last is remembered on this laptop (only its
 * row id), so a reload returns to the same expert's list.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExpertWorkspace, SignInView, UndecidedView } from '../../../shared/api/expert-work-types.ts';
import { api } from '../api/api.ts';
import { ScoringView } from '../scoring/scoring-view.tsx';
import { AllianceList } from './alliance-list.tsx';
import { ExpertPicker } from './expert-picker.tsx';
import { SignInScreen, SignInSummary } from './sign-in-screen.tsx';
import './experts.css';
import '../scoring/scoring.css';
import '../evidence/evidence.css';

const remembered = 'alliance-review.expert';

function rememberedExpert(): number | null {
  const value = Number(window.localStorage.getItem(remembered));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function ExpertScreen() {
  const [expertId, setExpertId] = useState<number | null>(rememberedExpert);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [workspace, setWorkspace] = useState<ExpertWorkspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scoring, setScoring] = useState<{ packageId: number; focus: UndecidedView | null } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [signIn, setSignIn] = useState<SignInView | null>(null);

  useEffect(() => {
    if (expertId === null) return;
    let live = true;
    void api.invoke('expert-workspace', { expertId, ...(year === undefined ? {} : { year }) }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setWorkspace(result.value);
        setError(null);
      } else if (result.error.code === 'expert-not-found') {
        window.localStorage.removeItem(remembered);
        setExpertId(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [expertId, year, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  // The year's sign-in: where the year's meeting has a roster, scoring waits for it.
  const shownYear = workspace?.year ?? null;
  useEffect(() => {
    if (expertId === null || shownYear === null) return;
    let live = true;
    void api.invoke('sign-in-get', { expertId, year: shownYear }).then((result) => {
      if (!live) return;
      if (result.ok) setSignIn(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [expertId, shownYear]);

  const switchExpert = () => {
    window.localStorage.removeItem(remembered);
    setWorkspace(null);
    setScoring(null);
    setSignIn(null);
    setExpertId(null);
  };

  if (expertId === null) {
    return (
      <ExpertPicker
        onChoose={(expert) => {
          window.localStorage.setItem(remembered, String(expert.id));
          setWorkspace(null);
          setExpertId(expert.id);
        }}
      />
    );
  }
  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (!workspace || workspace.expert.id !== expertId) return <p className="muted">正在读取……</p>;
  if (workspace.year !== null && (signIn === null || signIn.year !== workspace.year)) return <p className="muted">正在读取……</p>;
  if (signIn !== null && signIn.required && signIn.signIn === null) {
    return (
      <SignInScreen
        expert={workspace.expert}
        view={signIn}
        alliances={workspace.alliances}
        onSignedIn={(view) => {
          setSignIn(view);
          refresh();
        }}
        onSwitchExpert={switchExpert}
      />
    );
  }

  if (scoring) {
    const links = workspace.alliances
      .filter((a) => a.status !== 'recused')
      .map((a) => ({ packageId: a.packageId, allianceId: a.allianceId, allianceName: a.allianceName }));
    return (
      <ScoringView
        key={scoring.packageId}
        expertId={expertId}
        packageId={scoring.packageId}
        alliances={links}
        focus={scoring.focus}
        onNavigate={(packageId) => {
          const next = workspace.alliances.find((a) => a.packageId === packageId);
          setScoring({ packageId, focus: next?.firstUndecided ?? null });
        }}
        onBack={() => {
          setScoring(null);
          refresh();
        }}
      />
    );
  }

  return (
    <>
      {signIn?.signIn && <SignInSummary signIn={signIn.signIn} alliances={workspace.alliances} />}
      <AllianceList
        workspace={workspace}
        onOpen={(packageId, focus) => setScoring({ packageId, focus })}
        onChanged={refresh}
        onYear={setYear}
        onSwitchExpert={switchExpert}
      />
    </>
  );
}
