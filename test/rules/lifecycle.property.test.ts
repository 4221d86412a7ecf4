// Model-based property test of the application lifecycle (issue #10). Random sequences of steps
// (apply, votes, committee and capacity changes, withdrawals, staff decisions, removals, opt-outs,
// deadline ticks, restarts with reactions made while the bot was down) drive the real core through
// the console adapter on a real database, and the model in lifecycle-model.ts. After every step:
//   capacity        active ambassadors <= capacity
//   free-place      a free place and a waiting person never coexist
//   waitlist-order  a place goes to the longest-waiting person; no acceptance overtakes anyone waiting
//   decided-once    the rules decide an application at most once; a final decision is never undone
//   counted-votes   only current committee members' latest choices count (never the applicant's or referrer's)
//   outcome         statuses, reasons, deadlines, ambassadors, committee, capacity are the rules applied (the model)
//   told-once       each decision reaches the applicant once by DM, a rejection with its reason's label
//   opt-out         no public post (outside the committee channel) names someone who opted out or erased their data
// Scripted runs of the same steps cover paths random runs seldom reach.
//
//   PROPERTY_SEED=123 PROPERTY_RUNS=200 PROPERTY_STEPS=60 PROPERTY_TIME_LIMIT_MS=600000 npx vitest run test/rules
//   LIFECYCLE_FIRST=told-once      exploring: fail only on runs where this invariant is among those broken at the
//                                  first failing step (other runs are discarded): the shortest counterexample for it
//   LIFECYCLE_TRACE=1              print every step with the model's state; LIFECYCLE_LOG=info the core's log
//
// On failure the report has fast-check's seed, replay path and shrunk steps (as generated), then the
// shrunk steps replayed once with what each resolved to (which application, whose reaction, what the
// model expected). Time passes one second per step, as it would between real events.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider, type TestDatabase } from '../support/database.js';
import { openLifecycleDatabase, startLifecycle, wipe, type Lifecycle, type OfflineReaction } from './lifecycle-harness.js';
import {
  LifecycleModel, QUORUM, WINDOW_HOURS, type Choice, type ModelApp, type Outcome, type Policy, type ReactionEvent, type Status, type Tally, type Told,
} from './lifecycle-model.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20260310);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
const STEPS = Number(process.env.PROPERTY_STEPS ?? 60);
const START = new Date('2026-03-05T12:00:00Z'); // a Thursday: the Monday 09:00 leaderboard is 93 h away
const STEP_MS = 1_000;
/** fast-check stops starting runs (and shrinking) after this, keeping the file well under a minute. */
const TIME_LIMIT_MS = Number(process.env.PROPERTY_TIME_LIMIT_MS ?? 30_000);

// People. Voters may sit on the committee; two of them also apply, so "not the applicant's vote" is tested.
const VOTERS = ['carol', 'dave', 'erin', 'faye', 'gil'] as const;
const APPLICANTS = ['alice', 'bruno', 'chen', 'dara', 'carol', 'faye'] as const;
const EVERYONE = [...new Set([...VOTERS, ...APPLICANTS])];
const FIRST_COMMITTEE = ['carol', 'dave', 'erin'];
const EMOJI: Record<Choice, string> = { approve: '✅', reject: '❌', abstain: '🤔' };
const CHOICE_OF: Record<string, Choice> = { '✅': 'approve', '❌': 'reject', '🤔': 'abstain' };

const INVARIANTS = ['capacity', 'free-place', 'waitlist-order', 'decided-once', 'counted-votes', 'outcome', 'told-once', 'opt-out'] as const;
type Invariant = (typeof INVARIANTS)[number];
const FIRST = process.env.LIFECYCLE_FIRST as Invariant | undefined;
if (FIRST && !INVARIANTS.includes(FIRST)) throw new Error(`LIFECYCLE_FIRST must be one of ${INVARIANTS.join(', ')}`);

class InvariantBroken extends Error {
  constructor(invariant: Invariant, detail: string) {
    super(`[${invariant}] ${detail}`);
  }
}
/** Exploring with LIFECYCLE_FIRST: this run broke other invariants first, so it is not counted. */
class OtherInvariantFirst extends Error {}

/** Throws for the first invariant broken in this step, naming any others broken with it. */
function report(broken: Array<{ inv: Invariant; detail: string }>): void {
  if (!broken.length) return;
  const pick = FIRST ? broken.find((b) => b.inv === FIRST) : broken[0]!;
  if (!pick) throw new OtherInvariantFirst(broken.map((b) => b.inv).join(', '));
  const others = [...new Set(broken.filter((b) => b !== pick).map((b) => b.inv))];
  throw new InvariantBroken(pick.inv, `${pick.detail}${others.length ? `\n  (also broken at this step: ${others.join(', ')})` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// The real system as the steps see it

interface Real {
  h: Lifecycle;
  /** Reference and committee message id of application n at index n-1. */
  refs: string[];
  messages: string[];
  /** Console messages (posts) already checked. */
  postSeen: number;
  /** DB statuses at the end of the previous step, by application number. */
  statuses: Status[];
}

const lower = (s: string) => s.toLowerCase() as Status;

async function snapshot(r: Real) {
  const { prisma } = r.h.db;
  const [program, apps, ambassadors, committee, votes, ruleDecisions] = await Promise.all([
    prisma.program.findFirstOrThrow(),
    prisma.application.findMany({ orderBy: { id: 'asc' }, include: { applicant: true, referrer: true } }),
    prisma.ambassador.findMany({ include: { member: true } }),
    prisma.committeeMember.findMany({ include: { member: true } }),
    prisma.vote.findMany({ include: { voter: true } }),
    prisma.auditEvent.findMany({ where: { actorId: null, action: { in: ['application.accepted', 'application.rejected', 'application.waitlisted'] } } }),
  ]);
  return { program, apps, ambassadors, committee, votes, ruleDecisions };
}

const tallyText = (t: Tally) => `✅ ${t.approve} · ❌ ${t.reject} · 🤔 ${t.abstain}`;
const sameTally = (a: Tally, b: Tally) => a.approve === b.approve && a.reject === b.reject && a.abstain === b.abstain;
const sorted = (xs: Iterable<string>) => [...xs].sort().join(', ') || '(none)';

/** The decision DMs (welcome, waitlist, rejection with its reason) in printed order, by person. */
function decisionDms(output: string[]): Map<string, Told[]> {
  const told = new Map<string, Told[]>();
  for (const entry of output) {
    const m = /^\[DM to @([\w.-]+)\]\n([\s\S]*)$/.exec(entry);
    if (!m) continue;
    const [, who, body] = m as unknown as [string, string, string];
    let what: Told | null = null;
    const no = /This time the answer is no: (.*?)\.\s*$/m.exec(body);
    if (no) what = `rejected: ${no[1]}`;
    else if (/on the waitlist/i.test(body.split('\n')[0] ?? '')) what = 'waitlist';
    else if (/Welcome to Campus Crew/.test(body)) what = 'welcome';
    if (what) told.set(who, [...(told.get(who) ?? []), what]);
  }
  return told;
}

/** What the model looked like before a step, for the checks about order. */
interface Before { waitlist: number[]; optedOut: Set<string> }
const before = (m: LifecycleModel): Before => ({ waitlist: [...m.waitlist], optedOut: new Set(m.optedOut) });

async function checkInvariants(m: LifecycleModel, r: Real, was: Before): Promise<void> {
  const s = await snapshot(r);
  const broken: Array<{ inv: Invariant; detail: string }> = [];
  const fail = (inv: Invariant, detail: string) => void broken.push({ inv, detail });
  const status = s.apps.map((a) => lower(a.status));
  const active = s.ambassadors.filter((a) => a.status === 'ACTIVE');
  const waiting = status.flatMap((st, i) => (st === 'waitlisted' ? [i + 1] : []));

  // capacity: never more active ambassadors than places.
  if (active.length > s.program.capacity) fail('capacity', `${active.length} active ambassadors (${sorted(active.map((a) => a.member.platformUserId))}) for capacity ${s.program.capacity}`);

  // free-place: a free place and a waiting person never coexist.
  if (active.length < s.program.capacity && waiting.length) {
    fail('free-place', `${active.length}/${s.program.capacity} places taken while application(s) ${waiting.join(', ')} wait on the waitlist`);
  }

  // waitlist-order: whoever got a place in this step did not overtake anyone waiting before it.
  for (const [i, a] of s.apps.entries()) {
    const n = i + 1;
    if (a.status !== 'ACCEPTED' || r.statuses[i] === 'accepted') continue;
    const queuePos = was.waitlist.indexOf(n);
    const ahead = (queuePos >= 0 ? was.waitlist.slice(0, queuePos) : was.waitlist).filter((k) => status[k - 1] === 'waitlisted');
    if (ahead.length) {
      fail('waitlist-order', `application ${n} (${a.applicant.platformUserId}) got a place while ${ahead.map((k) => `${k} (${m.app(k).applicant})`).join(', ')} waited ahead of it (queue before: ${was.waitlist.join(', ') || 'empty'})`);
    }
  }

  // decided-once: the rules decide an application once; a final decision is never taken back.
  const perApp = new Map<string, number>();
  for (const e of s.ruleDecisions) perApp.set(e.subjectId, (perApp.get(e.subjectId) ?? 0) + 1);
  for (const [ref, count] of perApp) if (count > 1) fail('decided-once', `application ${r.refs.indexOf(ref) + 1} (${ref}) was decided ${count} times by the rules`);
  for (const [i, prev] of r.statuses.entries()) {
    const now = status[i];
    if (now !== prev && (prev === 'rejected' || prev === 'withdrawn' || prev === 'accepted')) fail('decided-once', `application ${i + 1} went from ${prev} to ${now}`);
  }

  // counted-votes: only current committee members' latest choices count, never the applicant's or referrer's.
  for (const [i, a] of s.apps.entries()) {
    const ma = m.apps[i];
    if (!ma) break;
    if (a.status === 'VOTING' && ma.status === 'voting') {
      const real = s.votes.filter((v) => v.applicationId === a.id && m.committee.has(v.voter.platformUserId));
      const realText = sorted(real.map((v) => `${v.voter.platformUserId}:${v.choice.toLowerCase()}`));
      const modelText = sorted([...ma.intents].filter(([p]) => m.committee.has(p)).map(([p, c]) => `${p}:${c}`));
      if (realText !== modelText) fail('counted-votes', `application ${i + 1}: the committee's recorded votes are ${realText}, expected ${modelText}`);
    }
    // When the rules close the vote, the committee message shows the votes that counted.
    const closedNow = r.statuses[i] === 'voting' || r.statuses[i] === undefined;
    if (closedNow && ma.closedByRules && ma.closingTally && status[i] === ma.status && a.committeeMessageId) {
      const posted = await r.h.db.prisma.consoleMessage.findUnique({ where: { id: Number(a.committeeMessageId) } });
      const msg = posted?.message as { footer?: string; text?: string } | undefined;
      const t = /✅ (\d+) · ❌ (\d+) · 🤔 (\d+)/.exec(`${msg?.footer ?? ''}\n${msg?.text ?? ''}`);
      if (t) {
        const shown = { approve: Number(t[1]), reject: Number(t[2]), abstain: Number(t[3]) };
        if (!sameTally(shown, ma.closingTally)) fail('counted-votes', `application ${i + 1} (${a.status.toLowerCase()}) shows ${tallyText(shown)}, but the counted votes were ${tallyText(ma.closingTally)}`);
      }
    }
  }

  // outcome: the rules applied to the counted votes (the model) give what the database holds.
  if (s.apps.length !== m.apps.length) {
    fail('outcome', `${s.apps.length} applications stored, expected ${m.apps.length} (${m.apps.map((a) => a.applicant).join(', ')})`);
  }
  for (const [i, a] of s.apps.entries()) {
    const ma = m.apps[i];
    if (!ma) break;
    const who = `application ${i + 1} (${ma.applicant})`;
    if (a.applicant.platformUserId !== ma.applicant) fail('outcome', `${who} is stored as ${a.applicant.platformUserId}'s`);
    if (status[i] !== ma.status) {
      const t = m.counted(ma);
      fail('outcome', `${who} is ${status[i]}, expected ${ma.status} (counted now ${tallyText(t)}, quorum ${QUORUM}; committee ${sorted(m.committee)})`);
    }
    if (ma.status === 'rejected' && a.decisionReason !== ma.reason) fail('outcome', `${who} was rejected with reason ${a.decisionReason}, expected ${ma.reason}`);
    if (ma.status === 'voting' && (a.extended !== ma.extended || a.votingEndsAt.getTime() !== ma.endsAt)) {
      fail('outcome', `${who} votes until ${a.votingEndsAt.toISOString()}${a.extended ? ' (extended)' : ''}, expected ${new Date(ma.endsAt).toISOString()}${ma.extended ? ' (extended)' : ''}`);
    }
  }
  const activeNames = sorted(active.map((a) => a.member.platformUserId));
  if (activeNames !== sorted(m.ambassadors)) fail('outcome', `active ambassadors are ${activeNames}, expected ${sorted(m.ambassadors)}`);
  if (s.program.capacity !== m.capacity) fail('outcome', `capacity is ${s.program.capacity}, expected ${m.capacity}`);
  const committee = sorted(s.committee.map((c) => c.member.platformUserId));
  if (committee !== sorted(m.committee)) fail('outcome', `the committee is ${committee}, expected ${sorted(m.committee)}`);
  const optedOut = sorted(s.ambassadors.filter((a) => a.leaderboardOptOut).map((a) => a.member.platformUserId));
  // Opting out is a setting of an ambassador row: only people who have one (once accepted) show it.
  const withRows = [...m.optedOut].filter((p) => m.apps.some((a) => a.applicant === p && a.status === 'accepted'));
  if (optedOut !== sorted(withRows)) fail('outcome', `opted out: ${optedOut}, expected ${sorted(withRows)}`);

  // told-once: every decision reaches its applicant once, by DM, with the right reason.
  const dms = decisionDms(r.h.output);
  for (const person of new Set([...dms.keys(), ...m.told.keys()])) {
    const got = dms.get(person) ?? [];
    const want = m.told.get(person) ?? [];
    if (JSON.stringify(got) !== JSON.stringify(want)) fail('told-once', `${person} was told ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }

  // opt-out: nobody who opted out is named in a public post (anything outside the committee channel).
  const posts = await r.h.db.prisma.consoleMessage.findMany({ where: { id: { gt: r.postSeen } }, orderBy: { id: 'asc' } });
  const hidden = new Set([...was.optedOut, ...m.optedOut, ...m.erased]);
  for (const p of posts) {
    if (p.channel === 'committee') continue;
    const msg = p.message as { title?: string; text?: string; footer?: string; fields?: Array<{ name: string; value: string }>; image?: { alt?: string } };
    const text = [msg.title, msg.text, msg.footer, msg.image?.alt, ...(msg.fields ?? []).flatMap((f) => [f.name, f.value])].filter(Boolean).join('\n');
    for (const person of hidden) {
      if (new RegExp(`\\b${person}\\b`, 'i').test(text)) fail('opt-out', `#${p.id} in #${p.channel} names ${person}, who opted out: ${JSON.stringify(text.slice(0, 200))}`);
    }
  }

  report(broken);
  r.postSeen = posts.at(-1)?.id ?? r.postSeen;
  r.statuses = status;
}

// ---------------------------------------------------------------------------------------------
// Steps. Each acts on the real system and on the model, then checks every invariant. Targets that
// depend on the state (which application, which reaction to remove, which member) resolve when the
// step runs; the replay printed on failure shows what they resolved to.

type Cmd = fc.AsyncCommand<LifecycleModel, Real, false>;

/** While replaying a counterexample: what each step resolved to, in order. */
let trace: string[] | null = null;

abstract class Step implements Cmd {
  /** What the step did in the run now executing (fast-check reuses step objects across runs). */
  protected resolved = '';
  check(_m: Readonly<LifecycleModel>): boolean {
    return true;
  }
  async run(m: LifecycleModel, r: Real): Promise<void> {
    const was = before(m);
    // Real time passes between two events: things that happen in different steps never share a timestamp.
    m.now += STEP_MS;
    r.h.clock.now = new Date(m.now);
    this.resolved = '';
    await this.act(m, r);
    const state = `${m.apps.map((a) => `${a.n}:${a.applicant}:${a.status}`).join(' ')} | ambassadors ${[...m.ambassadors].join(',') || '-'} | waitlist ${m.waitlist.join(',') || '-'}`;
    trace?.push(`${this.describe()}  => ${state}`);
    if (process.env.LIFECYCLE_TRACE) process.stderr.write(`${this.describe()}  => ${state}\n`);
    try {
      await checkInvariants(m, r, was);
    } catch (err) {
      if (err instanceof InvariantBroken) err.message += `\n  (after the step: ${this.describe()})`;
      throw err;
    }
  }
  protected abstract act(m: LifecycleModel, r: Real): Promise<void>;
  protected abstract label(): string;
  describe(): string {
    return this.resolved || this.label();
  }
  toString(): string {
    return this.label();
  }
}

/** Application number from a generated 1..8, wrapped onto the applications there are. */
const appNumber = (m: LifecycleModel, k: number) => ((k - 1) % m.apps.length) + 1;
const hasApps = (m: Readonly<LifecycleModel>) => m.apps.length > 0;

class Apply extends Step {
  constructor(readonly who: string, readonly referrer: string | null) { super(); }
  protected label() { return `apply(${this.who}${this.referrer ? `, referrer ${this.referrer}` : ''})`; }
  protected async act(m: LifecycleModel, r: Real) {
    const { ref, reply } = await r.h.apply(this.who, this.referrer);
    const n = m.apply(this.who, this.referrer);
    if (ref) {
      r.refs.push(ref);
      const row = await r.h.db.prisma.application.findUniqueOrThrow({ where: { ref } });
      r.messages.push(row.committeeMessageId ?? '');
    }
    this.resolved = `${this.label()} -> ${ref ? `application ${r.refs.length}` : 'refused'}`;
    if (Boolean(ref) !== (n !== null)) {
      report([{ inv: 'outcome', detail: `/apply by ${this.who} ${ref ? 'was accepted' : `was refused (${reply.slice(0, 120)})`}, expected ${n ? 'an application' : 'a refusal'}` }]);
    }
  }
}

/**
 * Who reacts: a named person, the i-th committee member for whom the reaction does something, the
 * i-th former member with a reaction there, or the application's applicant or referrer.
 */
type Who = string | `<member ${number}>` | `<former ${number}>` | '<applicant>' | '<referrer>';
/** Everyone with a vote reaction on the message (on the committee or not any more). */
const reactors = (reactions: Record<string, string[]>) =>
  [...new Set(Object.keys(CHOICE_OF).flatMap((e) => reactions[e] ?? []))].filter((p) => p !== 'bot').sort();

/**
 * `<member i>` picks the i-th of `candidates` (by default the committee members who may vote on it),
 * preferring those that pass the first filter that leaves anyone, so the reaction does something.
 */
function resolveWho(who: Who, a: ModelApp, m: LifecycleModel, prefer: Array<(person: string) => boolean>, candidates?: string[]): string {
  if (who === '<applicant>') return a.applicant;
  if (who === '<referrer>') return a.referrer ?? a.applicant;
  const member = /^<(member|former) (\d+)>$/.exec(who);
  if (!member) return who;
  const i = Number(member[2]);
  if (member[1] === 'former') {
    const former = (candidates ?? []).filter((p) => !m.committee.has(p) && p !== a.applicant && p !== a.referrer);
    if (former.length) return former[i % former.length]!;
  }
  const committee = [...m.committee].sort();
  const eligible = committee.filter((p) => p !== a.applicant && p !== a.referrer);
  const pool = candidates?.length ? candidates : eligible.length ? eligible : committee.length ? committee : [...VOTERS];
  for (const wanted of prefer) {
    const preferred = pool.filter(wanted);
    if (preferred.length) return preferred[i % preferred.length]!;
  }
  return pool[i % pool.length]!;
}
/** The k-th application still open (to votes, or to a decision when `open` is true and none votes), else the k-th of all. */
function target(m: LifecycleModel, k: number, open: boolean): number {
  const voting = m.apps.filter((a) => a.status === 'voting');
  if (open && voting.length) return voting[(k - 1) % voting.length]!.n;
  return appNumber(m, k);
}
const voteEmojiOf = (reactions: Record<string, string[]>, user: string) => Object.keys(CHOICE_OF).filter((e) => reactions[e]?.includes(user));

class Vote extends Step {
  /** `open`: k counts the applications open to votes; otherwise k is the application number. */
  constructor(readonly who: Who, readonly k: number, readonly emoji: string, readonly added: boolean, readonly open = true) { super(); }
  override check(m: Readonly<LifecycleModel>) { return hasApps(m); }
  protected label() { return `vote(${this.who} ${this.added ? `+${this.emoji}` : '-'} on #${this.k})`; }
  protected async act(m: LifecycleModel, r: Real) {
    const n = target(m, this.k, this.open);
    const a = m.app(n);
    const message = r.messages[n - 1]!;
    const reactions = await r.h.reactionsOn(message);
    const who = this.added
      ? resolveWho(this.who, a, m, [(p) => voteEmojiOf(reactions, p).length === 0, (p) => !reactions[this.emoji]?.includes(p)])
      : resolveWho(this.who, a, m, [], reactors(reactions));
    const present = voteEmojiOf(reactions, who);
    // A platform only reports what can happen: adding a reaction that is there, or removing one that isn't, can't.
    const emoji = this.added || present.includes(this.emoji) ? this.emoji : present[0];
    const role = who === a.applicant ? ' (applicant)' : who === a.referrer ? ' (referrer)' : '';
    this.resolved = `vote(${who}${role} ${this.added ? '+' : '-'}${emoji ?? this.emoji} on application ${n})`;
    if (this.added ? present.includes(this.emoji) : !emoji) {
      this.resolved += ' [not possible: skipped]';
      return;
    }
    await r.h.react(who, message, emoji!, this.added);
    m.react({ person: who, app: n, choice: CHOICE_OF[emoji!]!, added: this.added });
  }
}

/** A person: named, or the k-th of those a step matters for (resolved when it runs). */
type Person = string | number;
const personArb = (named: readonly string[], targeted = 3) => fc.oneof({ arbitrary: fc.nat(5), weight: targeted }, { arbitrary: fc.constantFrom(...named), weight: 1 });
const personLabel = (p: Person) => (typeof p === 'number' ? `<person ${p}>` : p);
function resolvePerson(p: Person, relevant: string[]): string {
  if (typeof p === 'string') return p;
  return relevant.length ? [...relevant].sort()[p % relevant.length]! : APPLICANTS[p % APPLICANTS.length]!;
}

/** People with a vote standing on an application still open to votes. */
const holdingVotes = (m: LifecycleModel) => [...new Set(m.apps.filter((a) => a.status === 'voting').flatMap((a) => [...a.intents.keys()]))];

class CommitteeAdd extends Step {
  constructor(readonly who: Person) { super(); }
  override check(m: Readonly<LifecycleModel>) { return typeof this.who === 'number' ? VOTERS.some((p) => !m.committee.has(p)) : !m.committee.has(this.who); }
  protected label() { return `committee add ${personLabel(this.who)}`; }
  protected async act(m: LifecycleModel, r: Real) {
    const outside = VOTERS.filter((p) => !m.committee.has(p));
    const returning = holdingVotes(m).filter((p) => !m.committee.has(p));
    const who = resolvePerson(this.who, returning.length ? returning : outside);
    this.resolved = `committee add ${who}`;
    await r.h.say('admin', `/committee add user:@${who}`);
    m.committeeAdd(who);
  }
}

class CommitteeRemove extends Step {
  constructor(readonly who: Person) { super(); }
  override check(m: Readonly<LifecycleModel>) { return typeof this.who === 'number' ? m.committee.size > 0 : m.committee.has(this.who); }
  protected label() { return `committee remove ${personLabel(this.who)}`; }
  protected async act(m: LifecycleModel, r: Real) {
    const voted = holdingVotes(m).filter((p) => m.committee.has(p));
    const who = resolvePerson(this.who, voted.length ? voted : [...m.committee]);
    this.resolved = `committee remove ${who}`;
    await r.h.say('admin', `/committee remove user:@${who}`);
    m.committeeRemove(who);
  }
}

class Capacity extends Step {
  constructor(readonly n: number) { super(); }
  protected label() { return `capacity ${this.n}`; }
  protected async act(m: LifecycleModel, r: Real) {
    await r.h.say('admin', `/program setup capacity:${this.n}`);
    this.resolved = `${this.label()}${m.setCapacity(this.n) ? '' : ' (to be refused)'}`;
  }
}

class Withdraw extends Step {
  constructor(readonly who: Person) { super(); }
  override check(m: Readonly<LifecycleModel>) { return typeof this.who === 'string' || m.apps.some((a) => ['voting', 'awaiting_staff', 'waitlisted'].includes(a.status)); }
  protected label() { return `withdraw(${personLabel(this.who)})`; }
  protected async act(m: LifecycleModel, r: Real) {
    const who = resolvePerson(this.who, m.apps.filter((a) => ['voting', 'awaiting_staff', 'waitlisted'].includes(a.status)).map((a) => a.applicant));
    this.resolved = `withdraw(${who})`;
    await r.h.say(who, '/application withdraw');
    m.withdraw(who);
  }
}

class StaffDecide extends Step {
  /** `open`: k counts the applications still to decide; otherwise k is the application number. */
  constructor(readonly k: number, readonly outcome: Outcome, readonly open = k <= 4) { super(); }
  override check(m: Readonly<LifecycleModel>) { return hasApps(m); }
  protected label() { return `staff ${this.outcome} #${this.k}`; }
  protected async act(m: LifecycleModel, r: Real) {
    const n = target(m, this.k, this.open);
    this.resolved = `staff ${this.outcome} application ${n} (${m.app(n).status})`;
    await r.h.say('admin', `/application decide ref:${r.refs[n - 1]} outcome:${this.outcome}`);
    m.staffDecide(n, this.outcome);
  }
}

class RemoveAmbassador extends Step {
  constructor(readonly who: Person) { super(); }
  override check(m: Readonly<LifecycleModel>) { return typeof this.who === 'string' || m.ambassadors.size > 0; }
  protected label() { return `ambassador remove ${personLabel(this.who)}`; }
  protected async act(m: LifecycleModel, r: Real) {
    const who = resolvePerson(this.who, [...m.ambassadors]);
    this.resolved = `ambassador remove ${who}`;
    await r.h.say('admin', `/ambassador remove user:@${who}`);
    m.removeAmbassador(who);
  }
}

class OptOut extends Step {
  constructor(readonly who: Person) { super(); }
  override check(m: Readonly<LifecycleModel>) { return typeof this.who === 'string' || m.ambassadors.size > m.optedOut.size; }
  protected label() { return `optout(${personLabel(this.who)})`; }
  protected async act(m: LifecycleModel, r: Real) {
    const who = resolvePerson(this.who, [...m.ambassadors].filter((p) => !m.optedOut.has(p)));
    this.resolved = `optout(${who})`;
    await r.h.say(who, '/leaderboard optout');
    m.optOut(who);
  }
}

class Erase extends Step {
  constructor(readonly who: Person) { super(); }
  protected label() { return `erase(${personLabel(this.who)})`; }
  protected async act(m: LifecycleModel, r: Real) {
    const involved = m.apps.filter((a) => ['voting', 'awaiting_staff', 'waitlisted'].includes(a.status)).map((a) => a.applicant);
    const who = resolvePerson(this.who, [...new Set([...involved, ...m.ambassadors, ...m.committee])]);
    this.resolved = `erase(${who})`;
    const asked = await r.h.say(who, '/mydata erase');
    const code = /confirm:(\w+)/.exec(asked)?.[1];
    if (code) await r.h.say(who, `/mydata erase confirm:${code}`);
    m.erase(who);
  }
}

class Tick extends Step {
  constructor(readonly hours: number) { super(); }
  protected label() { return `tick ${this.hours} h`; }
  protected async act(m: LifecycleModel, r: Real) {
    await r.h.tick(this.hours);
    m.tick(this.hours);
  }
}

interface Offline { who: Who; k: number; emoji: string; added: boolean }

class Restart extends Step {
  constructor(readonly offline: Offline[]) { super(); }
  protected label() { return `restart${this.offline.length ? ` (while down: ${this.offline.map((o) => `${o.who} ${o.added ? `+${o.emoji}` : '-'} #${o.k}`).join(', ')})` : ''}`; }
  protected async act(m: LifecycleModel, r: Real) {
    // Platforms don't say when a reaction was added. If a member's reactions on an open application
    // aren't exactly their vote (both ✅ and ❌ there, or a ✅ left after withdrawing ❌), reading them
    // back can't tell which is the latest, and any reading is fair: such restarts are not generated.
    for (const a of m.apps.filter((x) => x.status === 'voting')) {
      const on = await r.h.reactionsOn(r.messages[a.n - 1]!);
      for (const p of [...m.committee].filter((x) => x !== a.applicant && x !== a.referrer)) {
        const present = voteEmojiOf(on, p).join('');
        const intent = a.intents.get(p);
        if (present !== (intent ? EMOJI[intent] : '')) {
          this.resolved = `restart [skipped: ${p}'s reactions ${present || 'none'} on application ${a.n} are not their vote ${intent ? EMOJI[intent] : 'none'}]`;
          return;
        }
      }
    }
    const events: ReactionEvent[] = [];
    const reactions: OfflineReaction[] = [];
    const shown: string[] = [];
    for (const o of hasApps(m) ? this.offline : []) {
      const n = target(m, o.k, true);
      if (events.some((e) => e.app === n)) continue; // one per application: their order could matter
      const message = r.messages[n - 1]!;
      const on = await r.h.reactionsOn(message);
      const who = resolveWho(o.who, m.app(n), m, [(p) => (o.added ? voteEmojiOf(on, p).length === 0 : voteEmojiOf(on, p).length === 1)]);
      const present = voteEmojiOf(on, who);
      // Only changes whose end state says which choice is the latest: a first reaction, or taking back the only one.
      if (o.added ? present.length > 0 : present.length !== 1) continue;
      const emoji = o.added ? o.emoji : present[0]!;
      events.push({ person: who, app: n, choice: CHOICE_OF[emoji]!, added: o.added });
      reactions.push({ user: who, messageId: message, emoji, added: o.added });
      shown.push(`${who} ${o.added ? '+' : '-'}${emoji} on application ${n}`);
    }
    this.resolved = `restart${shown.length ? ` (while down: ${shown.join(', ')})` : ''}`;
    await r.h.restart(reactions);
    m.restart(events);
  }
}

// ---------------------------------------------------------------------------------------------
// Generation

const voter = fc.oneof(
  { arbitrary: fc.nat(4).map((i): Who => `<member ${i}>`), weight: 6 },
  { arbitrary: fc.constantFrom<Who>(...VOTERS), weight: 2 },
  { arbitrary: fc.constantFrom<Who>('<applicant>', '<referrer>'), weight: 2 },
  { arbitrary: fc.constantFrom<Who>(...APPLICANTS), weight: 1 },
);
const appK = fc.integer({ min: 1, max: 8 });
// Mostly approvals, so that places fill up and people wait on the waitlist.
const emoji = fc.oneof({ arbitrary: fc.constant('✅'), weight: 4 }, { arbitrary: fc.constantFrom('❌', '🤔'), weight: 2 });
const applicant = fc.constantFrom(...APPLICANTS);

/** fc.commands picks uniformly among these: repeat an arbitrary to make its step more frequent. */
const times = <T>(n: number, arb: fc.Arbitrary<T>) => Array.from({ length: n }, () => arb);
const steps: Array<fc.Arbitrary<Cmd>> = [
  ...times(4, fc.tuple(applicant, fc.option(fc.constantFrom(...EVERYONE), { freq: 3 })).map(([who, ref]) => new Apply(who, ref === who ? null : ref))),
  ...times(8, fc.tuple(voter, appK, emoji).map(([who, k, e]) => new Vote(who, k, e, true))),
  fc.tuple(voter, appK, emoji).map(([who, k, e]) => new Vote(who, k, e, true, false)),
  ...times(2, fc.tuple(voter, appK, emoji).map(([who, k, e]) => new Vote(who, k, e, false))),
  fc.tuple(fc.nat(4), appK, emoji).map(([i, k, e]) => new Vote(`<former ${i}>`, k, e, false)),
  ...times(2, personArb(VOTERS).map((who) => new CommitteeAdd(who))),
  ...times(2, personArb(VOTERS).map((who) => new CommitteeRemove(who))),
  fc.integer({ min: 1, max: 4 }).map((n) => new Capacity(n)),
  personArb(APPLICANTS, 1).map((who) => new Withdraw(who)),
  ...times(2, fc.tuple(appK, fc.constantFrom<Outcome>('accept', 'reject', 'waitlist')).map(([k, o]) => new StaffDecide(k, o))),
  personArb(APPLICANTS).map((who) => new RemoveAmbassador(who)),
  ...times(2, personArb(APPLICANTS).map((who) => new OptOut(who))),
  personArb(EVERYONE).map((who) => new Erase(who)),
  // Less than one voting window at a time, so the deadline job never finds an extension already over:
  // the scheduler runs it every minute, and whether one late run should extend and close at once is left open.
  fc.constantFrom(1, 6, 12, 24, 36, 48, 71).map((h) => new Tick(h)),
  fc.array(fc.record({ who: voter, k: appK, emoji, added: fc.boolean() }), { maxLength: 2 }).map((o) => new Restart(o)),
];

// A short cool-down (none, or two days that ticks can cross), so a rejection doesn't use up an applicant for the run.
const setupArb = fc.record({ capacity: fc.constantFrom(1, 1, 2, 3), policy: fc.constantFrom<Policy>('extend_once', 'reject', 'staff'), cooldownDays: fc.constantFrom(0, 2) });
type Setup = typeof setupArb extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------

let db: TestDatabase;
let current: Lifecycle | undefined;

async function freshRun(setup: Setup): Promise<{ model: LifecycleModel; real: Real }> {
  await current?.stop();
  if (process.env.LIFECYCLE_TRACE) process.stderr.write(`--- run ${JSON.stringify(setup)}\n`);
  await wipe(db);
  const h = await startLifecycle(db, START);
  current = h;
  const must = async (line: string, expected: RegExp) => {
    const said = await h.say('admin', line);
    if (!expected.test(said)) throw new Error(`set-up step failed: ${line}\n${said}`);
  };
  await must(`/program setup program:"Campus Crew" why:"We love clean rivers and want everyone to swim" objective:"Raise $50,000 for clean-ups" metric:dollars target:50000 capacity:${setup.capacity} committee_channel:#committee ambassador_role:Ambassadors announce_channel:#news`, /Created/);
  await must(`/program rules quorum:${QUORUM} threshold:2/3 window_hours:${WINDOW_HOURS} no_quorum:${setup.policy} cooldown_days:${setup.cooldownDays} announce_acceptances:true`, /Campus Crew/);
  await must('/program questions add prompt:"Why do you want to join?" kind:paragraph max_length:500', /./);
  for (const who of FIRST_COMMITTEE) await must(`/committee add user:@${who}`, /joined/);
  const model = new LifecycleModel({ now: START.getTime(), ...setup, committee: FIRST_COMMITTEE });
  const real: Real = { h, refs: [], messages: [], postSeen: 0, statuses: [] };
  real.postSeen = (await db.prisma.consoleMessage.aggregate({ _max: { id: true } }))._max.id ?? 0;
  return { model, real };
}

async function replayCounterexample(example: [Setup, Iterable<Cmd>] | null): Promise<string> {
  if (!example) return '';
  const [setup, steps] = example;
  trace = [];
  let outcome = 'the replay did not fail again';
  try {
    await fc.asyncModelRun(() => freshRun(setup), steps);
  } catch (err) {
    outcome = err instanceof Error ? err.message : String(err);
  }
  const lines = trace;
  trace = null;
  return [`Replayed: ${JSON.stringify(setup)}`, ...lines.map((l, i) => `  ${i + 1}. ${l}`), `  => ${outcome}`].join('\n');
}

beforeAll(async () => {
  db = await openLifecycleDatabase();
});
afterAll(async () => {
  await current?.stop();
  await db?.destroy();
});

// Scripted runs of the same steps and checks, for paths random runs seldom reach.
const vote = (who: string, n: number, emoji: string, added = true) => new Vote(who, n, emoji, added, false);
const decide = (n: number, outcome: Outcome) => new StaffDecide(n, outcome, false);
const scenario = (setup: Partial<Setup>, steps: Step[]) =>
  fc.asyncModelRun(() => freshRun({ capacity: 2, policy: 'staff', cooldownDays: 0, ...setup }), steps);

describe(`the application lifecycle on ${testProvider}: scripted runs of the model-based steps`, () => {
  it('GIVEN a member who voted, left the committee and took the reaction back WHEN they rejoin THEN the old vote does not count', async () => {
    await scenario({}, [new Apply('alice', null), vote('dave', 1, '✅'), new CommitteeRemove('dave'), vote('dave', 1, '✅', false), new CommitteeAdd('dave'), vote('carol', 1, '✅')]);
  });

  it('GIVEN a member who left the committee with their reaction standing WHEN they rejoin THEN it counts again and the committee change decides', async () => {
    await scenario({}, [new Apply('alice', null), vote('dave', 1, '✅'), new CommitteeRemove('dave'), vote('carol', 1, '✅'), new CommitteeAdd('dave')]);
  });

  it('GIVEN a member who voted WHEN they leave the committee THEN their vote stops counting toward quorum', async () => {
    await scenario({}, [new Apply('alice', null), vote('dave', 1, '✅'), new CommitteeRemove('dave'), vote('carol', 1, '❌'), vote('erin', 1, '✅')]);
  });

  it('GIVEN the applicant and the referrer on the committee WHEN they react THEN only the others decide', async () => {
    await scenario({}, [new Apply('carol', 'dave'), vote('carol', 1, '✅'), vote('dave', 1, '✅'), vote('erin', 1, '✅'), new CommitteeAdd('faye'), vote('faye', 1, '❌')]);
  });

  it('GIVEN one vote WHEN a second arrives while the bot is down THEN the restart counts it and decides', async () => {
    await scenario({}, [new Apply('alice', null), vote('carol', 1, '✅'), new Restart([{ who: 'dave', k: 1, emoji: '✅', added: true }])]);
  });

  it('GIVEN a vote WHEN it is withdrawn while the bot is down THEN the restart withdraws it', async () => {
    await scenario({}, [new Apply('alice', null), vote('carol', 1, '❌'), new Restart([{ who: 'carol', k: 1, emoji: '❌', added: false }]), vote('dave', 1, '✅'), vote('erin', 1, '✅')]);
  });

  it('GIVEN the extend-once policy WHEN the window ends twice without quorum THEN it is extended once, then left to staff, who decide once', async () => {
    await scenario({ policy: 'extend_once' }, [new Apply('alice', null), vote('carol', 1, '✅'), new Tick(71), new Tick(1), new Tick(71), new Tick(1), decide(1, 'reject'), decide(1, 'accept')]);
  });

  it('GIVEN the reject policy WHEN the window ends without quorum THEN the applicant is told the committee could not decide in time', async () => {
    await scenario({ policy: 'reject' }, [new Apply('alice', null), vote('carol', 1, '✅'), new Tick(71), new Tick(1), new Apply('alice', null)]);
  });

  it('GIVEN a full program WHEN two are waitlisted in turn THEN freed places go to them in that order', async () => {
    await scenario({ capacity: 1 }, [
      new Apply('alice', null), new Apply('bruno', null), new Apply('chen', null), decide(1, 'accept'), decide(3, 'accept'),
      vote('carol', 2, '✅'), vote('dave', 2, '✅'), new Apply('dara', null), decide(4, 'accept'), new Capacity(2), new RemoveAmbassador('alice'), new Withdraw('dara'),
    ]);
  });

  it('GIVEN free places WHEN staff waitlist THEN it is refused; GIVEN someone waiting WHEN staff accept them again THEN they keep their turn and are not told twice', async () => {
    await scenario({ capacity: 1 }, [
      new Apply('alice', null), decide(1, 'waitlist'), decide(1, 'accept'), new Apply('bruno', null), decide(2, 'accept'), decide(2, 'accept'), decide(2, 'waitlist'),
      new Capacity(2), new Capacity(1), decide(2, 'reject'),
    ]);
  });

  it('GIVEN an ambassador who opted out WHEN they are removed and accepted again THEN the welcome post does not name them', async () => {
    await scenario({ capacity: 1 }, [new Apply('alice', null), decide(1, 'accept'), new OptOut('alice'), new RemoveAmbassador('alice'), new Apply('alice', null), decide(2, 'accept')]);
  });

  it('GIVEN a newcomer who opted out WHEN the weekly leaderboard welcomes the week\'s newcomers THEN it does not name them', async () => {
    await scenario({}, [new Apply('alice', null), new Apply('bruno', 'alice'), decide(1, 'accept'), new OptOut('alice'), decide(2, 'accept'), new Tick(71), new Tick(24)]);
  });
});

describe(`the application lifecycle on ${testProvider} (model-based)`, () => {
  it('GIVEN a small program with quorum 2 and threshold 2/3 WHEN random people apply, vote, join and leave the committee, withdraw, are decided by staff, removed or opt out, while deadlines pass and the bot restarts THEN after every step the outcome is the rules applied to the counted votes, places and the waitlist are kept in order, each decision is told once and no opted-out person is named in public', async () => {
    const started = Date.now();
    const property = fc.asyncProperty(setupArb, fc.commands(steps, { maxCommands: STEPS, size: 'max' }), async (setup, cmds) => {
      try {
        await fc.asyncModelRun(() => freshRun(setup), cmds);
      } catch (err) {
        if (!(err instanceof OtherInvariantFirst)) throw err;
      }
    });
    const details = await fc.check(property, { seed: SEED, numRuns: RUNS, includeErrorInReport: true, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] });
    if (details.failed) {
      // The seed, the replay path and the shrunk steps as fast-check reports them, then the shrunk
      // steps replayed once, showing what each resolved to (which application, whose reaction).
      const replay = await replayCounterexample(details.counterexample as [Setup, Iterable<Cmd>] | null);
      expect.fail(`${fc.defaultReportMessage(details)}\n${replay}\n(seed ${SEED}; set PROPERTY_SEED to vary it; ran ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }, TIME_LIMIT_MS + 60_000);
});
