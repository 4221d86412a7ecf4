// A program as staff see it: its settings (the program itself) and where its places stand.
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { waitlist } from '../applications/decide.js';

export interface ProgramState {
  active: number;
  /** "name (ref)", longest-waiting first: the first gets the next free place. */
  waiting: string[];
}

export async function programState(r: Repositories, program: Program): Promise<ProgramState> {
  const queue = await waitlist(r, program.id);
  const waiting: string[] = [];
  for (const app of queue) waiting.push(`${(await r.members.byId(app.applicantId))?.displayName ?? 'someone'} (${app.ref})`);
  return { active: await r.ambassadors.activeCount(program.id), waiting };
}

/** For /program show and /program waitlist. */
export async function showProgram(deps: CoreDeps, o: { program: Program }): Promise<{ program: Program; state: ProgramState }> {
  return { program: o.program, state: await programState(deps.store, o.program) };
}
