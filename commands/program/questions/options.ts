// Options the /program questions commands share: a question's shape, and which question.
import { opt } from '../../../src/core/commands/define.js';
import { maxAnswerLength } from '../../../src/core/programs/questions.js';

export const shape = {
  kind: opt.choice('short (one line) or paragraph', ['short', 'paragraph'] as const),
  required: opt.boolean('Must the applicant answer it? (default yes)'),
  min_length: opt.integer('Fewest characters', { min: 0, max: maxAnswerLength }),
  max_length: opt.integer('Most characters', { min: 1, max: maxAnswerLength }),
};

export const number = opt.integer('The question number (see /program questions list)', { required: true, min: 1, max: 100 });
