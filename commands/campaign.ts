// /campaign … commands (filled in by the campaigns issue).
import type { Command } from './define.js';

export const campaignCommands: Command[] = [];
