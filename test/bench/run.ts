// `npm run bench`: prints the figures DESIGN.md names, each beside its floor where it has one, with the
// load average. Each part can also run alone: `npm run bench -- ack` (startup, ack, slack, votes, leaderboard, claims).
import { run as startup } from './startup.bench.js';
import { run as votes } from './votes.bench.js';
import { run as leaderboard } from './leaderboard.bench.js';
import { run as ack } from './ack.bench.js';
import { run as slack } from './slack-ack.bench.js';
import { run as claims } from './claims.bench.js';

const only = process.argv[2];
const parts = { startup, ack, slack, votes, leaderboard, claims } as const;
for (const [name, part] of Object.entries(parts)) {
  if (!only || only === name) await part();
}
