/**
 * Drill target: the alliance and indicator the chair opens in the drill-down tab, from a cell
 * of the overview matrix or a flag. Its own module because the console and the tabs that open
 * a drill-down all name it, and the tabs must not import the console that renders them.
 */
export interface DrillTarget {
  readonly allianceId: string;
  readonly indicatorId: string;
  /** A claim whose evidence opens with the drill-down (from an objective difference); its item, null for a flag. */
  readonly evidenceOf?:
    | {
        readonly criterionId: string;
        readonly itemId: string | null;
        /** The file to open first, with its page (`证明/合同.pdf#page=2`), e.g. a cross-check place; else the claim's first. */
        readonly reference?: string | undefined;
      }
    | undefined;
}
