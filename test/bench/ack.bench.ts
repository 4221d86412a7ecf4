// Interaction acknowledgement on Discord: from the moment discord.js hands an interaction to the
// bot to the bot's first API call in answer (a modal, a reply or a deferral), measured against the
// local Discord double with the real client. Two figures:
//  - steady: 200 applications in flight (voting), 100 commands one after another;
//  - burst: 200 people running /apply at the same instant.
// Run: npx tsx test/bench/ack.bench.ts
import { pathToFileURL } from 'node:url';
import type { InteractionRecord } from '../doubles/discord/index.js';
import { defaultWorld, Harness, setupProgram } from '../platforms/discord/harness.js';

const IN_FLIGHT = 200;
const STEADY = 100;

const now = () => performance.timeOrigin + performance.now();
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const describe = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
};

export async function run(): Promise<void> {
  const db = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  console.log(`\n# Discord: interaction in -> first API call out (real discord.js client, local double, ${db}; target p99 < 50 ms)`);
  const world = defaultWorld();
  const applicants = Array.from({ length: IN_FLIGHT }, (_, i) => `applicant${i}`);
  world.members = [...(world.members ?? []), ...applicants.map((username) => ({ username, joinedAt: new Date('2025-06-01T00:00:00Z') }))];
  const h = await Harness.start(world);
  const received = new Map<string, number>();
  h.adapter.client.on('interactionCreate', (i) => received.set(i.id, now()));
  const latency = async (records: InteractionRecord[]) =>
    (await Promise.all(records.map((r) => h.double.waitForResponse(r, 60_000)))).map((resp, i) => resp.time - received.get(records[i]!.id)!);
  try {
    await setupProgram(h);
    await h.command('alice', 'application status'); // warm-up: lazy loading happens once after a deploy

    const burst = applicants.map((user) => h.double.command({ user, name: 'apply', channel: 'general' }));
    const burstMs = await latency(burst);
    const kinds = new Map<number, number>();
    for (const r of burst) kinds.set(r.responses[0]!.type, (kinds.get(r.responses[0]!.type) ?? 0) + 1);
    await h.settle();

    // Put all 200 in flight: their forms go in through the core, as the modal submits would.
    const { store } = h.core.deps;
    const program = (await store.programs.inWorkspace('discord', h.double.guildId))[0]!;
    const questions = await store.questions.list(program.id);
    const { applicationForm } = await import('../../src/core/applications/form.js');
    const spec = applicationForm(program, questions, null);
    for (const user of applicants) {
      const ref = { platform: 'discord' as const, workspaceId: h.double.guildId, id: h.double.user(user).id, name: user, isBot: false };
      await h.core.sink.formSubmitted({ formId: spec.id, values: Object.fromEntries(spec.fields.map((f) => [f.id, 'I care about this a lot'])), user: ref, channel: { platform: 'discord', workspaceId: h.double.guildId, id: h.double.channel('general').id } });
    }
    await h.settle();
    const voting = await h.prisma.application.count({ where: { status: 'VOTING' } });

    const steadyMs: number[] = [];
    for (let i = 0; i < STEADY; i++) {
      const r = h.double.command({ user: applicants[i % applicants.length]!, name: 'application status', channel: 'general' });
      steadyMs.push(...(await latency([r])));
    }
    console.log(`steady (${voting} applications in flight, ${STEADY} commands in turn): ${describe(steadyMs)}`);
    console.log(`burst (${IN_FLIGHT} /apply at the same instant): ${describe(burstMs)}; first answers: ${[...kinds].map(([t, n]) => `${t === 9 ? 'modal' : t === 5 ? 'deferred' : `type ${t}`} ${n}`).join(', ')}`);
  } finally {
    await h.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
