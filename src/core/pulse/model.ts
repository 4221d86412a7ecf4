// Pulse surveys: one question staff ask ambassadors and/or the committee, by DM with one-tap answers,
// once or on a recurrence ("first monday of the month 10:00"). Each asking is a round; a round opens
// (the audience is fixed and DMed), reminds once those who haven't answered, and closes (results to
// staff). Anonymous by default: see anonymity.ts for what is kept and when it is erased.

export type PulseKind = 'scale' | 'choice' | 'text';
export type PulseAudience = 'ambassadors' | 'committee' | 'both';
export type RoundStatus = 'scheduled' | 'open' | 'closed';

export const SCALE_MAX = 5;
export const MAX_CHOICES = 10;
export const MAX_QUESTION = 300;
export const MAX_TEXT_ANSWER = 1000;
export const MAX_CHOICE_LABEL = 60;

export interface Pulse {
  id: number;
  programId: number;
  question: string;
  kind: PulseKind;
  choices: string[];
  /** People may add a comment to a scale or choice answer. */
  comment: boolean;
  audience: PulseAudience;
  anonymous: boolean;
  /** Recurring: a cron in the program's time zone, and the words staff used. */
  recurrence: { cron: string; text: string } | null;
  openMinutes: number;
  stoppedAt: Date | null;
  createdAt: Date;
}

export interface PulseRound {
  id: number;
  pulseId: number;
  number: number;
  opensAt: Date;
  closesAt: Date;
  remindAt: Date;
  status: RoundStatus;
  invited: number;
  /** The hashes' key while open (anonymous pulses); null once closed. */
  salt: string | null;
  remindedAt: Date | null;
  closedAt: Date | null;
  results: RoundResults | null;
}

/** What a round's answers add up to, kept at close (the answers themselves stay, without any link). */
export interface RoundResults {
  invited: number;
  responses: number;
  /** Per scale value (1..5) or option (1..n): how many chose it. Empty for text pulses. */
  counts: number[];
  /** The mean of the values, or null (text pulses, no answers). */
  average: number | null;
}

export interface PulseAnswer {
  value: number | null;
  text: string | null;
  comment: string | null;
}

/** An answer as stored: by member (named) or by keyed hash (anonymous), never both. */
export type Voter = { memberId: number } | { hash: string };

/** The scale's labels, low to high: a tap shows its meaning, not only a number. */
export const SCALE_LABELS = ['1 · not at all', '2', '3', '4', '5 · very'] as const;

export const optionCount = (p: Pick<Pulse, 'kind' | 'choices'>): number => (p.kind === 'scale' ? SCALE_MAX : p.kind === 'choice' ? p.choices.length : 0);
export const optionLabel = (p: Pick<Pulse, 'kind' | 'choices'>, value: number): string => (p.kind === 'choice' ? p.choices[value - 1] ?? String(value) : String(value));
