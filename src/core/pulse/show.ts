// What staff look at: the list of pulses, and a pulse's latest results again.
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { resultsChart, resultsMessage } from './results.js';

export async function listPulses(deps: CoreDeps, program: Program) {
  const pulses = await deps.store.pulses.inProgram(program.id);
  return Promise.all(pulses.map(async (pulse) => ({ pulse, rounds: await deps.store.pulses.rounds(pulse.id) })));
}

export async function latestResults(deps: CoreDeps, program: Program, id: number): Promise<Reply> {
  const pulse = (await deps.store.pulses.byId(program.id, id)) ?? fail('invalid_input', `There is no pulse #${id} in ${program.name}. /pulse list shows them.`);
  const closed = (await deps.store.pulses.rounds(pulse.id)).filter((r) => r.status === 'closed' && r.results);
  const round = closed.at(-1);
  if (!round) return say(`Pulse #${pulse.id} has no results yet: they come when its first round closes. /pulse close id:${pulse.id} closes it now.`);
  const earlier = closed.slice(0, -1);
  const withResults = { ...round, results: round.results! };
  const chart = await resultsChart(deps, program, pulse, withResults, earlier);
  const message = resultsMessage(program, pulse, withResults, await deps.store.pulses.answers(round.id), earlier, chart, { all: true });
  return { kind: 'message', private: true, message };
}
