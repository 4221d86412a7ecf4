// One "bot process" for the exactly-once tests: its own OS process, database client, claimant id
// and recording platform. The test drives it over IPC: { tick: iso, parallel } -> what it posted.
import { openDatabase } from '../../../src/db/client.js';
import { runDueCampaignPosts } from '../../../src/core/campaigns/tick.js';
import { Clock, testCore } from './harness.js';

export type ToBot = { type: 'tick'; now: string; parallel: number } | { type: 'stop' };
export type FromBot =
  | { type: 'ready' }
  | { type: 'ticked'; posted: number; posts: Array<{ channel: string; footer: string | undefined }> }
  | { type: 'error'; message: string };

const name = process.argv[2] ?? 'bot';
const db = await openDatabase(process.env.CAMPAIGN_TEST_DB!);
const clock = new Clock('2026-01-01T00:00:00Z');
const core = testCore(db, clock, process.env.CAMPAIGN_TEST_LOG ?? 'error');
const send = (m: FromBot) => process.send!(m);

process.on('message', (m: ToBot) => {
  void (async () => {
    if (m.type === 'stop') {
      await core.dispatcher.stop();
      await db.close();
      process.exit(0);
    }
    clock.set(m.now);
    const results = await Promise.all(Array.from({ length: m.parallel }, () => runDueCampaignPosts(core.deps, { claimedBy: `${name}:${process.pid}` })));
    await core.dispatcher.drain();
    const posts = core.platform.posts.splice(0).map((p) => ({ channel: p.channel, footer: p.message.footer }));
    send({ type: 'ticked', posted: results.reduce((n, r) => n + r.posted, 0), posts });
  })().catch((err: unknown) => send({ type: 'error', message: String(err) }));
});
send({ type: 'ready' });
