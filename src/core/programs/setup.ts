// Program set-up by staff: create or change a program, its rules, and show it.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { DomainError, fail } from '../errors.js';
import type { NoQuorumPolicy, Program, ProgramSettings } from '../model.js';
import { isValidTimeZone } from '../time-zone.js';
import { defaultReasons } from '../applications/reasons.js';
import { promoteWaitlist } from '../applications/decide.js';
import { canonicalEmoji, checkVoteEmoji } from '../voting/emoji.js';
import { quorumWarning, resettleOpenApplications } from './people.js';

export interface SetupInput {
  program?: string;
  why?: string;
  objective?: string;
  metric?: string;
  target?: number;
  capacity?: number;
  committee_channel?: string;
  committee?: string;
  ambassador_role?: string;
  announce_channel?: string;
  staff_channel?: string;
  timezone?: string;
}

const required: Array<[keyof SetupInput, string]> = [
  ['program', 'program:"Campus Crew" (its name)'],
  ['why', 'why:"…" (what people love about the organisation)'],
  ['objective', 'objective:"Raise $50,000 for clean water"'],
  ['metric', 'metric:dollars (what the objective counts)'],
  ['target', 'target:50000'],
  ['capacity', 'capacity:25 (most active ambassadors at once)'],
  ['committee_channel', 'committee_channel:#committee (where applications are reviewed)'],
];

/** What a settings change did beyond the settings: places filled from the waitlist, rules that can't be met. */
export interface SetupResult {
  program: Program;
  created: boolean;
  notes: string[];
}

export async function setupProgram(ctx: CommandContext, input: SetupInput): Promise<SetupResult> {
  const { store, now } = ctx.deps;
  if (input.timezone && !isValidTimeZone(input.timezone)) {
    fail('invalid_input', `timezone: “${input.timezone}” is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.`);
  }
  const existing = input.program
    ? (await store.programs.inWorkspace(ctx.user.platform, ctx.user.workspaceId)).find(
        (p) => p.name.toLowerCase() === input.program!.toLowerCase(),
      )
    : await ctx.program().catch((e: unknown) => (e instanceof DomainError && e.code === 'no_program' ? undefined : Promise.reject(e)));
  const patch: Partial<ProgramSettings> = compact({
    why: input.why, objectiveText: input.objective, objectiveMetric: input.metric, objectiveTarget: input.target,
    capacity: input.capacity, committeeChannelId: input.committee_channel, committeeRef: input.committee,
    ambassadorTarget: input.ambassador_role, announceChannelId: input.announce_channel, staffChannelId: input.staff_channel, timeZone: input.timezone,
  });
  const result = await store.transaction(async (r): Promise<SetupResult> => {
    if (existing) {
      const notes: string[] = [];
      if (patch.capacity !== undefined) {
        const active = await r.ambassadors.activeCount(existing.id);
        if (patch.capacity < active) {
          fail('invalid_input', `capacity: ${existing.name} has ${active} active ambassadors, so its capacity can't go below ${active}. Remove ambassadors first with /ambassador remove, then lower it.`);
        }
      }
      const program = await r.programs.update(existing.id, patch);
      // More places: the waitlist moves up at once, in order.
      const promoted = patch.capacity !== undefined && patch.capacity > existing.capacity ? await promoteWaitlist(ctx.deps, r, program) : 0;
      if (promoted) notes.push(`${promoted} ${promoted === 1 ? 'person' : 'people'} from the waitlist took the new place${promoted === 1 ? '' : 's'}.`);
      if (patch.committeeChannelId && patch.committeeChannelId !== existing.committeeChannelId) {
        // Applications that could not be posted (e.g. the old channel was deleted) go to the new one.
        for (const app of await r.applications.withStatus(program.id, ['voting', 'awaiting_staff'])) {
          if (!app.committeeMessageId) await r.outbox.enqueue({ kind: 'committee.post', applicationId: app.id });
        }
        ctx.deps.kick();
      }
      await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'program.updated', subject: { type: 'program', id: program.id }, data: patch }, now());
      return { program, created: false, notes };
    }
    const missing = required.filter(([k]) => input[k] === undefined);
    if (missing.length) {
      fail('invalid_input', `To create a program I also need: ${missing.map(([, hint]) => hint).join(', ')}.`);
    }
    const settings: ProgramSettings = {
      name: input.program!, why: input.why!, objectiveText: input.objective!, objectiveMetric: input.metric!,
      objectiveTarget: input.target!, capacity: input.capacity!, committeeChannelId: input.committee_channel!,
      committeeRef: input.committee ?? null, ambassadorTarget: input.ambassador_role ?? null,
      announceChannelId: input.announce_channel ?? null, timeZone: input.timezone ?? ctx.deps.defaultTimeZone,
      applicationsOpen: true, reapplyCooldownDays: 90, quorum: 3, thresholdNumerator: 2, thresholdDenominator: 3,
      votingWindowHours: 72, noQuorumPolicy: 'extend_once', blindReview: false,
      emoji: { approve: '✅', reject: '❌', abstain: '🤔' }, announceAcceptances: false, staffChannelId: input.staff_channel ?? null, lastProblem: null,
    };
    const program = await r.programs.create(ctx.user.platform, ctx.user.workspaceId, settings);
    for (const [code, label] of defaultReasons) await r.reasons.upsert(program.id, code, label);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'program.created', subject: { type: 'program', id: program.id } }, now());
    return { program, created: true, notes: [] };
  });
  ctx.deps.kick();
  if (result.created) {
    result.notes.push(`Voting needs a quorum of ${result.program.quorum} committee votes: add at least ${result.program.quorum} members with /committee add, or change it with /program rules quorum:…`);
  }
  return result;
}

export interface RulesInput {
  quorum?: number;
  threshold?: string;
  window_hours?: number;
  no_quorum?: NoQuorumPolicy;
  blind?: boolean;
  cooldown_days?: number;
  approve_emoji?: string;
  reject_emoji?: string;
  abstain_emoji?: string;
  announce_acceptances?: boolean;
}

export async function setRules(ctx: CommandContext, program: Program, input: RulesInput): Promise<{ program: Program; notes: string[] }> {
  const patch: Partial<ProgramSettings> = compact({
    quorum: input.quorum, votingWindowHours: input.window_hours, noQuorumPolicy: input.no_quorum,
    blindReview: input.blind, reapplyCooldownDays: input.cooldown_days, announceAcceptances: input.announce_acceptances,
  });
  if (input.threshold !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(input.threshold) ?? /^\s*(\d+)\s*%\s*$/.exec(input.threshold);
    const [num, den] = m ? (m[2] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[1]), 100]) : [NaN, NaN];
    if (!(num > 0 && den > 0 && num <= den)) {
      fail('invalid_input', 'threshold: write a fraction or a percentage between 0 and 1, such as 2/3 or 60%.');
    }
    Object.assign(patch, { thresholdNumerator: num, thresholdDenominator: den });
  }
  if (input.approve_emoji || input.reject_emoji || input.abstain_emoji) {
    const emoji = {
      approve: input.approve_emoji ? await voteEmoji(ctx, program, 'approve_emoji', input.approve_emoji) : program.emoji.approve,
      reject: input.reject_emoji ? await voteEmoji(ctx, program, 'reject_emoji', input.reject_emoji) : program.emoji.reject,
      abstain: input.abstain_emoji ? await voteEmoji(ctx, program, 'abstain_emoji', input.abstain_emoji) : program.emoji.abstain,
    };
    if (new Set(Object.values(emoji).map(canonicalEmoji)).size < 3) fail('invalid_input', 'The approve, reject and abstain emoji must all be different.');
    patch.emoji = emoji;
  }
  const updated = await ctx.deps.store.transaction(async (r) => {
    const saved = await r.programs.update(program.id, patch);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'program.rules_changed', subject: { type: 'program', id: program.id }, data: patch }, ctx.deps.now());
    return saved;
  });
  // New rules apply to open votes at once: a lower quorum may already be met.
  const committeeSize = await resettleOpenApplications(ctx.deps, updated);
  const warning = quorumWarning(updated, committeeSize).trim();
  return { program: updated, notes: warning ? [warning] : [] };
}

/** A vote emoji people can actually react with on this platform, in the form to store. */
async function voteEmoji(ctx: CommandContext, program: Program, option: string, raw: string): Promise<string> {
  const checked = checkVoteEmoji(raw, program.platform);
  if (!checked.ok) return fail('invalid_input', `${option}: ${checked.problem}.`);
  const platform = ctx.deps.platform(program.platform);
  if (checked.customId && platform?.hasCustomEmoji && !(await platform.hasCustomEmoji(program.workspaceId, checked.customId))) {
    fail('invalid_input', `${option}: ${raw} isn't a custom emoji of this server, so nobody could react with it. Use one from this server or a standard emoji such as ✅.`);
  }
  return checked.emoji;
}

export async function setApplicationsOpen(ctx: CommandContext, program: Program, open: boolean): Promise<Program> {
  return ctx.deps.store.transaction(async (r) => {
    const updated = await r.programs.update(program.id, { applicationsOpen: open });
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: open ? 'program.opened' : 'program.closed', subject: { type: 'program', id: program.id } }, ctx.deps.now());
    return updated;
  });
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
