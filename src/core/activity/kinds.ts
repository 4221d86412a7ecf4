// Activity kinds per program: defaults on first use, then staff add and edit them. Points are fixed
// when activity is logged, so a changed rate never rewrites history (transparent rules).
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import type { Repositories } from '../repositories.js';
import { say } from '../replies.js';
import { defaultKinds, KIND_KEY, type ActivityKind, type KindFields } from './model.js';
import { kindLine } from './render.js';

/** The program's kinds, creating the defaults for a program that has none. */
export async function ensureKinds(r: Repositories, programId: number): Promise<ActivityKind[]> {
  const kinds = await r.activity.kinds(programId);
  if (kinds.length) return kinds;
  await r.activity.insertKinds(programId, defaultKinds, true);
  return r.activity.kinds(programId);
}

export function requireStaff(ctx: CommandContext, what: string): void {
  if (!ctx.isStaff) fail('not_allowed', `Only staff can ${what}.`);
}

export function findKind(kinds: readonly ActivityKind[], key: string): ActivityKind {
  const k = kinds.find((x) => x.key === key.trim().toLowerCase());
  return k ?? fail('invalid_input', `I don't know the activity kind “${key}”. Kinds: ${kinds.map((x) => x.key).join(', ')} (see /activity kinds list).`);
}

export async function listKinds(ctx: CommandContext, program: Program): Promise<Reply> {
  const kinds = await ensureKinds(ctx.deps.store, program.id);
  return say(kinds.map((k) => `• ${kindLine(k)}`).join('\n'), {
    title: `Activity kinds — ${program.name}`,
    footer: 'Log with /log kind:<key> amount:<n>. Only verified activity counts on leaderboards.',
  });
}

export interface KindInput {
  key: string;
  label?: string;
  points?: number;
  per?: number;
  cap?: number;
  auto_verify?: boolean;
  campaign?: number;
}

async function fields(ctx: CommandContext, program: Program, input: KindInput): Promise<Partial<KindFields>> {
  if (input.campaign !== undefined && input.campaign !== 0 && !(await ctx.deps.store.activity.campaign(program.id, input.campaign))) {
    fail('invalid_input', `campaign: ${program.name} has no campaign ${input.campaign} (campaign:0 unties the kind from its campaign).`);
  }
  const f: Partial<KindFields> = {
    label: input.label, pointsPerUnit: input.points, unitSize: input.per, maxAmount: input.cap, autoVerify: input.auto_verify,
    campaignId: input.campaign === undefined ? undefined : input.campaign === 0 ? null : input.campaign,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

export async function addKind(ctx: CommandContext, program: Program, input: KindInput): Promise<Reply> {
  requireStaff(ctx, 'add activity kinds');
  const key = input.key.trim().toLowerCase();
  if (!KIND_KEY.test(key)) fail('invalid_input', 'key: use up to 24 lower-case letters, digits, - or _, e.g. key:podcast.');
  const kinds = await ensureKinds(ctx.deps.store, program.id);
  if (kinds.some((k) => k.key === key)) fail('invalid_input', `${program.name} already has a kind “${key}”; change it with /activity kinds edit key:${key}.`);
  const patch = await fields(ctx, program, input);
  const kind: KindFields = {
    key, label: patch.label ?? key, pointsPerUnit: patch.pointsPerUnit ?? 1, unitSize: patch.unitSize ?? 1,
    maxAmount: patch.maxAmount ?? 100, autoVerify: patch.autoVerify ?? false, campaignId: patch.campaignId ?? null,
  };
  const added = await ctx.deps.store.transaction(async (r) => {
    await r.activity.insertKinds(program.id, [kind], false);
    const saved = findKind(await r.activity.kinds(program.id), key);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'activity.kind_added', subject: { type: 'activity_kind', id: key }, data: kind }, ctx.deps.now());
    return saved;
  });
  return say(`Added: ${kindLine(added)}.`);
}

export async function editKind(ctx: CommandContext, program: Program, input: KindInput): Promise<Reply> {
  requireStaff(ctx, 'change activity kinds');
  const before = findKind(await ensureKinds(ctx.deps.store, program.id), input.key);
  const patch = await fields(ctx, program, input);
  if (!Object.keys(patch).length) return say(`Nothing to change. Now: ${kindLine(before)}.`);
  const after = await ctx.deps.store.transaction(async (r) => {
    const k = await r.activity.updateKind(before.id, patch);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'activity.kind_changed', subject: { type: 'activity_kind', id: k.key }, data: { before, patch } }, ctx.deps.now());
    return k;
  });
  const rateChanged = patch.pointsPerUnit !== undefined || patch.unitSize !== undefined;
  return say(`Changed: ${kindLine(after)}.${rateChanged ? ' New points apply to activity logged from now on; what was logged keeps its points.' : ''}`);
}
