/** The roster as the clerk types or pastes it on 会议准备, one entry a line, and back. */
import type { RosterEntry } from '../../../shared/meeting/roster.ts';

/**
 * One roster entry a line: `编号，姓名，职称，专业，工作单位，组长`, e.g.
 * `E01，王明，教授，材料科学，合肥工业大学，组长`. Fields are split at tabs (a roster pasted
 * from a spreadsheet) or commas; only id and name are required, and a field reading 组长 marks
 * the leader wherever it stands after the name. A line with neither is read as before these
 * fields existed: the id, then the name (which may hold spaces, `E05 Anna Li`), and 组长 if
 * the line ends with it.
 */
export function parseRosterText(text: string): RosterEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      if (!/[\t,，、]/.test(line)) {
        const match = /^(\S+)\s+(.+?)(?:\s+(组长))?$/.exec(line);
        const empty = { title: '', specialty: '', employer: '' };
        return match ? { id: match[1] ?? '', name: (match[2] ?? '').trim(), ...empty, leader: match[3] !== undefined } : { id: line, name: '', ...empty, leader: false };
      }
      const fields = line.split(/\s*[\t,，、]\s*/).map((field) => field.trim());
      const [id = '', name = '', ...rest] = fields;
      const leader = rest.some((field) => field === '组长');
      const [title = '', specialty = '', employer = ''] = rest.filter((field) => field !== '组长');
      return { id, name, title, specialty, employer, leader };
    });
}

export function rosterLine(entry: RosterEntry): string {
  const fields = [entry.id, entry.name, entry.title, entry.specialty, entry.employer];
  while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
  return [...fields, ...(entry.leader ? ['组长'] : [])].join('，');
}
