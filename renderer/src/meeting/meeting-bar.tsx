/**
 * Meeting bar: which meeting the screen works on (the newest by default, remembered on this
 * laptop) and who operates (操作人), at the top of the meeting preparation and the chair's console.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Meeting } from '../../../shared/api/meeting-types.ts';
import { api } from '../api/api.ts';

const KEY = 'alliance-review.meeting';

function rememberedMeeting(): number | null {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** The meetings on this laptop and the chosen one; `reload` after a meeting file import. */
export function useMeetings(): {
  meetings: readonly Meeting[] | null;
  meetingId: number | null;
  choose: (id: number) => void;
  reload: () => void;
  error: string | null;
} {
  const [meetings, setMeetings] = useState<readonly Meeting[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(rememberedMeeting);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('meeting-list', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setMeetings(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [generation]);
  const meetingId = meetings === null ? null : (meetings.find((m) => m.id === chosen)?.id ?? meetings[0]?.id ?? null);
  return {
    meetings,
    meetingId,
    choose: (id) => {
      setChosen(id);
      try {
        window.localStorage.setItem(KEY, String(id));
      } catch {
        // Only the default choice is lost.
      }
    },
    reload: () => setGeneration((g) => g + 1),
    error,
  };
}

export function MeetingBar(props: {
  readonly meetings: readonly Meeting[] | null;
  readonly meetingId: number | null;
  readonly onChoose: (id: number) => void;
  readonly actor: string;
  readonly onActor: (name: string) => void;
  readonly children?: ReactNode;
}) {
  return (
    <div className="meeting-bar">
      <label>
        评审会议
        <select
          value={props.meetingId ?? ''}
          onChange={(e) => props.onChoose(Number(e.target.value))}
          disabled={props.meetings === null || props.meetings.length === 0}
          aria-label="评审会议"
        >
          {props.meetings?.length === 0 && <option value="">本机还没有评审会议</option>}
          {props.meetings?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.year} · {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        操作人
        <input
          value={props.actor}
          onChange={(e) => props.onActor(e.target.value)}
          placeholder="填写您的姓名，记入审计日志"
          maxLength={100}
          aria-label="操作人"
          className={props.actor.trim() === '' ? 'missing' : undefined}
        />
      </label>
      {props.children}
    </div>
  );
}
