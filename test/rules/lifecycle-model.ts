// The application lifecycle as the product promises it, in plain TypeScript: no database, no core.
// The model-based test (lifecycle.property.test.ts) drives this model and the real core with the
// same steps and compares them after every step.
//
// The promises, in short:
//  - A person's latest reaction choice is their vote; removing that reaction withdraws it. Only the
//    votes of CURRENT committee members count, never the applicant's or the referrer's.
//  - Counted votes >= quorum: decided at once. Accept iff approvals > rejections and
//    approvals / (approvals + rejections) >= threshold, otherwise reject ("not_right_fit").
//  - Window end without quorum: reject ("no_quorum"), staff (awaiting_staff), or extend once by the
//    window (awaiting_staff at the second end).
//  - Accepted only while active < capacity and nobody waits; otherwise waitlisted. The waitlist is a
//    queue in the order people joined it; a freed place goes to the longest-waiting person at once.
//    Capacity below the active count is refused, so is staff "waitlist" while places are free.
//  - Each application is decided by the rules at most once; staff may decide voting, awaiting_staff
//    and waitlisted applications. Every decision is told to the applicant once, by DM.
//
// Choices the promises leave open, fixed here:
//  - A member who leaves the committee and comes back: a reaction still standing counts again (the
//    rules count current members' latest choices); one they took back while away does not.
//  - Applications that settle in the same instant (a deadline tick, a catch-up) are taken in
//    submission order.
//  - Staff "accept" or "waitlist" on someone already waiting changes nothing: they keep their turn
//    and are not told again.
//  - An opt-out is kept with the person (as the database keeps it on their ambassador row), so it
//    still holds if they are removed and accepted again.

export type Choice = 'approve' | 'reject' | 'abstain';
export type Status = 'voting' | 'awaiting_staff' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn';
export type Policy = 'extend_once' | 'reject' | 'staff';
export type Outcome = 'accept' | 'reject' | 'waitlist';
/** What an applicant is told by DM: one entry per decision about them. */
export type Told = 'welcome' | 'waitlist' | `rejected: ${string}`;
export interface Tally { approve: number; reject: number; abstain: number }

export const HOUR = 3_600_000;
export const QUORUM = 2;
export const THRESHOLD = { numerator: 2, denominator: 3 };
export const WINDOW_HOURS = 72;

/** The default labels of src/core/applications/reasons.ts, as a rejection DM quotes them. */
export const reasonLabels = {
  not_right_fit: 'not the right fit for the program right now',
  no_quorum: 'the committee could not reach a decision in time',
} as const;
export type Reason = keyof typeof reasonLabels;

export interface ModelApp {
  /** 1-based, in submission order (the database ids are in the same order). */
  n: number;
  applicant: string;
  referrer: string | null;
  status: Status;
  endsAt: number;
  extended: boolean;
  /** Each person's latest accepted reaction choice; kept if they leave the committee (it counts again if they return). */
  intents: Map<string, Choice>;
  reason: Reason | null;
  decidedAt: number | null;
  /** The counted votes when voting closed, as the committee message then shows them. */
  closingTally: Tally | null;
  /** Voting was closed by the rules (a decision at quorum, or the window's end), not by a person. */
  closedByRules: boolean;
}

export interface ReactionEvent { person: string; app: number; choice: Choice; added: boolean }

export class LifecycleModel {
  now: number;
  capacity: number;
  readonly policy: Policy;
  /** Days before a rejected person may apply again. */
  readonly cooldownDays: number;
  readonly committee: Set<string>;
  readonly ambassadors = new Set<string>();
  readonly optedOut = new Set<string>();
  /** People who erased their data (issue #15): never named in public again. */
  readonly erased = new Set<string>();
  readonly apps: ModelApp[] = [];
  /** Application numbers, longest-waiting first. */
  readonly waitlist: number[] = [];
  readonly told = new Map<string, Told[]>();

  constructor(o: { now: number; capacity: number; policy: Policy; cooldownDays: number; committee: string[] }) {
    this.now = o.now;
    this.capacity = o.capacity;
    this.policy = o.policy;
    this.cooldownDays = o.cooldownDays;
    this.committee = new Set(o.committee);
  }

  app(n: number): ModelApp {
    const a = this.apps[n - 1];
    if (!a) throw new Error(`model: no application ${n}`);
    return a;
  }

  /** Whether `person` may apply now (otherwise /apply refuses). */
  canApply(person: string): boolean {
    if (this.ambassadors.has(person)) return false;
    const mine = this.apps.filter((a) => a.applicant === person);
    const last = mine[mine.length - 1];
    if (!last) return true;
    if (last.status === 'voting' || last.status === 'awaiting_staff' || last.status === 'waitlisted') return false;
    if (last.status === 'rejected') return this.now >= last.decidedAt! + this.cooldownDays * 24 * HOUR;
    return true;
  }

  /** Returns the new application's number, or null when /apply refuses. */
  apply(person: string, referrer: string | null): number | null {
    if (referrer === person || !this.canApply(person)) return null;
    const n = this.apps.length + 1;
    this.apps.push({
      n, applicant: person, referrer, status: 'voting', endsAt: this.now + WINDOW_HOURS * HOUR, extended: false,
      intents: new Map(), reason: null, decidedAt: null, closingTally: null, closedByRules: false,
    });
    return n;
  }

  counted(a: ModelApp): Tally {
    const t: Tally = { approve: 0, reject: 0, abstain: 0 };
    for (const [person, choice] of a.intents) if (this.committee.has(person)) t[choice] += 1;
    return t;
  }

  /** Whether a reaction by `person` on application `a` is taken as a vote right now. */
  private isVoter(person: string, a: ModelApp): boolean {
    return a.status === 'voting' && this.committee.has(person) && person !== a.applicant && person !== a.referrer;
  }

  /** A reaction added or removed on a committee message, taken as it arrives. */
  react(e: ReactionEvent): void {
    const a = this.app(e.app);
    if (!this.record(e)) return;
    this.settle(a);
  }

  private record(e: ReactionEvent): boolean {
    const a = this.app(e.app);
    if (a.status !== 'voting') return false;
    if (e.added) {
      if (!this.isVoter(e.person, a)) return false; // ignored (and removed where the platform allows)
      a.intents.set(e.person, e.choice);
      return true;
    }
    // Removing the reaction that is the person's latest choice withdraws it; any other removal changes nothing.
    if (a.intents.get(e.person) !== e.choice) return false;
    a.intents.delete(e.person);
    return true;
  }

  /** Decides `a` if its counted votes reach quorum. */
  private settle(a: ModelApp): void {
    if (a.status !== 'voting') return;
    const t = this.counted(a);
    if (t.approve + t.reject + t.abstain < QUORUM) return;
    const accept = t.approve > t.reject && t.approve * THRESHOLD.denominator >= THRESHOLD.numerator * (t.approve + t.reject);
    this.decideByRules(a, accept ? 'accept' : 'reject', 'not_right_fit');
  }

  private closeVoting(a: ModelApp, byRules = false): void {
    a.closingTally = this.counted(a);
    a.closedByRules = byRules;
  }

  private decideByRules(a: ModelApp, outcome: 'accept' | 'reject', reason: Reason): void {
    this.closeVoting(a, true);
    if (outcome === 'accept') this.acceptOrWaitlist(a);
    else this.reject(a, reason);
  }

  private tell(person: string, what: Told): void {
    this.told.set(person, [...(this.told.get(person) ?? []), what]);
  }

  private reject(a: ModelApp, reason: Reason): void {
    this.leaveWaitlist(a);
    a.status = 'rejected';
    a.reason = reason;
    a.decidedAt = this.now;
    this.tell(a.applicant, `rejected: ${reasonLabels[reason]}`);
  }

  private acceptOrWaitlist(a: ModelApp): void {
    a.decidedAt = this.now;
    if (this.ambassadors.size < this.capacity && this.waitlist.length === 0) this.admit(a);
    else this.joinWaitlist(a);
  }

  private admit(a: ModelApp): void {
    a.status = 'accepted';
    this.ambassadors.add(a.applicant);
    this.tell(a.applicant, 'welcome');
  }

  private joinWaitlist(a: ModelApp): void {
    a.status = 'waitlisted';
    this.waitlist.push(a.n);
    this.tell(a.applicant, 'waitlist');
  }

  private leaveWaitlist(a: ModelApp): void {
    const i = this.waitlist.indexOf(a.n);
    if (i >= 0) this.waitlist.splice(i, 1);
  }

  /** Fills free places from the head of the waitlist. */
  private promote(): void {
    while (this.ambassadors.size < this.capacity && this.waitlist.length > 0) {
      const a = this.app(this.waitlist.shift()!);
      this.admit(a);
    }
  }

  /** A member who left and comes back: a reaction they still have on an open application counts again. */
  committeeAdd(person: string): void {
    this.committee.add(person);
    for (const a of this.apps) this.settle(a);
  }

  committeeRemove(person: string): void {
    this.committee.delete(person);
    for (const a of this.apps) this.settle(a); // tallies are recomputed (removal alone never reaches quorum)
  }

  /** `/program setup capacity:N`: refused below the active count; a raise fills places at once. */
  setCapacity(n: number): boolean {
    if (n < this.ambassadors.size) return false;
    this.capacity = n;
    this.promote();
    return true;
  }

  /** `/application withdraw`: the person's open or waitlisted application. */
  withdraw(person: string): void {
    const a = this.apps.find((x) => x.applicant === person && ['voting', 'awaiting_staff', 'waitlisted'].includes(x.status));
    if (!a) return;
    if (a.status === 'voting') this.closeVoting(a);
    this.leaveWaitlist(a);
    a.status = 'withdrawn';
    a.decidedAt = this.now;
  }

  /** `/application decide` by staff. */
  staffDecide(n: number, outcome: Outcome): void {
    const a = this.app(n);
    if (!['voting', 'awaiting_staff', 'waitlisted'].includes(a.status)) return; // nothing to decide
    if (a.status === 'waitlisted' && outcome !== 'reject') return; // keeps their turn, not told again
    if (outcome === 'waitlist' && this.ambassadors.size < this.capacity) return; // refused: places are free
    if (a.status === 'voting') this.closeVoting(a);
    if (outcome === 'reject') this.reject(a, 'not_right_fit');
    else if (outcome === 'accept') this.acceptOrWaitlist(a);
    else {
      a.decidedAt = this.now;
      this.joinWaitlist(a);
    }
  }

  /** `/ambassador remove`: the freed place goes to the waitlist's head. */
  removeAmbassador(person: string): void {
    if (!this.ambassadors.delete(person)) return;
    this.promote();
  }

  /**
   * `/mydata erase` (confirmed): an open or waitlisted application is withdrawn, an ambassador place
   * freed (and refilled), they are off the public boards (now and if accepted again), and they leave
   * the committee (open votes settled again).
   */
  erase(person: string): void {
    this.withdraw(person);
    this.removeAmbassador(person);
    // Off public posts from now on, on every ambassador row they have or will have (until they opt in).
    this.optedOut.add(person);
    this.erased.add(person);
    if (this.committee.has(person)) this.committeeRemove(person);
  }

  /** `/leaderboard optout`: only an active ambassador may. */
  optOut(person: string): void {
    if (this.ambassadors.has(person)) this.optedOut.add(person);
  }

  /** The clock moves on, then the deadline job runs once over every application due. */
  tick(hours: number): void {
    this.now += hours * HOUR;
    for (const a of this.apps) {
      if (a.status !== 'voting' || a.endsAt > this.now) continue;
      this.settle(a);
      if (a.status !== 'voting') continue;
      if (this.policy === 'reject') this.decideByRules(a, 'reject', 'no_quorum');
      else if (this.policy === 'extend_once' && !a.extended) {
        a.extended = true;
        a.endsAt += WINDOW_HOURS * HOUR;
      } else {
        this.closeVoting(a, true);
        a.status = 'awaiting_staff';
      }
    }
  }

  /**
   * A restart: reactions made while the bot was down (at most one per application, so their order
   * can't matter) are read back; each open application is then settled, in submission order.
   */
  restart(offline: ReactionEvent[]): void {
    for (const e of offline) this.record(e);
    for (const a of this.apps) this.settle(a);
  }
}
