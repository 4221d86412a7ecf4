// Use cases: create, edit and preview a campaign. Each takes CoreDeps and plain domain input and
// returns what happened as data (replies.ts words it), so tests drive them with a controllable clock.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { Campaign, CampaignFields, Schedule } from './model.js';
import { progressFor, type Progress } from './progress.js';
import { campaignFields, type CampaignInput } from './validate.js';

/** A campaign as staff see it after a change: with its program and its schedules. */
export interface CampaignView {
  program: Program;
  campaign: Campaign;
  schedules: Schedule[];
}

/** What a post would look like now: its campaign, and the progress it would show. */
export interface CampaignPreview {
  program: Program;
  campaign: Campaign;
  progress: Progress | null;
}

/** A campaign by number, and its program, as long as it belongs to the actor's workspace. */
export async function loadCampaign(deps: CoreDeps, actor: Actor, campaignId: number): Promise<{ campaign: Campaign; program: Program }> {
  const campaign = await deps.store.campaigns.byId(campaignId);
  const program = campaign && (await deps.store.programs.byId(campaign.programId));
  const { platform, workspaceId } = actor.member;
  if (!campaign || !program || program.platform !== platform || program.workspaceId !== workspaceId) {
    return fail('invalid_input', `campaign: there is no campaign ${campaignId} here; see /campaign list.`);
  }
  return { campaign, program };
}

/** A new campaign starts as a draft: nothing posts until it is scheduled. */
export async function createCampaign(deps: CoreDeps, o: { program: Program; actor: Actor; changes: CampaignInput }): Promise<CampaignView> {
  const now = deps.now();
  const fields = campaignFields(o.program, null, o.changes, now);
  const campaign = await deps.store.transaction(async (r) => {
    const created = await r.campaigns.create({ ...fields, programId: o.program.id, createdById: o.actor.member.id, createdAt: now });
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'campaign.created', subject: { type: 'campaign', id: created.id }, data: { title: created.title } }, now);
    return created;
  });
  return { program: o.program, campaign, schedules: [] };
}

/** Scheduled posts read the campaign when they go out, so they use the edited version. */
export async function editCampaign(deps: CoreDeps, o: { actor: Actor; campaignId: number; changes: CampaignInput }): Promise<CampaignView> {
  const now = deps.now();
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  if (campaign.status === 'cancelled') fail('invalid_input', `campaign: campaign ${campaign.id} is cancelled; create a new one instead.`);
  const fields = campaignFields(program, campaign, o.changes, now);
  const changed = (Object.keys(fields) as Array<keyof CampaignFields>).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(campaign[k]));
  const saved = changed.length === 0 ? campaign : await deps.store.transaction(async (r) => {
    const patch = Object.fromEntries(changed.map((k) => [k, fields[k]])) as Partial<CampaignFields>;
    const updated = await r.campaigns.update(campaign.id, patch);
    await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'campaign.edited', subject: { type: 'campaign', id: campaign.id }, data: { changed } }, now);
    return updated;
  });
  return { program, campaign: saved, schedules: await deps.store.campaigns.schedules(saved.id) };
}

/** Exactly what a post would look like now (progress as of now; never marked late). */
export async function previewCampaign(deps: CoreDeps, o: { actor: Actor; campaignId: number }): Promise<CampaignPreview> {
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  return { program, campaign, progress: await progressFor(deps, campaign) };
}
