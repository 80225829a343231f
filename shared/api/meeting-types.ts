/** A meeting as created and listed on the home screen (its preparation: meeting-setup-types.ts). */
export interface Meeting {
  readonly id: number;
  readonly name: string;
  readonly year: number;
  readonly createdAt: string;
}
