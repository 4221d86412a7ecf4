import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

describe(`a write beside an open transaction on ${testProvider}`, () => {
  it('GIVEN a transaction that rolls back WHEN another caller writes meanwhile THEN that write is kept and never saw the rolled-back row', async () => {
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    const tx = db.prisma
      .$transaction(async (t) => {
        await t.member.create({ data: { platform: 'console', workspaceId: 'w', platformUserId: 'ghost', displayName: 'Ghost' } });
        inside();
        await new Promise((r) => setTimeout(r, 100));
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await opened;
    const [outside, seen] = await Promise.all([
      db.prisma.member.create({ data: { platform: 'console', workspaceId: 'w', platformUserId: 'kept', displayName: 'Kept' } }),
      db.prisma.member.count({ where: { platformUserId: 'ghost' } }),
    ]);
    expect(await tx).toBe('roll back');
    expect(outside.platformUserId).toBe('kept');
    expect(seen).toBe(0);
    expect((await db.prisma.member.findMany({ orderBy: { id: 'asc' } })).map((m) => m.platformUserId)).toEqual(['kept']);
  });
});
