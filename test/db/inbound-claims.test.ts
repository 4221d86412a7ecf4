// The inbound claims in SQL (what several processes share on PostgreSQL), on the provider of the
// run, with two separately opened clients racing like two bot processes; and the in-memory one a
// single SQLite process uses, against the same expectations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { memoryInboundClaims, sqlInboundClaims } from '../../src/db/inbound-claims.js';
import type { InboundClaimsRepository, InboundWork } from '../../src/core/inbound.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let other: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  other = await openDatabase(db.url);
});
afterAll(async () => {
  await other?.close();
  await db?.destroy();
});

const t0 = new Date('2026-12-07T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const lease = 30_000;
const work: InboundWork = {
  kind: 'reaction', platform: 'discord',
  ev: { message: { channel: { platform: 'discord', workspaceId: 'g', id: 'c' }, id: 'm' }, user: { platform: 'discord', workspaceId: 'g', id: 'u', isBot: false }, added: true, emoji: '✅' },
};

function contract(name: string, repos: () => [InboundClaimsRepository, InboundClaimsRepository]) {
  let n = 0;
  const key = () => `${name}:event:${++n}`;

  describe(name, () => {
    it('GIVEN an event nobody claimed WHEN 20 claims race from two processes THEN exactly one wins', async () => {
      const [a, b] = repos();
      const k = key();
      const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim({ key: k, claimedBy: `p${i}`, now: t0, leaseMs: lease })));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('GIVEN a claimed event WHEN it comes again ten minutes later (a Slack redelivery) THEN it is still refused', async () => {
      const [a, b] = repos();
      const k = key();
      expect(await a.claim({ key: k, claimedBy: 'a', now: t0, leaseMs: lease })).toBe(true);
      expect(await a.settle(k, 'a', at(100))).toBe(true);
      expect(await b.claim({ key: k, claimedBy: 'b', now: at(10 * 60_000), leaseMs: lease })).toBe(false);
    });

    it('GIVEN a reaction added WHEN the copy comes, then its removal, then a new add THEN copies lose and each new event wins', async () => {
      const [a, b] = repos();
      const k = key();
      const claim = (r: InboundClaimsRepository, by: string, variant: string, ms: number) => r.claim({ key: k, variant, repeatAfterMs: 60_000, claimedBy: by, now: at(ms), leaseMs: lease });
      expect(await claim(a, 'a', 'add', 0)).toBe(true);
      expect(await claim(b, 'b', 'add', 5)).toBe(false);
      expect(await claim(b, 'b', 'remove', 400)).toBe(true);
      expect(await claim(a, 'a', 'remove', 405)).toBe(false);
      expect(await claim(a, 'a', 'add', 900)).toBe(true);
      expect(await claim(b, 'b', 'add', 61_000)).toBe(true); // same kind a minute on: a new event (one was missed)
    });

    it('GIVEN a claim taken over by a newer event WHEN its first holder settles THEN it learns the claim is no longer its', async () => {
      const [a, b] = repos();
      const k = key();
      await a.claim({ key: k, variant: 'add', claimedBy: 'a', now: t0, leaseMs: lease });
      await b.claim({ key: k, variant: 'remove', claimedBy: 'b', now: at(10), leaseMs: lease });
      expect(await a.settle(k, 'a', at(20))).toBe(false);
      expect(await b.settle(k, 'b', at(20))).toBe(true);
    });

    it('GIVEN work claimed by a process that died WHEN its lease lapses THEN exactly one other process takes it over, with the work', async () => {
      const [a, b] = repos();
      const k = key();
      await a.claim({ key: k, claimedBy: 'dead', now: t0, leaseMs: lease, work });
      expect((await b.takeOverLapsed('b', at(lease - 1), lease, 50)).map((c) => c.key)).not.toContain(k);
      const [fromA, fromB] = await Promise.all([a.takeOverLapsed('a', at(lease + 1), lease, 50), b.takeOverLapsed('b', at(lease + 1), lease, 50)]);
      const taken = [...fromA, ...fromB].filter((c) => c.key === k);
      expect(taken).toEqual([{ key: k, work }]);
      const winner = fromA.some((c) => c.key === k) ? 'a' : 'b';
      expect(await (winner === 'a' ? a : b).settle(k, winner, at(lease + 2))).toBe(true);
      expect(await a.settle(k, 'dead', at(lease + 3))).toBe(false);
      expect((await b.takeOverLapsed('b', at(10 * lease), lease, 50)).map((c) => c.key)).not.toContain(k); // done: nothing left
    });

    it('GIVEN done and abandoned claims WHEN pruned THEN old ones go and recent ones stay', async () => {
      const [a] = repos();
      const old = key();
      const recent = key();
      const abandoned = key();
      await a.claim({ key: old, claimedBy: 'a', now: t0, leaseMs: lease });
      await a.settle(old, 'a', t0);
      await a.claim({ key: abandoned, claimedBy: 'a', now: t0, leaseMs: lease, work });
      await a.claim({ key: recent, claimedBy: 'a', now: at(20 * 60_000), leaseMs: lease });
      await a.settle(recent, 'a', at(20 * 60_000));
      expect(await a.prune(at(15 * 60_000), at(15 * 60_000))).toBeGreaterThanOrEqual(2);
      expect(await a.claim({ key: recent, claimedBy: 'b', now: at(21 * 60_000), leaseMs: lease })).toBe(false);
      expect(await a.claim({ key: old, claimedBy: 'b', now: at(21 * 60_000), leaseMs: lease })).toBe(true); // forgotten
    });
  });
}

contract(`SQL claims on ${testProvider}`, () => [sqlInboundClaims(db.prisma, db.provider), sqlInboundClaims(other.prisma, other.provider)]);
// Production on PostgreSQL: through the plain pool, the claims of one event-loop turn batched into one statement.
if (testProvider === 'postgresql') {
  contract('SQL claims through the plain pool, batched', () => [sqlInboundClaims(db.prisma, db.provider, db.fast), sqlInboundClaims(other.prisma, other.provider, other.fast)]);
  describe('claims batched in one statement', () => {
    it('GIVEN 60 claims asked in one turn, each of 20 events three times, with a repeat window for some THEN each event is won exactly once', async () => {
      const repo = sqlInboundClaims(db.prisma, db.provider, db.fast);
      const wins = await Promise.all(
        Array.from({ length: 60 }, (_, i) => repo.claim({ key: `batch:${i % 20}`, claimedBy: `p${i}`, now: t0, leaseMs: lease, ...(i % 20 < 5 ? { repeatAfterMs: 60_000 } : {}) })),
      );
      const byKey = new Map<string, number>();
      wins.forEach((won, i) => won && byKey.set(`batch:${i % 20}`, (byKey.get(`batch:${i % 20}`) ?? 0) + 1));
      expect([...byKey.values()]).toEqual(Array.from({ length: 20 }, () => 1));
      expect(await repo.claim({ key: 'batch:7', claimedBy: 'late', now: at(1000), leaseMs: lease })).toBe(false);
    });
  });
}
const memory = memoryInboundClaims();
contract('in-memory claims (one SQLite process)', () => [memory, memory]);

describe(`claims inside the work's transaction on ${testProvider}`, () => {
  it('GIVEN a claim taken over while its work runs WHEN the work commits THEN its changes roll back with the lost claim', async () => {
    const repo = sqlInboundClaims(db.prisma, db.provider);
    await repo.claim({ key: 'tx:1', claimedBy: 'slow', now: t0, leaseMs: lease, work });
    await repo.takeOverLapsed('fast', at(lease + 1), lease, 50);
    const attempt = db.prisma.$transaction(async (tx) => {
      await tx.formDraft.create({ data: { token: 'tx1', personKey: 'tx1', data: {}, expiresAt: at(1) } });
      if (!(await sqlInboundClaims(tx, db.provider).settle('tx:1', 'slow', at(lease + 2)))) throw new Error('lost');
    });
    await expect(attempt).rejects.toThrow('lost');
    expect(await db.prisma.formDraft.count({ where: { token: 'tx1' } })).toBe(0);
  });
});
