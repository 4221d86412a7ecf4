// Program set-up by staff: create or change a program, its rules, and show it.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { DomainError, fail } from '../errors.js';
import type { NoQuorumPolicy, Program, ProgramSettings } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { isValidTimeZone } from '../time-zone.js';
import { describeRules } from '../voting/rules.js';
import { defaultReasons } from '../applications/reasons.js';

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

export async function setupProgram(ctx: CommandContext, input: SetupInput): Promise<{ program: Program; created: boolean }> {
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
  return store.transaction(async (r) => {
    if (existing) {
      const program = await r.programs.update(existing.id, patch);
      if (patch.committeeChannelId && patch.committeeChannelId !== existing.committeeChannelId) {
        // Applications that could not be posted (e.g. the old channel was deleted) go to the new one.
        for (const app of await r.applications.withStatus(program.id, ['voting', 'awaiting_staff'])) {
          if (!app.committeeMessageId) await r.outbox.enqueue({ kind: 'committee.post', applicationId: app.id });
        }
        ctx.deps.kick();
      }
      await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'program.updated', subject: { type: 'program', id: program.id }, data: patch }, now());
      return { program, created: false };
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
    return { program, created: true };
  });
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

export async function setRules(ctx: CommandContext, program: Program, input: RulesInput): Promise<Program> {
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
    const emoji = { approve: input.approve_emoji ?? program.emoji.approve, reject: input.reject_emoji ?? program.emoji.reject, abstain: input.abstain_emoji ?? program.emoji.abstain };
    if (new Set(Object.values(emoji)).size < 3) fail('invalid_input', 'The approve, reject and abstain emoji must all be different.');
    patch.emoji = emoji;
  }
  return ctx.deps.store.transaction(async (r) => {
    const updated = await r.programs.update(program.id, patch);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'program.rules_changed', subject: { type: 'program', id: program.id }, data: patch }, ctx.deps.now());
    return updated;
  });
}

export async function setApplicationsOpen(ctx: CommandContext, program: Program, open: boolean): Promise<Program> {
  return ctx.deps.store.transaction(async (r) => {
    const updated = await r.programs.update(program.id, { applicationsOpen: open });
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: open ? 'program.opened' : 'program.closed', subject: { type: 'program', id: program.id } }, ctx.deps.now());
    return updated;
  });
}

export function programCard(p: Program, activeAmbassadors: number): OutboundMessage {
  return {
    title: p.name,
    text: `**Why:** ${p.why}\n**Objective:** ${p.objectiveText} (${p.objectiveTarget.toLocaleString('en-US')} ${p.objectiveMetric})`,
    fields: [
      { name: 'Ambassadors', value: `${activeAmbassadors} / ${p.capacity}`, inline: true },
      { name: 'Applications', value: p.applicationsOpen ? 'open' : 'closed', inline: true },
      { name: 'Time zone', value: p.timeZone, inline: true },
      { name: 'Committee channel', value: channelName(p.committeeChannelId), inline: true },
      { name: 'Committee', value: p.committeeRef ? `group ${p.committeeRef}` : 'the /committee list', inline: true },
      { name: 'Ambassador role/channel', value: p.ambassadorTarget ?? 'not set', inline: true },
      { name: 'Announcements', value: channelName(p.announceChannelId), inline: true },
      { name: 'Rules', value: `${describeRules(p)}\nRe-apply after rejection: ${p.reapplyCooldownDays} days` },
    ],
  };
}

/** Channels are written `<#id>` in core text: Discord and Slack both render it as a link; the console as #name. */
export const channelName = (id: string | null) => (id ? `<#${id}>` : 'not set');

export function aboutCard(p: Program): OutboundMessage {
  return {
    title: `About ${p.name}`,
    text: `${p.why}\n\n**Our objective:** ${p.objectiveText}`,
    footer: p.applicationsOpen ? 'Applications are open: use /apply to join.' : 'Applications are closed for now.',
  };
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
