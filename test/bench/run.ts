// `npm run bench`: prints the figures DESIGN.md names. Each part can also run alone.
import { run as startup } from './startup.bench.js';
import { run as votes } from './votes.bench.js';
import { run as leaderboard } from './leaderboard.bench.js';
import { run as ack } from './ack.bench.js';

const only = process.argv[2];
const parts = { startup, ack, votes, leaderboard } as const;
for (const [name, part] of Object.entries(parts)) {
  if (!only || only === name) await part();
}
