// Use cases: create, edit and preview a campaign. Plain input and CoreDeps, so tests drive them
// with a controllable clock; the /campaign commands are thin wrappers.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { OutboundMessage, Platform } from '../ports/chat-platform.js';
import type { Campaign, CampaignFields } from './model.js';
import { progressFor } from './progress.js';
import { renderCampaignPost } from './render.js';
import { campaignFields, type CampaignInput } from './validate.js';

/** Who acts, and where: a campaign is only visible from its program's workspace. */
export interface Actor {
  platform: Platform;
  workspaceId: string;
  memberId: number;
}

export async function loadCampaign(deps: CoreDeps, where: Omit<Actor, 'memberId'>, campaignId: number): Promise<{ campaign: Campaign; program: Program }> {
  const campaign = await deps.store.campaigns.byId(campaignId);
  const program = campaign && (await deps.store.programs.byId(campaign.programId));
  if (!campaign || !program || program.platform !== where.platform || program.workspaceId !== where.workspaceId) {
    return fail('invalid_input', `campaign: there is no campaign ${campaignId} here; see /campaign list.`);
  }
  return { campaign, program };
}

export async function createCampaign(deps: CoreDeps, o: { program: Program; actorId: number; input: CampaignInput }): Promise<Campaign> {
  const now = deps.now();
  const fields = campaignFields(o.program, null, o.input, now);
  return deps.store.transaction(async (r) => {
    const campaign = await r.campaigns.create({ ...fields, programId: o.program.id, createdById: o.actorId, createdAt: now });
    await audit(r, { programId: o.program.id, actorId: o.actorId, action: 'campaign.created', subject: { type: 'campaign', id: campaign.id }, data: { title: campaign.title } }, now);
    return campaign;
  });
}

export async function editCampaign(deps: CoreDeps, o: { actor: Actor; campaignId: number; input: CampaignInput }): Promise<Campaign> {
  const now = deps.now();
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  if (campaign.status === 'cancelled') fail('invalid_input', `campaign: campaign ${campaign.id} is cancelled; create a new one instead.`);
  const fields = campaignFields(program, campaign, o.input, now);
  const changed = (Object.keys(fields) as Array<keyof CampaignFields>).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(campaign[k]));
  if (changed.length === 0) return campaign;
  const patch = Object.fromEntries(changed.map((k) => [k, fields[k]])) as Partial<CampaignFields>;
  return deps.store.transaction(async (r) => {
    const updated = await r.campaigns.update(campaign.id, patch);
    await audit(r, { programId: program.id, actorId: o.actor.memberId, action: 'campaign.edited', subject: { type: 'campaign', id: campaign.id }, data: { changed } }, now);
    return updated;
  });
}

/** Exactly what a post would look like now (progress as of now; never marked late). */
export async function previewCampaign(deps: CoreDeps, o: { actor: Omit<Actor, 'memberId'>; campaignId: number }): Promise<OutboundMessage> {
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  return renderCampaignPost(program, campaign, { progress: await progressFor(deps, campaign) });
}
