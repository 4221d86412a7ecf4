// Preset rejection reasons; staff edit them with /program reasons. Rejections quote the label.
export const defaultReasons: Array<[string, string]> = [
  ['not_right_fit', 'not the right fit for the program right now'],
  ['over_capacity', 'the program is over capacity'],
  ['incomplete', 'the application was incomplete'],
  ['no_quorum', 'the committee could not reach a decision in time'],
];
