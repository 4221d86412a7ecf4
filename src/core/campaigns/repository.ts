// Storage the campaigns feature needs. Implemented in src/db/campaign-store.ts.
import type { Campaign, CampaignFields, CampaignStatus, NewSchedule, Schedule } from './model.js';

export interface CampaignRepository {
  create(data: CampaignFields & { programId: number; createdById: number | null; createdAt: Date }): Promise<Campaign>;
  update(id: number, patch: Partial<CampaignFields>): Promise<Campaign>;
  byId(id: number): Promise<Campaign | null>;
  inProgram(programId: number): Promise<Campaign[]>;
  /** Conditional: applies only while the status is one of `from`; false when it had moved. */
  setStatus(id: number, from: readonly CampaignStatus[], to: CampaignStatus): Promise<boolean>;

  addSchedule(s: NewSchedule): Promise<Schedule>;
  schedule(id: number): Promise<Schedule | null>;
  schedules(campaignId: number): Promise<Schedule[]>;
  /** Pauses or resumes one schedule (resuming restarts its activeSince); false if cancelled or unchanged. */
  setPaused(id: number, paused: boolean, at: Date): Promise<boolean>;
  /** Restarts activeSince for every live schedule of a campaign (the campaign was resumed). */
  restartSchedules(campaignId: number, at: Date): Promise<void>;
  /** Cancels one schedule, or every live schedule of the campaign; returns how many. */
  cancelSchedules(where: { id: number } | { campaignId: number }, at: Date): Promise<number>;
  /** Every schedule that may post: live, unpaused, of an active campaign, not long finished. */
  runnable(since: Date): Promise<Array<{ schedule: Schedule; campaign: Campaign }>>;

}
