/**
 * The roster (专家名册): the experts invited to a meeting, as the clerk enters them on 会议准备.
 *
 * - roster entry: an expert's roster id (`E01`, what their sheet must carry exactly), name,
 *   title (职称), specialty (专业), employer (工作单位) and whether they are the panel's leader
 *   (组长). Title, specialty and employer are '' when not given: rosters from before these
 *   fields existed have none.
 * - leader (组长): at most one entry; none is allowed while the roster is being prepared.
 *
 * The checks here are the ones a roster must pass wherever it comes from (the clerk's screen
 * or a meeting file); each problem names the roster line in the clerk's words.
 */

export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly specialty: string;
  readonly employer: string;
  readonly leader: boolean;
}

export const ROSTER_LIMITS = { title: 100, specialty: 100, employer: 200 } as const;

/** How a line of the roster is named in a message: `第 3 行（王明）`. */
export function rosterLineWords(index: number, entry: Pick<RosterEntry, 'name' | 'id'>): string {
  const who = entry.name.trim() !== '' ? entry.name.trim() : entry.id;
  return `第 ${index + 1} 行（${who}）`;
}

/** Every problem of a roster, in Chinese, each naming its line; none means fine. */
export function rosterProblems(entries: readonly RosterEntry[]): string[] {
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  entries.forEach((entry, i) => {
    const line = rosterLineWords(i, entry);
    const earlier = firstLine.get(entry.id);
    if (earlier !== undefined) {
      problems.push(`专家名册${line}的编号 ${entry.id} 与${rosterLineWords(earlier, entries[earlier]!)}重复，每位专家的编号必须不同。`);
    } else {
      firstLine.set(entry.id, i);
    }
    // Ids differing only in case (`e01` beside `E01`) would be told apart by the program but
    // not by the people reading them out; refuse them so a typed id can never pick the wrong one.
    const sameFolded = entries.findIndex((other, j) => j < i && other.id !== entry.id && other.id.toUpperCase() === entry.id.toUpperCase());
    if (sameFolded >= 0) {
      problems.push(`专家名册${line}的编号 ${entry.id} 与${rosterLineWords(sameFolded, entries[sameFolded]!)}的编号 ${entries[sameFolded]!.id} 只差大小写，容易混淆，请改用不同的编号。`);
    }
    for (const field of ['title', 'specialty', 'employer'] as const) {
      if (entry[field].length > ROSTER_LIMITS[field]) {
        problems.push(`专家名册${line}的${FIELD_WORDS[field]}超过 ${ROSTER_LIMITS[field]} 个字，请缩短。`);
      }
    }
  });
  const leaders = entries.flatMap((entry, i) => (entry.leader ? [rosterLineWords(i, entry)] : []));
  if (leaders.length > 1) {
    problems.push(`专家名册中有 ${leaders.length} 位组长（${leaders.join('、')}），只能有一位组长；请只在一行标“组长”。`);
  }
  return problems;
}

export const FIELD_WORDS = { title: '职称', specialty: '专业', employer: '工作单位' } as const;

/** The roster in one line for the audit log: `E01 王明 教授 材料 合肥工业大学 组长、E02 …`, by id. */
export function rosterText(entries: readonly RosterEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => [e.id, e.name, e.title, e.specialty, e.employer, e.leader ? '组长' : ''].filter((part) => part !== '').join(' '))
    .join('、');
}
