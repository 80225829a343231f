/**
 * 补正 requests as the chair's console shows them: what the chair asked an alliance for, by
 * when, and whether its corrected package has arrived (docs/meeting-procedure.md, “补正”).
 */
export interface ClarificationView {
  readonly id: number;
  readonly allianceId: string;
  readonly allianceName: string;
  /** What is missing, as the chair wrote it. */
  readonly missing: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
  /** The package version that answered it, once imported; null while open. */
  readonly answeredVersion: number | null;
  readonly answeredAt: string | null;
}

export interface ClarificationList {
  readonly requests: readonly ClarificationView[];
  /** The meeting year's alliances, for choosing whom to ask; their latest version. */
  readonly alliances: readonly { readonly allianceId: string; readonly allianceName: string; readonly version: number }[];
}
