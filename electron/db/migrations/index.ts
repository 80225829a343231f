import type { Migration } from '../migration.ts';
import { m0001Meetings } from './0001-meetings.ts';
import { m0002Packages } from './0002-packages.ts';
import { m0003ExpertWork } from './0003-expert-work.ts';
import { m0004MeetingAndPanel } from './0004-meeting-and-panel.ts';
import { m0005EvidenceView } from './0005-evidence-view.ts';
import { m0006Ocr } from './0006-ocr.ts';
import { m0007CrossCheck } from './0007-cross-check.ts';
import { m0008PanelProcedure } from './0008-panel-procedure.ts';
import { m0009RosterAndSignIn } from './0009-roster-and-sign-in.ts';
import { m0010MeetingCrossCheck } from './0010-meeting-cross-check.ts';
import { m0011Clarification } from './0011-clarification.ts';
import { m0012PackageFileType } from './0012-package-file-type.ts';

/** Every migration, in order. Append only: a released step is never edited. */
export const migrations: readonly Migration[] = [
  m0001Meetings,
  m0002Packages,
  m0003ExpertWork,
  m0004MeetingAndPanel,
  m0005EvidenceView,
  m0006Ocr,
  m0007CrossCheck,
  m0008PanelProcedure,
  m0009RosterAndSignIn,
  m0010MeetingCrossCheck,
  m0011Clarification,
  m0012PackageFileType,
];
