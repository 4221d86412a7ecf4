// Builders for the activity tests: a seeded program on a test core, ambassadors made directly in
// the store (the application flow has its own tests), the weekly job, and the posts it makes.
// Exports are written under a temporary directory, removed when the test core closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboundMessage } from '../../../src/core/ports/chat-platform.js';
import { runDueLeaderboards } from '../../../src/core/activity/weekly.js';
import { renderLeaderboardCard } from '../../../src/render/leaderboard-card.js';
import { consoleUser } from '../../../src/platforms/console/adapter.js';
import { localFiles } from '../../../src/files/local-files.js';
import { createTestCore, seedProgram, type TestCore } from '../../support/core.js';

export interface ActivityTest extends TestCore {
  posts: Array<{ channel: string; message: OutboundMessage }>;
  programId: number;
  /** Where this core's exports go: <a temporary directory>/data/exports. */
  exportDir: string;
}

/** Campus Crew (metric dollars, target 50,000, announcements in #news) on a core whose clock starts at `start`. */
export async function activityTest(start = '2026-03-04T10:00:00Z', extra = ''): Promise<ActivityTest> {
  const t = await createTestCore(new Date(start));
  await seedProgram(t, extra);
  const posts: ActivityTest['posts'] = [];
  const post = t.platform.post.bind(t.platform);
  t.platform.post = async (to, message) => {
    posts.push({ channel: to.id, message });
    return post(to, message);
  };
  const { id } = await t.db.prisma.program.findFirstOrThrow();
  const root = mkdtempSync(join(tmpdir(), 'ambassador-files-'));
  const exportDir = join(root, 'data', 'exports');
  t.core.deps.files = localFiles(exportDir); // the test core has no file sink of its own
  const close = t.close.bind(t);
  t.close = async () => {
    await close();
    rmSync(root, { recursive: true, force: true });
  };
  return Object.assign(t, { posts, programId: id, exportDir });
}

/** Makes `userId` an active ambassador now (or at `since`). */
export async function ambassador(t: ActivityTest, userId: string, since = t.clock.now): Promise<number> {
  const m = await t.core.deps.store.members.upsert(consoleUser(userId));
  await t.core.deps.store.ambassadors.create({ programId: t.programId, memberId: m.id, applicationId: null, since });
  return m.id;
}

/** Logs as `userId` and, unless told otherwise, has the admin approve it. Returns the activity id. */
export async function logged(t: ActivityTest, userId: string, args: string, approve = true): Promise<number> {
  const reply = await t.say(userId, `/log ${args}`);
  const id = Number(/Logged #(\d+)/.exec(reply)?.[1]);
  if (!id) throw new Error(`not logged: ${reply}`);
  if (approve && !reply.includes('counts right away')) await t.say('admin', `/activity approve id:${id}`);
  return id;
}

export function setClock(t: TestCore, iso: string): void {
  t.clock.now = new Date(iso);
}

/** One scheduler tick of the weekly leaderboard, then its side effects. */
export async function weeklyTick(t: TestCore, claimedBy = 'test-process'): Promise<number> {
  const n = await runDueLeaderboards(t.core.deps, { claimedBy, renderCard: renderLeaderboardCard });
  await t.core.dispatcher.drain();
  return n;
}

/** A PNG's width and height from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/**
 * The image bytes of a message that went through the outbox: Prisma stores a Uint8Array inside
 * JSON as base64 text, so that is what comes back until the outbox revives it.
 */
export function imageBytes(png: Uint8Array | string): Uint8Array {
  return typeof png === 'string' ? new Uint8Array(Buffer.from(png, 'base64')) : png;
}
