// Campaigns, their schedules and the exactly-once claims on their runs, on Prisma.
// A schedule's updatedAt is its "active since": it is written explicitly (from the core's clock)
// only when the schedule is created, paused, resumed or cancelled.
import type { Prisma } from './generated/sqlite/client.js';
import type * as P from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { CampaignRepository } from '../core/campaigns/repository.js';
import type { Campaign, CampaignFields, CampaignStatus, Schedule } from '../core/campaigns/model.js';
import { lower, upper } from './mappers.js';

type DbStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'CANCELLED';

function toCampaign(c: P.Campaign): Campaign {
  return {
    id: c.id, programId: c.programId, title: c.title, message: c.message, objectiveMetric: c.objectiveMetric,
    objectiveTarget: c.objectiveTarget, ctaUrl: c.ctaUrl, startsAt: c.startsAt, endsAt: c.endsAt,
    channelIds: Array.isArray(c.channelIds) ? (c.channelIds as string[]) : [], ambassadorsOnly: c.ambassadorsOnly,
    status: lower<CampaignStatus>(c.status), createdById: c.createdById, createdAt: c.createdAt,
  };
}

function toSchedule(s: P.ScheduledPost): Schedule {
  return {
    id: s.id, campaignId: s.campaignId, kind: s.kind === 'ONE_OFF' ? 'one_off' : 'recurring', runAt: s.runAt, cron: s.cron,
    recurrence: s.recurrence, timeZone: s.timeZone, graceMinutes: s.graceMinutes, paused: s.paused, cancelledAt: s.cancelledAt,
    activeSince: s.updatedAt,
  };
}

function columns(f: Partial<CampaignFields>) {
  return { ...f, ...(f.channelIds ? { channelIds: f.channelIds as Prisma.InputJsonValue } : {}) };
}

export function campaignRepository(db: Prisma.TransactionClient | Db): CampaignRepository {
  return {
    async create(d) {
      const { channelIds, ...rest } = d;
      return toCampaign(await db.campaign.create({ data: { ...rest, channelIds: channelIds as Prisma.InputJsonValue, status: 'DRAFT' } }));
    },
    update: async (id, patch) => toCampaign(await db.campaign.update({ where: { id }, data: columns(patch) })),
    byId: async (id) => {
      const c = await db.campaign.findUnique({ where: { id } });
      return c ? toCampaign(c) : null;
    },
    inProgram: async (programId) => (await db.campaign.findMany({ where: { programId }, orderBy: { id: 'asc' } })).map(toCampaign),
    setStatus: async (id, from, to) =>
      (await db.campaign.updateMany({ where: { id, status: { in: from.map((s) => upper<DbStatus>(s)) } }, data: { status: upper<DbStatus>(to) } })).count === 1,

    async addSchedule(s) {
      const row = await db.scheduledPost.create({
        data: {
          campaignId: s.campaignId, kind: s.kind === 'one_off' ? 'ONE_OFF' : 'RECURRING', runAt: s.runAt, cron: s.cron,
          recurrence: s.recurrence, timeZone: s.timeZone, graceMinutes: s.graceMinutes, createdAt: s.activeSince, updatedAt: s.activeSince,
        },
      });
      return toSchedule(row);
    },
    schedule: async (id) => {
      const s = await db.scheduledPost.findUnique({ where: { id } });
      return s ? toSchedule(s) : null;
    },
    schedules: async (campaignId) => (await db.scheduledPost.findMany({ where: { campaignId }, orderBy: { id: 'asc' } })).map(toSchedule),
    setPaused: async (id, paused, at) =>
      (await db.scheduledPost.updateMany({ where: { id, cancelledAt: null, paused: !paused }, data: { paused, updatedAt: at } })).count === 1,
    async restartSchedules(campaignId, at) {
      await db.scheduledPost.updateMany({ where: { campaignId, cancelledAt: null }, data: { updatedAt: at } });
    },
    cancelSchedules: async (where, at) =>
      (await db.scheduledPost.updateMany({ where: { ...where, cancelledAt: null }, data: { cancelledAt: at, updatedAt: at } })).count,
    async runnable(since) {
      const rows = await db.scheduledPost.findMany({
        where: {
          paused: false,
          cancelledAt: null,
          OR: [{ runAt: null }, { runAt: { gte: since } }],
          campaign: { status: 'ACTIVE', OR: [{ endsAt: null }, { endsAt: { gte: since } }] },
        },
        include: { campaign: true },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({ schedule: toSchedule(r), campaign: toCampaign(r.campaign) }));
    },
  };
}
