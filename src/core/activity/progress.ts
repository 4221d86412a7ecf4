// Progress toward an objective, from verified activity only. A metric no activity kind measures
// gives no progress line at all rather than a made-up number.
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { ensureKinds } from './kinds.js';
import { kindsForMetric } from './model.js';
import type { Range } from './periods.js';

export interface ObjectiveProgress {
  current: number;
  target: number;
  unit: string;
}

/** The program objective: all verified activity of the measuring kinds up to `until` (default: now and beyond). */
export async function programProgress(r: Repositories, program: Program, until?: Date): Promise<ObjectiveProgress | null> {
  if (!(program.objectiveTarget > 0)) return null;
  const keys = kindsForMetric(program.objectiveMetric, await ensureKinds(r, program.id));
  if (!keys) return null;
  const current = await r.activity.objectiveAmount({ programId: program.id, kindKeys: keys, ...(until ? { to: until } : {}) });
  return { current, target: program.objectiveTarget, unit: program.objectiveMetric };
}

/**
 * A campaign's progress: verified activity attributed to the campaign (logged with its kind or
 * with campaign:<id>), measured in the campaign's metric, or the program's when it has none.
 * For the campaign posts' progress hook (src/core/campaigns/progress.ts).
 */
export async function campaignProgress(deps: CoreDeps, campaignId: number, range?: Partial<Range>): Promise<ObjectiveProgress | null> {
  const r = deps.store;
  const campaign = await r.activity.campaignById(campaignId);
  if (!campaign?.objectiveTarget || campaign.objectiveTarget <= 0) return null;
  const program = await r.programs.byId(campaign.programId);
  if (!program) return null;
  const metric = campaign.objectiveMetric?.trim() || program.objectiveMetric;
  const keys = kindsForMetric(metric, await ensureKinds(r, program.id));
  if (!keys) return null;
  const current = await r.activity.objectiveAmount({ programId: program.id, campaignId, kindKeys: keys, ...range });
  return { current, target: campaign.objectiveTarget, unit: metric };
}
