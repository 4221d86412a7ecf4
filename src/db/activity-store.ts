import type { Prisma } from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { ActivityRepository } from '../core/activity/repository.js';

export function activityRepository(_db: Prisma.TransactionClient | Db): ActivityRepository {
  return {};
}
