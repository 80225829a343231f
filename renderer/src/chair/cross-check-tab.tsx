/**
 * 材料核查 (the cross-check, docs/cross-check.md) in the chair's console: what no single
 * expert can see, over every package of the meeting and the earlier years' packages on this
 * laptop: the same file or identifier claimed twice, similar photos and pages, wrong check
 * characters, dates. Each finding is a hint, never a verdict and never a score change; each
 * names every place it concerns, side by side.
 *
 * The check runs when the tab opens (files read before are not read again) and on 重新核查.
 * The chair may write a note on a finding (经核实为两联盟共同承担的项目); it goes into the audit log.
 * Each place of this year's packages that a claim names opens the drill-down at that claim,
 * with the place's file at its page in the evidence pane. A place in an earlier year's package
 * (往年材料再次使用) opens that package's file at its page right under the finding, read-only
 * (the drill-down shows only this meeting's packages); when that package is not on this
 * laptop, the place says so.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CrossCheckView, NotedFinding } from '../../../shared/api/integrity-types.ts';
import type { PackageDetail, PackageSummary } from '../../../shared/api/package-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { findingKindNames, findingKinds, placeLabel, type FindingPlace } from '../../../shared/integrity/finding.ts';
import { criterionNames, type CriterionNames } from '../../../shared/integrity/finding-words.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { api } from '../api/api.ts';
import { EvidenceViewer } from '../evidence/evidence-viewer.tsx';
import { evidenceTarget } from '../evidence/evidence-target.ts';
import type { DrillTarget } from './drill-target.ts';
import { Changes } from './changes.tsx';

/**
 * The drill-down at a place's claim and file; null for a place the drill-down cannot show (an
 * earlier year's package, a file no claim names). A criterion id is `<indicator>.<name>`
 * (parse-rubric.ts checks it), so its indicator is the part before the last dot.
 */
function placeTarget(place: FindingPlace, year: number): DrillTarget | null {
  if (place.year !== year || place.criterion === null) return null;
  const dot = place.criterion.lastIndexOf('.');
  if (dot <= 0) return null;
  const reference = place.file === null ? undefined : `${place.file}${place.page === null ? '' : `#page=${place.page}`}`;
  return { allianceId: place.allianceId, indicatorId: place.criterion.slice(0, dot), evidenceOf: { criterionId: place.criterion, itemId: place.itemId, reference } };
}

/** The package of an earlier year a place is in: the alliance's newest of that year, as the check compares. */
function earlierPackage(packages: readonly PackageSummary[] | null, place: FindingPlace): PackageSummary | null {
  return packages?.find((p) => p.allianceId === place.allianceId && p.year === place.year && !p.superseded) ?? null;
}

/** An earlier year's place shown under its finding: which finding and place, its package and file. */
interface EarlierShown {
  readonly findingKey: string;
  readonly placeIndex: number;
  readonly pkg: PackageSummary;
  readonly reference: string;
}

export function CrossCheckTab({
  meetingId,
  actor,
  rubric,
  onDrill,
}: {
  readonly meetingId: number;
  readonly actor: string;
  /** For the criteria's words in each place (the findings' details come worded from main). */
  readonly rubric: Rubric | null;
  readonly onDrill: (target: DrillTarget) => void;
}) {
  const names = useMemo(() => criterionNames(rubric), [rubric]);
  const [checked, setChecked] = useState<{ readonly meetingId: number; readonly run: number; readonly view: CrossCheckView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState(0);
  // Every package on this laptop, to find an earlier year's place's package; null until read.
  const [packages, setPackages] = useState<readonly PackageSummary[] | null>(null);
  const [earlier, setEarlier] = useState<EarlierShown | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('package-list', {}).then((result) => {
      if (live && result.ok) setPackages(result.value);
    });
    return () => {
      live = false;
    };
  }, [run]);
  useEffect(() => {
    let live = true;
    void api.invoke('cross-check-findings', { meetingId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setChecked({ meetingId, run, view: result.value });
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [meetingId, run]);

  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  // Another meeting's findings, or those before 重新核查, are not shown while the check runs.
  const view = checked !== null && checked.meetingId === meetingId && checked.run === run ? checked.view : null;
  if (view === null) return <p className="muted">正在核查材料……（每个文件只读一次，以后再核查会快得多）</p>;
  // The meeting's year: every finding has a place in this meeting's packages, the newest year of all.
  const year = Math.max(...view.findings.flatMap((f) => f.places.map((p) => p.year)));
  const counts = findingKinds.map((kind) => [kind, view.findings.filter((f) => f.kind === kind).length] as const).filter(([, n]) => n > 0);
  return (
    <div className="cross-check" data-testid="cross-check">
      <p className="cross-check-summary">
        核查了本次会议的 {view.packages} 个材料包
        {view.earlierPackages > 0 ? `，并与本机往年的 ${view.earlierPackages} 个材料包比较` : '（本机没有往年的材料包可比较）'}：
        {view.findings.length === 0 ? '没有发现需要核对的情况。' : `${view.findings.length} 条提示。`}
        <button type="button" className="secondary" onClick={() => setRun((n) => n + 1)}>
          重新核查
        </button>
      </p>
      <p className="small muted">每条都只是提示，不是结论，也不改变分数：两个联盟共同承担的项目、同一成员单位的同一份证书都可能是正当的。请对照原件核实。</p>
      {counts.length > 0 && (
        <p className="cross-check-kinds">
          {counts.map(([kind, n]) => (
            <span key={kind} className={`flag-badge finding-${kind}`}>
              {findingKindNames[kind]} {n}
            </span>
          ))}
        </p>
      )}
      <ol className="flag-items">
        {view.findings.map((finding) => (
          <FindingItem
            key={finding.key}
            finding={finding}
            names={names}
            meetingId={meetingId}
            actor={actor}
            onChanged={(next) => setChecked({ meetingId, run, view: next })}
            onOpen={(place, placeIndex) => {
              if (place.year !== year) {
                const pkg = earlierPackage(packages, place);
                if (place.file === null) return null;
                if (pkg === null) return packages === null ? null : { absent: `${place.year} 年的这个材料包不在本机，不能打开；需要核对时请取来当年的材料包。` };
                const reference = `${place.file}${place.page === null ? '' : `#page=${place.page}`}`;
                return { label: '打开往年材料（只读）', run: () => setEarlier({ findingKey: finding.key, placeIndex, pkg, reference }) };
              }
              const target = placeTarget(place, year);
              return target === null ? null : { label: place.file === null ? '查看申报' : '打开证明材料', run: () => onDrill(target) };
            }}
            shown={
              earlier !== null && earlier.findingKey === finding.key ? (
                <EarlierEvidence key={`${earlier.placeIndex}`} shown={earlier} onClose={() => setEarlier(null)} />
              ) : null
            }
          />
        ))}
      </ol>
    </div>
  );
}

/** What a place offers: a link (its words and what it does), why it cannot be opened, or nothing. */
type PlaceOpening = { readonly label: string; readonly run: () => void } | { readonly absent: string } | null;

/**
 * An earlier year's package's file at its page, read-only: the package's files are listed and
 * shown as the drill-down shows evidence, without anything to decide or remember.
 */
function EarlierEvidence({ shown, onClose }: { readonly shown: EarlierShown; readonly onClose: () => void }) {
  const [detail, setDetail] = useState<PackageDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState({ reference: shown.reference, seq: 0 });
  useEffect(() => {
    let live = true;
    void api.invoke('package-detail', { packageId: shown.pkg.id }).then((result) => {
      if (!live) return;
      if (result.ok) setDetail(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [shown.pkg.id]);
  const { pkg } = shown;
  return (
    <div className="earlier-evidence" data-testid="earlier-evidence">
      <p className="small">
        往年材料（只读）：{pkg.allianceName}（{pkg.allianceId}）{pkg.year} 年第 {pkg.version} 版 · {evidenceTarget(shown.reference).path}{' '}
        <button type="button" className="secondary small" onClick={onClose}>
          关闭
        </button>
      </p>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="drill-evidence">
        {detail === null ? (
          <p className="muted loading">正在读取……</p>
        ) : (
          <EvidenceViewer
            expertId={null}
            packageId={pkg.id}
            files={detail.files}
            claimEvidence={[shown.reference]}
            claimLabel={`${pkg.year} 年的这一处`}
            opened={evidenceTarget(opened.reference)}
            openSeq={opened.seq}
            onOpen={(reference) => setOpened((o) => ({ reference, seq: o.seq + 1 }))}
            onPageChange={() => undefined}
          />
        )}
      </div>
    </div>
  );
}

function FindingItem({
  finding,
  names,
  meetingId,
  actor,
  onChanged,
  onOpen,
  shown,
}: {
  readonly finding: NotedFinding;
  readonly names: CriterionNames;
  readonly meetingId: number;
  readonly actor: string;
  readonly onChanged: (view: CrossCheckView) => void;
  /** What a place offers. */
  readonly onOpen: (place: FindingPlace, placeIndex: number) => PlaceOpening;
  /** An earlier year's place opened under this finding. */
  readonly shown: ReactNode;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    const result = await api.invoke('cross-check-note-save', { meetingId, actor, findingKey: finding.key, note });
    if (result.ok) {
      setNote('');
      onChanged(result.value);
    } else setError(result.error.message);
  };
  return (
    <li className="flag-item" data-testid="finding" data-kind={finding.kind}>
      <div className="flag-head">
        <span className={`flag-badge finding-${finding.kind}`}>{findingKindNames[finding.kind]}</span>
        {finding.identifier !== null && <code>{finding.identifier}</code>}
      </div>
      <p className="flag-detail">{finding.detail}</p>
      <ul className="finding-places">
        {finding.places.map((place, j) => {
          const open = onOpen(place, j);
          return (
            <li key={j}>
              {placeLabel(place, { year: true, names })}
              {open !== null && 'run' in open && (
                <button type="button" className="link small" data-testid="finding-open" onClick={open.run}>
                  {open.label}
                </button>
              )}
              {open !== null && 'absent' in open && (
                <span className="small muted" data-testid="finding-absent">
                  （{open.absent}）
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {shown}
      {finding.note && (
        <p className="flag-note" data-testid="finding-note">
          主任批注：<strong>{finding.note.text}</strong>{' '}
          <span className="small muted">
            （{finding.note.by}，{chinaDateTime(finding.note.at)}）
          </span>
        </p>
      )}
      <Changes>
        <div className="note-form">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={finding.note ? '修改批注（原批注保留在审计日志中）' : '核实结果（记入审计日志）'}
            aria-label={`对这条${findingKindNames[finding.kind]}提示的批注`}
          />
          <button type="button" onClick={() => void save()} disabled={note.trim() === ''}>
            保存批注
          </button>
        </div>
      </Changes>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
