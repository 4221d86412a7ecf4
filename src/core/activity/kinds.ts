// Activity kinds per program: defaults on first use, then staff add and edit them. Points are fixed
// when activity is logged, so a changed rate never rewrites history (transparent rules).
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { defaultKinds, KIND_KEY, type ActivityKind, type KindFields } from './model.js';

/** The program's kinds, creating the defaults for a program that has none. */
export async function ensureKinds(r: Repositories, programId: number): Promise<ActivityKind[]> {
  const kinds = await r.activity.kinds(programId);
  if (kinds.length) return kinds;
  await r.activity.insertKinds(programId, defaultKinds, true);
  return r.activity.kinds(programId);
}

export function findKind(kinds: readonly ActivityKind[], key: string): ActivityKind {
  const k = kinds.find((x) => x.key === key.trim().toLowerCase());
  return k ?? fail('invalid_input', `I don't know the activity kind “${key}”. Kinds: ${kinds.map((x) => x.key).join(', ')} (see /activity kinds list).`);
}

export function listKinds(deps: CoreDeps, o: { program: Program }): Promise<ActivityKind[]> {
  return ensureKinds(deps.store, o.program.id);
}

/** What staff may set on a kind; absent fields are left as they are. A null campaign unties it. */
export type KindChanges = Partial<KindFields>;

async function checked(deps: CoreDeps, program: Program, changes: KindChanges): Promise<KindChanges> {
  if (changes.campaignId != null && !(await deps.store.activity.campaign(program.id, changes.campaignId))) {
    fail('invalid_input', `campaign: ${program.name} has no campaign ${changes.campaignId} (campaign:0 unties the kind from its campaign).`);
  }
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as KindChanges;
}

export async function addKind(deps: CoreDeps, o: { program: Program; actor: Actor; key: string; changes: KindChanges }): Promise<ActivityKind> {
  const { program } = o;
  const key = o.key.trim().toLowerCase();
  if (!KIND_KEY.test(key)) fail('invalid_input', 'key: use up to 24 lower-case letters, digits, - or _, e.g. key:podcast.');
  const kinds = await ensureKinds(deps.store, program.id);
  if (kinds.some((k) => k.key === key)) fail('invalid_input', `${program.name} already has a kind “${key}”; change it with /activity kinds edit key:${key}.`);
  const patch = await checked(deps, program, o.changes);
  const kind: KindFields = {
    key, label: patch.label ?? key, pointsPerUnit: patch.pointsPerUnit ?? 1, unitSize: patch.unitSize ?? 1,
    maxAmount: patch.maxAmount ?? 100, autoVerify: patch.autoVerify ?? false, campaignId: patch.campaignId ?? null,
  };
  return deps.store.transaction(async (r) => {
    await r.activity.insertKinds(program.id, [kind], false);
    const saved = findKind(await r.activity.kinds(program.id), key);
    await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'activity.kind_added', subject: { type: 'activity_kind', id: key }, data: kind }, deps.now());
    return saved;
  });
}

export type KindEdit =
  | { changed: false; kind: ActivityKind }
  /** `rateChanged`: points per unit or unit size changed, which applies to new activity only. */
  | { changed: true; kind: ActivityKind; rateChanged: boolean };

export async function editKind(deps: CoreDeps, o: { program: Program; actor: Actor; key: string; changes: KindChanges }): Promise<KindEdit> {
  const { program } = o;
  const before = findKind(await ensureKinds(deps.store, program.id), o.key);
  const patch = await checked(deps, program, o.changes);
  if (!Object.keys(patch).length) return { changed: false, kind: before };
  const after = await deps.store.transaction(async (r) => {
    const k = await r.activity.updateKind(before.id, patch);
    await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'activity.kind_changed', subject: { type: 'activity_kind', id: k.key }, data: { before, patch } }, deps.now());
    return k;
  });
  return { changed: true, kind: after, rateChanged: patch.pointsPerUnit !== undefined || patch.unitSize !== undefined };
}
