/**
 * Packages (材料包): the clerk imports the alliances' packages before the meeting and sees
 * what is in the store. Import: file picker, folder picker (desktop), drag-and-drop, or the
 * sample meeting; progress with file counts and bytes; cancel; a report per package.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { FileSource } from '../../../shared/api/file-source.ts';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import type { PackageImportReport, PackageSummary } from '../../../shared/api/package-types.ts';
import { api } from '../api/api.ts';
import { allianceKindLabel, gradeLabel } from '../common/labels.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import { ImportFindingsView, useImportFindings } from './import-findings.tsx';
import { OcrProgressCell, useOcrProgress } from './ocr-progress.tsx';
import { useJob } from './use-job.ts';
import { uploadFile } from './upload.ts';


const outcomeLabel: Record<PackageImportReport['outcome'], string> = {
  imported: '已导入',
  'already-imported': '已导入过（同一摘要），未重复保存',
  refused: '未导入',
  cancelled: '已取消',
};

export function PackagesScreen() {
  const [packages, setPackages] = useState<readonly PackageSummary[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [reports, setReports] = useState<readonly PackageImportReport[]>([]);
  const importFindings = useImportFindings(reports);
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Set while the running import is the sample's: when it ends, the sample meeting is set up.
  const sampleImport = useRef(false);

  useEffect(() => {
    let live = true;
    void api.invoke('package-list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setPackages(result.value);
      else setMessage(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const ocr = useOcrProgress(generation);

  const loadSampleMeeting = async () => {
    const result = await api.invoke('sample-meeting-load', {});
    if (!result.ok) return setMessage(result.error.message);
    const { name, outcome } = result.value;
    setMessage(
      outcome === 'created'
        ? `示例会议“${name}”已载入：材料包、会议设置（奖励预算 100 万元）和 5 位专家的名册都已就绪。下一步：到“专家评分”建档，从名册中选择一位专家即可开始评分；会议设置可在“会议准备”查看。`
        : `示例会议“${name}”已经载入过，没有重复载入，也没有改动。可直接到“专家评分”开始评分。`,
    );
  };

  const job = useJob(jobId, (status: JobStatus) => {
    setJobId(null);
    setReports(packageImportReports(status));
    setGeneration((g) => g + 1);
    if (status.state === 'failed' && status.error) setMessage(status.error.message);
    if (status.state === 'cancelled') setMessage('导入已取消。已完成的包保留，未完成的包没有留下任何数据。');
    const sample = sampleImport.current;
    sampleImport.current = false;
    if (sample && status.state === 'done') void loadSampleMeeting();
  });

  const startImport = async (sources: FileSource[]) => {
    if (sources.length === 0) return;
    setMessage(null);
    setReports([]);
    const result = await api.invoke('package-import', { sources });
    if (result.ok) setJobId(result.value.jobId);
    else setMessage(result.error.message);
  };

  const importFiles = async (files: readonly File[]) => {
    const sources: FileSource[] = [];
    for (const file of files) {
      if (api.pathForFile) {
        sources.push({ path: api.pathForFile(file) });
        continue;
      }
      setMessage(`正在上传 ${file.name}……`);
      const uploaded = await uploadFile(file);
      if (!uploaded.ok) {
        setMessage(`${file.name}：${uploaded.message}`);
        return;
      }
      sources.push({ uploadId: uploaded.uploadId, name: file.name });
    }
    await startImport(sources);
  };

  const pick = async (folders: boolean) => {
    const result = await api.invoke('package-pick', { folders });
    if (result.ok) await startImport(result.value.map((path) => ({ path })));
    else if (result.error.code === 'not-available') fileInput.current?.click();
    else setMessage(result.error.message);
  };

  const importSamples = async () => {
    setMessage(null);
    setReports([]);
    const result = await api.invoke('sample-packages-import', {});
    sampleImport.current = result.ok;
    if (result.ok) setJobId(result.value.jobId);
    else setMessage(result.error.message);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (jobId !== null) return;
    void importFiles([...event.dataTransfer.files]);
  };

  const running = jobId !== null;
  const progress = job?.progress;
  const percent = progress && progress.bytesTotal > 0 ? Math.min(100, Math.round((progress.bytesDone / progress.bytesTotal) * 100)) : 0;

  return (
    <section
      className={`screen packages${dragging ? ' dragging' : ''}`}
      aria-labelledby="packages-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="screen-header">
        <h2 id="packages-title">联盟材料包</h2>
        <div className="actions">
          <button type="button" onClick={() => void pick(false)} disabled={running}>
            导入材料包（.zip）…
          </button>
          {api.pathForFile && (
            <button type="button" className="secondary" onClick={() => void pick(true)} disabled={running}>
              导入文件夹…
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void importSamples()} disabled={running}>
            载入示例会议
          </button>
        </div>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".zip,application/zip"
        multiple
        hidden
        data-testid="package-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(files);
        }}
      />
      <p className="hint">可一次选择多个 .zip 文件，或把文件直接拖到本页面。导入时逐个检查，有错误的包不会导入，也不会改动已有数据。</p>

      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}

      {running && (
        <div className="import-progress" role="status" aria-live="polite">
          <div className="progress-line">
            <span>正在导入：{progress?.current || '准备中……'}</span>
            <span>
              {progress?.filesDone ?? 0} / {progress?.filesTotal ?? 0} 个文件 · {formatBytes(progress?.bytesDone ?? 0)} / {formatBytes(progress?.bytesTotal ?? 0)}
            </span>
          </div>
          <progress max={100} value={percent} aria-label="导入进度" />
          <button type="button" className="secondary" onClick={() => jobId && void api.invoke('job-cancel', { jobId })}>
            取消导入
          </button>
        </div>
      )}

      {reports.length > 0 && (
        <div className="import-reports" aria-label="导入报告">
          {reports.map((report, i) => (
            <article key={`${report.source}-${i}`} className={`report report-${report.outcome}`} data-testid="import-report">
              <h3>
                {report.allianceName ?? report.source} <span className="outcome">{outcomeLabel[report.outcome]}</span>
                {report.version !== null && report.outcome === 'imported' && <span className="muted"> 第 {report.version} 版</span>}
              </h3>
              <p className="muted">{report.source}</p>
              {report.problems.length > 0 && (
                <ul className="problems">
                  {report.problems.map((p, j) => (
                    <li key={j} className={p.severity}>
                      <span className="severity">{p.severity === 'error' ? '错误' : '提醒'}</span>
                      <span className="problem-place">{p.place ?? p.path}</span> {p.message}
                    </li>
                  ))}
                </ul>
              )}
              <ImportFindingsView report={report} findings={importFindings} />
            </article>
          ))}
        </div>
      )}

      {packages === null ? (
        <p className="muted">正在读取……</p>
      ) : packages.length === 0 ? (
        <p className="muted empty">还没有导入材料包。点击“载入示例会议”可先用示例数据熟悉流程。</p>
      ) : (
        <table className="table" aria-label="已导入的材料包">
          <thead>
            <tr>
              <th scope="col">联盟</th>
              <th scope="col">类型</th>
              <th scope="col">年度</th>
              <th scope="col">版本</th>
              <th scope="col">摘要</th>
              <th scope="col" className="num">自评分</th>
              <th scope="col">自评等级</th>
              <th scope="col" className="num">提醒</th>
              <th scope="col" className="num">文件</th>
              <th scope="col">扫描件文字识别</th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => (
              <tr key={p.id} data-testid="package-row" className={p.superseded ? 'superseded' : undefined}>
                <td>
                  <div>{p.allianceName}</div>
                  <div className="muted small">{p.allianceId}</div>
                </td>
                <td>{allianceKindLabel[p.allianceKind]}</td>
                <td>{p.year}</td>
                <td>
                  第 {p.version} 版{p.superseded && <span className="muted small">（已有新版）</span>}
                </td>
                <td>
                  <code title={p.digest}>{p.digest.slice(0, 12)}</code>
                </td>
                <td className="num">{p.selfTotal}</td>
                <td>{gradeLabel[p.selfGrade]}</td>
                <td className="num">{p.warningCount > 0 ? <span className="warn-count">{p.warningCount}</span> : 0}</td>
                <td className="num">
                  {p.fileCount} <span className="muted small">({formatBytes(p.totalBytes)})</span>
                </td>
                <td>
                  <OcrProgressCell progress={ocr.get(p.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
