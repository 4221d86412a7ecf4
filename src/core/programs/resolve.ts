// Which program a command acts on: the one named, or the only one in the workspace (and why not, in words).
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Repositories } from '../repositories.js';

export async function resolveProgram(r: Repositories, platform: string, workspaceId: string, name?: string): Promise<Program> {
  const all = await r.programs.inWorkspace(platform, workspaceId);
  if (all.length === 0) return fail('no_program', 'There is no ambassador program here yet. Staff can create one with /program setup.');
  if (name) {
    const found = all.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
    return found ?? fail('program_not_found', `I couldn't find a program called “${name}”. Programs here: ${all.map((p) => p.name).join(', ')}.`);
  }
  if (all.length === 1) return all[0]!;
  return fail('program_ambiguous', `There is more than one program here: add program:<name> (${all.map((p) => p.name).join(', ')}).`);
}
