/**
 * Exporting the result documents (结果文件) of the locked result: the signed PDFs and the Excel
 * workbook into a folder (desktop: the system's folder picker; browser shell: a typed path,
 * empty for `<data folder>/exports/<year>`), with progress and cancel; existing files are shown
 * and replaced only when the clerk confirms; the report lists the files written, the result
 * digest and the certificate that signed them. The bureau's certificate (PKCS#12) may be
 * imported first; it is used for this session only.
 */
import { useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import { resultDocumentsReport } from '../../../shared/api/job-results.ts';
import type { ResultCertificateView, ResultDocumentsReport } from '../../../shared/api/result-document-types.ts';
import { api } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { fileSources } from '../meeting/file-sources.ts';
import { useJob } from '../packages/use-job.ts';
import './result-documents.css';

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export function ResultDocumentsPanel({ meetingId, year }: { readonly meetingId: number; readonly year: number }) {
  const [folder, setFolder] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [report, setReport] = useState<ResultDocumentsReport | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const [certificate, setCertificate] = useState<ResultCertificateView | null>(null);
  const [password, setPassword] = useState('');
  const certificateInput = useRef<HTMLInputElement>(null);

  const job = useJob(jobId, (status: JobStatus) => {
    setJobId(null);
    const ended = resultDocumentsReport(status);
    if (status.state === 'failed') return setMessage({ kind: 'error', text: status.error?.message ?? '导出失败' });
    if (status.state === 'cancelled') {
      setReport(null);
      return setMessage({ kind: 'notice', text: `导出已取消。已写入的 ${ended?.files.length ?? 0} 个文件完整保留，其余未写入。` });
    }
    setReport(ended);
  });

  const start = async (overwrite: boolean) => {
    setMessage(null);
    setReport(null);
    const started = await api.invoke('result-documents-export', { meetingId, folder, overwrite });
    if (!started.ok) return setMessage({ kind: 'error', text: started.error.message });
    setFolder(started.value.folder);
    setJobId(started.value.jobId);
  };

  const importCertificate = async (files: readonly File[]) => {
    setMessage(null);
    const sources = await fileSources(files.slice(0, 1));
    const source = sources.ok ? sources.sources[0] : undefined;
    if (!sources.ok || source === undefined) return setMessage({ kind: 'error', text: sources.ok ? '没有选择证书文件' : sources.message });
    const imported = await api.invoke('result-certificate-import', { source, password });
    setPassword('');
    if (imported.ok) setCertificate(imported.value);
    else setMessage({ kind: 'error', text: imported.error.message });
  };

  const progress = job?.progress;
  const running = jobId !== null;
  return (
    <section className="result-documents" aria-labelledby="result-documents-title" data-testid="result-documents">
      <h3 id="result-documents-title">导出结果文件（PDF 与 Excel）</h3>
      <p className="hint">
        由定稿结果生成考核结果汇总表、公示名单、每个联盟的评分明细表、每位专家的评分表（均为带数字签名的 PDF）和 Excel 工作簿。
        签名证书：{certificate ? `市科技局证书 ${certificate.subject}` : '本机证书（未导入市科技局证书时使用）'}。
      </p>
      <div className="setting-row">
        <label className="grow">
          结果文件的文件夹
          <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={`留空则保存到数据文件夹中的 exports/${year}`} aria-label="结果文件的文件夹" disabled={running} />
        </label>
        {api.pathForFile && (
          <button
            type="button"
            className="secondary"
            disabled={running}
            onClick={() =>
              void api.invoke('sheet-folder-pick', {}).then((picked) => {
                if (picked.ok && picked.value !== null) setFolder(picked.value);
              })
            }
          >
            选择文件夹…
          </button>
        )}
        <button type="button" disabled={running} onClick={() => void start(false)}>
          导出结果文件（PDF 与 Excel）
        </button>
      </div>
      <details className="certificate-import">
        <summary>使用市科技局证书签名（导入 .p12/.pfx）</summary>
        <p className="hint">证书和密码只在本次运行中使用，不保存到本机。</p>
        <div className="setting-row">
          <label>
            证书密码
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-label="证书密码" autoComplete="off" />
          </label>
          <button type="button" className="secondary" onClick={() => certificateInput.current?.click()}>
            选择证书文件并导入…
          </button>
          <input
            ref={certificateInput}
            type="file"
            accept=".p12,.pfx,application/x-pkcs12"
            hidden
            data-testid="certificate-file-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void importCertificate(files);
            }}
          />
        </div>
        {certificate && (
          <p className="notice" role="status">
            已导入：{certificate.subject}，SHA-256 指纹 <code>{certificate.fingerprint}</code>，有效期至 {certificate.validTo.slice(0, 10)}。
          </p>
        )}
      </details>

      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}

      {running && (
        <div className="import-progress" role="status" aria-live="polite" data-testid="result-documents-progress">
          <div className="progress-line">
            <span>正在导出：{progress?.current || '准备中……'}</span>
            <span>
              {progress?.filesDone ?? 0} / {progress?.filesTotal ?? 0} 个文件
            </span>
          </div>
          <progress max={Math.max(1, progress?.filesTotal ?? 0)} value={progress?.filesDone ?? 0} aria-label="导出进度" />
          <button type="button" className="secondary" onClick={() => jobId && void api.invoke('job-cancel', { jobId })}>
            取消导出
          </button>
        </div>
      )}

      {report?.outcome === 'exists' && (
        <div className="warning" role="alert" data-testid="result-documents-existing">
          <p>文件夹 {report.folder} 中已有以下 {report.existing.length} 个同名文件，没有写入任何文件：</p>
          <ul className="existing-files">
            {report.existing.map((path) => (
              <li key={path}>{fileName(path)}</li>
            ))}
          </ul>
          <button type="button" className="danger" onClick={() => void start(true)}>
            覆盖这些文件
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setReport(null)}>
            不覆盖（换一个文件夹）
          </button>
        </div>
      )}

      {report?.outcome === 'written' && (
        <div className="export-report" data-testid="result-documents-report" aria-label="结果文件导出报告">
          <p className="notice" role="status">
            已写入 {report.files.length} 个文件到 {report.folder}。
          </p>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col" className="num">页数</th>
                <th scope="col" className="num">大小</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((file) => (
                <tr key={file.path}>
                  <td>{fileName(file.path)}</td>
                  <td className="num">{file.pages ?? '—'}</td>
                  <td className="num">{formatBytes(file.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="export-facts">
            <dt>结果摘要（SHA-256）</dt>
            <dd>
              <code data-testid="result-documents-digest">{report.resultDigest}</code>
            </dd>
            {report.certificate && (
              <>
                <dt>签名证书</dt>
                <dd>
                  {report.certificate.origin === 'bureau' ? '市科技局证书' : '本机自签名证书'}：{report.certificate.subject}
                </dd>
                <dt>证书指纹（SHA-256）</dt>
                <dd>
                  <code data-testid="result-documents-certificate">{report.certificate.fingerprint}</code>
                </dd>
              </>
            )}
          </dl>
          {report.missingCharacters.length > 0 && (
            <p className="warning" role="alert">
              以下字符随附字体中没有，PDF 中以 〓 代替，请在打印件上手工更正：
              {report.missingCharacters.map((entry) => `${entry.char}（${entry.codePoint}）`).join('、')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
