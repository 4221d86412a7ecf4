// One "bot process" for the retention race: its own OS process, database client and claimant id
// (SQLite clients in one process would block each other's thread on a lock). The test drives it
// over IPC: { now, parallel } -> how many answers it erased and which committee posts it edited.
import { pino } from 'pino';
import { allCommands } from '../../commands/index.js';
import { createCore } from '../../src/core/index.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import { openDatabase } from '../../src/db/client.js';
import { createStore } from '../../src/db/store.js';

export type ToBot = { type: 'run'; now: string; parallel: number } | { type: 'stop' };
export type FromBot = { type: 'ready' } | { type: 'ran'; erased: number; edits: string[] } | { type: 'error'; message: string };

const name = process.argv[2] ?? 'bot';
const db = await openDatabase(process.env.RETENTION_TEST_DB!);
let now = new Date(0);
const edits: string[] = [];
const unused = async () => { throw new Error('not used here'); };
const platform: ChatPlatform = {
  platform: 'console', capabilities: { removeOthersReactions: false }, start: async () => {}, stop: async () => {},
  post: unused, edit: async (ref) => void edits.push(ref.id), dm: async () => {}, react: unused, unreact: unused, reactionsOn: async () => [],
  grantMembership: unused, revokeMembership: unused, membersOf: async () => [],
};
const core = createCore({ store: createStore(db), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => now });
core.attach(platform);
const send = (m: FromBot) => process.send!(m);

process.on('message', (m: ToBot) => {
  void (async () => {
    if (m.type === 'stop') {
      await core.dispatcher.stop();
      await db.close();
      process.exit(0);
    }
    now = new Date(m.now);
    const counts = await Promise.all(Array.from({ length: m.parallel }, () => core.jobs.eraseExpiredAnswers({ claimedBy: `${name}:${process.pid}` })));
    await core.dispatcher.drain();
    send({ type: 'ran', erased: counts.reduce((a, b) => a + b, 0), edits: edits.splice(0) });
  })().catch((err: unknown) => send({ type: 'error', message: String(err) }));
});
send({ type: 'ready' });
