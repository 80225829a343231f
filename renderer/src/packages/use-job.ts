/**
 * Follows a job in the main process (an import) until it ends, by polling `job-status`:
 * the same in both shells. Polls quickly at first so short jobs feel instant.
 */
import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import { api } from '../api/api.ts';

export function useJob(jobId: string | null, onEnd: (status: JobStatus) => void): JobStatus | null {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (jobId === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const poll = () => {
      void api.invoke('job-status', { jobId }).then((result) => {
        if (!live) return;
        if (!result.ok) {
          onEnd({
            id: jobId,
            kind: 'unknown',
            state: 'failed',
            progress: { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, current: '' },
            results: [],
            error: result.error,
          });
          return;
        }
        setStatus(result.value);
        if (result.value.state === 'running') {
          polls += 1;
          timer = setTimeout(poll, polls < 10 ? 50 : 200);
        } else {
          onEnd(result.value);
        }
      });
    };
    poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // onEnd is a callback from the caller; following a job must not restart when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);
  return jobId === null ? null : status;
}
