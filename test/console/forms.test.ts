// Forms you can leave (issue #12): in the console a form asks one question per line, shows whether
// each is required and how long it may be, checks each answer as it is typed, refuses console
// controls and commands with a hint instead of taking them as answers, and `:cancel` leaves it
// with nothing stored.
import { afterEach, describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

const setup = [
  ':clock 2026-12-01 09:00',
  '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors',
  '/program questions add prompt:"Why do you want to join?" kind:paragraph min_length:10 max_length:60',
  '/program questions add prompt:"Your city" required:false max_length:20',
  '/committee add user:@carol',
  ':as alice',
];

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});
const applications = () => s!.db.prisma.application.count();

describe(`forms in the console on ${testProvider}`, () => {
  it('GIVEN a form WHEN it opens THEN each question says whether it is required and its length, and how to leave', async () => {
    s = await consoleSession([...setup, '/apply', ':cancel']);
    expect(s.out).toContain('(form) 2 questions, one per line. :cancel leaves the form; nothing is kept until the last answer.');
    expect(s.out).toContain('(form) Why do you want to join? [required · paragraph (\\n for a new line) · 10–60 characters]');
  });

  it('GIVEN a form half filled in WHEN :cancel is typed THEN nothing is submitted or stored, and the session goes on', async () => {
    s = await consoleSession([...setup, '/apply', 'I swim in the river every day', ':cancel', '/application status']);
    expect(s.out).toContain('> :cancel\n(form) Cancelled: nothing was submitted or stored.\n@alice #general> /application status');
    expect(s.out).not.toContain('Application received');
    expect(await applications()).toBe(0);
    expect(await s.db.prisma.outboxItem.count()).toBe(0);
  });

  it('GIVEN a form WHEN :help, :quit, :as or a command is typed THEN each is refused with a hint, not taken as an answer', async () => {
    s = await consoleSession([...setup, '/apply', ':help', ':quit', ':as bob', '/about', 'I swim in the river every day', '', '/about']);
    const out = s.out;
    expect(out).toContain("> :help\n(form) :help can't be used inside a form. Answer the question, or type :cancel to leave the form (nothing is kept).");
    expect(out).toContain("> :quit\n(form) :quit can't be used inside a form.");
    expect(out).toContain("> :as bob\n(form) :as can't be used inside a form.");
    expect(out).toContain('> /about\n(form) Commands wait until the form is done. Answer the question, or type :cancel to leave the form (nothing is kept).');
    expect(out).not.toContain('Console controls:');
    // The real answer is stored as typed, the optional one skipped, and the session went on as alice.
    expect(out).toContain('Application received');
    expect(out).toContain('@alice #general> /about');
    const app = await s.db.prisma.application.findFirstOrThrow();
    expect(app.answers).toEqual([
      { questionId: 1, prompt: 'Why do you want to join?', answer: 'I swim in the river every day' },
      { questionId: 2, prompt: 'Your city', answer: '' },
    ]);
  });

  it('GIVEN answers that don\'t fit WHEN typed THEN each is refused at once with the reason and asked again', async () => {
    s = await consoleSession([...setup, '/apply', 'too short', '', 'x'.repeat(61), 'I swim in the river every day', 'A city with a very long name', 'Lyon']);
    const out = s.out;
    expect(out).toContain('> too short\n(form) Please write at least 10 characters (it has 9). Please answer again (or :cancel).\n> \n(form) This question needs an answer. Please answer again (or :cancel).\n');
    expect(out).toContain('(form) Please keep this under 60 characters (it has 61). Please answer again (or :cancel).\n> I swim in the river every day\n(form) Your city [optional (Enter skips) · short · up to 20 characters]');
    expect(out).toContain('> A city with a very long name\n(form) Please keep this under 20 characters (it has 28). Please answer again (or :cancel).\n> Lyon\n(only you) == Application received ==');
    expect(await applications()).toBe(1);
  });

  it('GIVEN input that ends inside a form THEN nothing is submitted', async () => {
    s = await consoleSession([...setup, '/apply', 'I swim in the river every day']);
    expect(s.out).toContain('(form) Input ended; nothing was submitted.');
    expect(await applications()).toBe(0);
  });
});
