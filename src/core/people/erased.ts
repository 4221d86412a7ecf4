// What erased data looks like wherever it was: one marker, so people and tests can tell.
import type { Answer } from '../model.js';

export const ERASED = '[erased]';

/** The questions stay (they are the program's); every answer becomes the marker. */
export function erasedAnswers(answers: unknown): Answer[] {
  return (Array.isArray(answers) ? (answers as Answer[]) : []).map((a) => ({ questionId: a.questionId, prompt: a.prompt, answer: ERASED }));
}
