// Program set-up by staff: create or change a program, its voting rules, and open or close
// applications. A change that frees places or lowers the quorum takes effect at once.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import { DomainError, fail } from '../errors.js';
import type { Actor, NoQuorumPolicy, Program, ProgramSettings, VoteEmoji } from '../model.js';
import type { VoteChoice } from '../ports/chat-platform.js';
import { isValidTimeZone } from '../time-zone.js';
import { defaultReasons } from '../applications/reasons.js';
import { promoteWaitlist } from '../applications/decide.js';
import { canonicalEmoji, checkVoteEmoji } from '../voting/emoji.js';
import { resettleOpenApplications } from './people.js';
import { resolveProgram } from './resolve.js';
import { programState, type ProgramState } from './show.js';

/** What a program is about and where it lives; every field optional on an update. */
export interface ProgramFields {
  why?: string;
  objective?: string;
  metric?: string;
  target?: number;
  capacity?: number;
  committeeChannelId?: string;
  /** A platform group the committee is taken from (Discord role, Slack user group or channel). */
  committeeRef?: string;
  /** The role (Discord) or private channel (Slack) ambassadors get. */
  ambassadorTarget?: string;
  announceChannelId?: string;
  staffChannelId?: string;
  timeZone?: string;
  /** Days after a rejection or withdrawal when answers are erased; null = never (default 180). */
  retentionDays?: number | null;
}

export interface SetupInput extends ProgramFields {
  actor: Actor;
  /** The program to create, or to update; without it, the workspace's only program. */
  name?: string;
}

/** What a create needs, and how to say so (in the words people type). */
const required: Array<[keyof SetupInput, string]> = [
  ['name', 'program:"Campus Crew" (its name)'],
  ['why', 'why:"…" (what people love about the organisation)'],
  ['objective', 'objective:"Raise $50,000 for clean water"'],
  ['metric', 'metric:dollars (what the objective counts)'],
  ['target', 'target:50000'],
  ['capacity', 'capacity:25 (most active ambassadors at once)'],
  ['committeeChannelId', 'committee_channel:#committee (where applications are reviewed)'],
];

/** The program as it now is; `promoted`: people from the waitlist who took new places. */
export interface SetupOutcome {
  program: Program;
  state: ProgramState;
  created: boolean;
  promoted: number;
}

export async function setupProgram(deps: CoreDeps, input: SetupInput): Promise<SetupOutcome> {
  const { store, now } = deps;
  const { platform, workspaceId } = input.actor.member;
  if (input.timeZone && !isValidTimeZone(input.timeZone)) {
    fail('invalid_input', `timezone: “${input.timeZone}” is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.`);
  }
  // A name that matches no program creates one; without a name, the only program is updated.
  const existing = input.name
    ? (await store.programs.inWorkspace(platform, workspaceId)).find((p) => p.name.toLowerCase() === input.name!.toLowerCase())
    : await resolveProgram(store, platform, workspaceId).catch((e: unknown) => (e instanceof DomainError && e.code === 'no_program' ? undefined : Promise.reject(e)));
  const patch: Partial<ProgramSettings> = compact({
    why: input.why, objectiveText: input.objective, objectiveMetric: input.metric, objectiveTarget: input.target,
    capacity: input.capacity, committeeChannelId: input.committeeChannelId, committeeRef: input.committeeRef,
    ambassadorTarget: input.ambassadorTarget, announceChannelId: input.announceChannelId, staffChannelId: input.staffChannelId, timeZone: input.timeZone,
    retentionDays: input.retentionDays,
  });
  const result = await store.transaction(async (r) => {
    if (existing) {
      if (patch.capacity !== undefined) {
        const active = await r.ambassadors.activeCount(existing.id);
        if (patch.capacity < active) {
          fail('invalid_input', `capacity: ${existing.name} has ${active} active ambassadors, so its capacity can't go below ${active}. Remove ambassadors first with /ambassador remove, then lower it.`);
        }
      }
      const program = await r.programs.update(existing.id, patch);
      // More places: the waitlist moves up at once, in order.
      const promoted = patch.capacity !== undefined && patch.capacity > existing.capacity ? await promoteWaitlist(deps, r, program) : 0;
      if (patch.committeeChannelId && patch.committeeChannelId !== existing.committeeChannelId) {
        // Applications that could not be posted (e.g. the old channel was deleted) go to the new one.
        for (const app of await r.applications.withStatus(program.id, ['voting', 'awaiting_staff'])) {
          if (!app.committeeMessageId) await r.outbox.enqueue({ kind: 'committee.post', applicationId: app.id });
        }
      }
      await audit(r, { programId: program.id, actorId: input.actor.member.id, action: 'program.updated', subject: { type: 'program', id: program.id }, data: patch }, now());
      return { program, created: false, promoted };
    }
    const missing = required.filter(([k]) => input[k] === undefined);
    if (missing.length) fail('invalid_input', `To create a program I also need: ${missing.map(([, hint]) => hint).join(', ')}.`);
    const settings: ProgramSettings = {
      name: input.name!, why: input.why!, objectiveText: input.objective!, objectiveMetric: input.metric!,
      objectiveTarget: input.target!, capacity: input.capacity!, committeeChannelId: input.committeeChannelId!,
      committeeRef: input.committeeRef ?? null, ambassadorTarget: input.ambassadorTarget ?? null,
      announceChannelId: input.announceChannelId ?? null, timeZone: input.timeZone ?? deps.defaultTimeZone,
      applicationsOpen: true, reapplyCooldownDays: 90, quorum: 3, thresholdNumerator: 2, thresholdDenominator: 3,
      votingWindowHours: 72, noQuorumPolicy: 'extend_once', blindReview: false,
      emoji: { approve: '✅', reject: '❌', abstain: '🤔' }, announceAcceptances: false, staffChannelId: input.staffChannelId ?? null, lastProblem: null,
      retentionDays: input.retentionDays === undefined ? 180 : input.retentionDays,
      nudgeAfterWeeks: null,
    };
    const program = await r.programs.create(platform, workspaceId, settings);
    for (const [code, label] of defaultReasons) await r.reasons.upsert(program.id, code, label);
    await audit(r, { programId: program.id, actorId: input.actor.member.id, action: 'program.created', subject: { type: 'program', id: program.id } }, now());
    return { program, created: true, promoted: 0 };
  });
  await deps.forms.changed(result.program); // /apply's form shows the name, why and objective
  deps.kick();
  return { ...result, state: await programState(store, result.program) };
}

export interface RulesInput {
  actor: Actor;
  program: Program;
  quorum?: number;
  /** "2/3" or "60%": the share of approve votes among approve + reject. */
  threshold?: string;
  windowHours?: number;
  noQuorumPolicy?: NoQuorumPolicy;
  blindReview?: boolean;
  cooldownDays?: number;
  emoji?: Partial<VoteEmoji>;
  announceAcceptances?: boolean;
  /** Days after a rejection or withdrawal when answers are erased; null = never. */
  retentionDays?: number | null;
}

/** `committeeSize`: so staff can be told when the quorum can't be reached by votes alone. */
export interface RulesOutcome {
  program: Program;
  state: ProgramState;
  committeeSize: number;
}

export async function setRules(deps: CoreDeps, input: RulesInput): Promise<RulesOutcome> {
  const { program } = input;
  const patch: Partial<ProgramSettings> = compact({
    quorum: input.quorum, votingWindowHours: input.windowHours, noQuorumPolicy: input.noQuorumPolicy,
    blindReview: input.blindReview, reapplyCooldownDays: input.cooldownDays, announceAcceptances: input.announceAcceptances,
    retentionDays: input.retentionDays,
  });
  if (input.threshold !== undefined) Object.assign(patch, parseThreshold(input.threshold));
  const asked = input.emoji ?? {};
  if (asked.approve || asked.reject || asked.abstain) {
    const pick = async (choice: VoteChoice) => (asked[choice] ? voteEmoji(deps, program, choice, asked[choice]) : program.emoji[choice]);
    const emoji = { approve: await pick('approve'), reject: await pick('reject'), abstain: await pick('abstain') };
    if (new Set(Object.values(emoji).map(canonicalEmoji)).size < 3) fail('invalid_input', 'The approve, reject and abstain emoji must all be different.');
    patch.emoji = emoji;
  }
  const updated = await deps.store.transaction(async (r) => {
    const saved = await r.programs.update(program.id, patch);
    await audit(r, { programId: program.id, actorId: input.actor.member.id, action: 'program.rules_changed', subject: { type: 'program', id: program.id }, data: patch }, deps.now());
    return saved;
  });
  await deps.forms.changed(updated);
  // New rules apply to open votes at once: a lower quorum may already be met.
  const committeeSize = await resettleOpenApplications(deps, updated);
  return { program: updated, state: await programState(deps.store, updated), committeeSize };
}

function parseThreshold(raw: string): Pick<Program, 'thresholdNumerator' | 'thresholdDenominator'> {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw) ?? /^\s*(\d+)\s*%\s*$/.exec(raw);
  const [num, den] = m ? (m[2] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[1]), 100]) : [NaN, NaN];
  if (!(num > 0 && den > 0 && num <= den)) fail('invalid_input', 'threshold: write a fraction or a percentage between 0 and 1, such as 2/3 or 60%.');
  return { thresholdNumerator: num, thresholdDenominator: den };
}

/** A vote emoji people can actually react with on this platform, in the form to store. */
async function voteEmoji(deps: CoreDeps, program: Program, choice: VoteChoice, raw: string): Promise<string> {
  const option = `${choice}_emoji`; // named as people typed it
  const checked = checkVoteEmoji(raw, program.platform);
  if (!checked.ok) return fail('invalid_input', `${option}: ${checked.problem}.`);
  const platform = deps.platform(program.platform);
  if (checked.customId && platform?.hasCustomEmoji && !(await platform.hasCustomEmoji(program.workspaceId, checked.customId))) {
    fail('invalid_input', `${option}: ${raw} isn't a custom emoji of this server, so nobody could react with it. Use one from this server or a standard emoji such as ✅.`);
  }
  return checked.emoji;
}

export async function setApplicationsOpen(deps: CoreDeps, o: { actor: Actor; program: Program; open: boolean }): Promise<Program> {
  const updated = await deps.store.transaction(async (r) => {
    const saved = await r.programs.update(o.program.id, { applicationsOpen: o.open });
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: o.open ? 'program.opened' : 'program.closed', subject: { type: 'program', id: o.program.id } }, deps.now());
    return saved;
  });
  await deps.forms.changed(updated);
  return updated;
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
