// Errors the people using the bot are meant to read. Each has a stable code (for tests and logs)
// and a short, kind, specific message. Anything else is unexpected: the user sees a reference id
// that is also in the log.
export type DomainErrorCode =
  | 'invalid_input'
  | 'not_allowed'
  | 'program_not_found'
  | 'program_ambiguous'
  | 'program_exists'
  | 'no_program'
  | 'applications_closed'
  | 'already_applied'
  | 'cooldown'
  | 'already_ambassador'
  | 'application_not_found'
  | 'not_open'
  | 'question_not_found'
  | 'reason_not_found'
  | 'member_not_found'
  | 'form_outdated'
  | 'not_configured';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (code: DomainErrorCode, message: string): never => {
  throw new DomainError(code, message);
};

const referenceAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud and retyped

/** A short id to quote in a "something went wrong" message and find in the log. */
export function errorReference(random: () => number): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += referenceAlphabet[Math.floor(random() * referenceAlphabet.length)];
  return s;
}
