// Storage for pulse surveys (src/db/pulse-store.ts).
import type { Pulse, PulseAnswer, PulseRound, RoundResults, Voter } from './model.js';

export type NewPulse = Omit<Pulse, 'id' | 'stoppedAt' | 'createdAt'>;

/** An open round a person was asked, with its pulse (what /pulse answer lists). */
export interface OpenInvite {
  round: PulseRound;
  pulse: Pulse;
}

export interface PulseRepository {
  create(p: NewPulse, firstRound: { opensAt: Date; closesAt: Date; remindAt: Date }, at: Date): Promise<{ pulse: Pulse; round: PulseRound }>;
  byId(programId: number, id: number): Promise<Pulse | null>;
  inProgram(programId: number): Promise<Pulse[]>;
  stop(id: number, at: Date): Promise<boolean>;
  round(id: number): Promise<{ round: PulseRound; pulse: Pulse } | null>;
  rounds(pulseId: number): Promise<PulseRound[]>;
  addRound(pulseId: number, r: { number: number; opensAt: Date; closesAt: Date; remindAt: Date }): Promise<PulseRound>;
  /** Rounds in a state whose time (opensAt, remindAt, closesAt) has come; oldest first. */
  dueToOpen(now: Date, limit: number): Promise<PulseRound[]>;
  dueToRemind(now: Date, limit: number): Promise<PulseRound[]>;
  dueToClose(now: Date, limit: number): Promise<PulseRound[]>;
  /** The earliest open, remind or close time after `after` (for the scheduler). */
  nextTime(after: Date): Promise<Date | null>;
  /**
   * Conditional moves (exactly once across processes): false when another process did it first.
   * `open` fixes the audience: the invites, their count and the hashes' key.
   */
  open(roundId: number, o: { memberIds: number[]; salt: string | null }): Promise<boolean>;
  markReminded(roundId: number, at: Date): Promise<boolean>;
  /** A scheduled round whose whole window passed (the bot was down): closed without results. */
  skip(roundId: number, at: Date): Promise<boolean>;
  /** Moves an open round to closed (and takes its row lock: answers wait for the close to commit). */
  close(roundId: number, at: Date): Promise<boolean>;
  /** Keeps a closed round's results and erases what linked answers to people: invites, hashes, the key. */
  settle(roundId: number, results: RoundResults): Promise<void>;
  /** Takes the row lock of a round that is open and not past its closing time; false otherwise. */
  lockOpen(roundId: number, now: Date): Promise<boolean>;
  /** Also moves its closing time to `at` (staff closed it early). */
  closeEarly(roundId: number, at: Date): Promise<boolean>;
  invited(roundId: number, memberId: number): Promise<boolean>;
  invitees(roundId: number): Promise<number[]>;
  openInvitesOf(memberId: number, now: Date): Promise<OpenInvite[]>;
  answerOf(roundId: number, voter: Voter): Promise<PulseAnswer | null>;
  /** Creates or replaces the voter's answer (one per person per round: a unique key). */
  saveAnswer(roundId: number, voter: Voter, a: PulseAnswer): Promise<'created' | 'changed'>;
  /** Of these members, who has answered a named round. */
  answeredBy(roundId: number, memberIds: number[]): Promise<Set<number>>;
  /** With the member's name for a named pulse (null for anonymous answers). */
  answers(roundId: number): Promise<Array<PulseAnswer & { name: string | null }>>;
  /** Rounds of a program's pulses closed in [from, to), oldest first, with their results: the report's response rates. One statement. */
  closedIn(programId: number, from: Date, to: Date): Promise<Array<{ pulseId: number; question: string; round: number; results: RoundResults }>>;
}
