// Campaigns and their scheduled posts, as the core sees them.
export type CampaignStatus = 'draft' | 'active' | 'paused' | 'cancelled';

export interface Campaign {
  id: number;
  programId: number;
  title: string;
  /** Light markdown (see OutboundMessage); adapters render it per platform. */
  message: string;
  objectiveMetric: string | null;
  objectiveTarget: number | null;
  ctaUrl: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  channelIds: string[];
  ambassadorsOnly: boolean;
  status: CampaignStatus;
  createdById: number | null;
  createdAt: Date;
}

export type CampaignFields = Omit<Campaign, 'id' | 'programId' | 'status' | 'createdById' | 'createdAt'>;

export interface Schedule {
  id: number;
  campaignId: number;
  kind: 'one_off' | 'recurring';
  runAt: Date | null;
  cron: string | null;
  /** What staff typed ("every Monday 09:00"), or the one-off's description. */
  recurrence: string | null;
  timeZone: string;
  graceMinutes: number;
  paused: boolean;
  cancelledAt: Date | null;
  /** When it last became able to run (created or resumed): runs before it were never owed. */
  activeSince: Date;
}

export type NewSchedule = Omit<Schedule, 'id' | 'paused' | 'cancelledAt'>;

/** Discord's message limit: a post must fit it whole, whatever the platform. */
export const POST_LIMIT = 2000;
/** Grace may be at most a week: a week-old announcement is news to nobody. */
export const MAX_GRACE_MINUTES = 7 * 24 * 60;

export const jobKeyFor = (scheduleId: number) => `campaign-post:${scheduleId}`;
