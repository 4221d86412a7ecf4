// Preset rejection reasons; staff edit them with /program reasons. Rejections quote the label.
// The built-in ones are what the rules themselves say (and what a full program says): staff may
// reword them, never delete them, or an applicant would be told the wrong thing.
export const defaultReasons: Array<[string, string]> = [
  ['not_right_fit', 'not the right fit for the program right now'],
  ['over_capacity', 'the program is over capacity'],
  ['incomplete', 'the application was incomplete'],
  ['no_quorum', 'the committee could not reach a decision in time'],
];

export const builtInReasons: ReadonlySet<string> = new Set(['not_right_fit', 'no_quorum', 'over_capacity']);

/** The label applicants read for a reason code: the program's wording, else the default one. */
export function reasonLabel(presets: ReadonlyArray<{ code: string; label: string }>, code: string): string {
  return presets.find((x) => x.code === code)?.label ?? defaultReasons.find(([c]) => c === code)?.[1] ?? defaultReasons[0]![1];
}
