import type { Prisma } from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { CampaignRepository } from '../core/campaigns/repository.js';

export function campaignRepository(_db: Prisma.TransactionClient | Db): CampaignRepository {
  return {};
}
