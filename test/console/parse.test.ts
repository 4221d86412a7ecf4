import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { parseLine, tokenize } from '../../src/platforms/console/parse.js';

describe('console input', () => {
  it('GIVEN straight, single and curly quotes THEN each groups its words', () => {
    expect(tokenize(`/x a:"one two" b:'three four' c:“five six” d`)).toEqual(['/x', 'a:one two', 'b:three four', 'c:five six', 'd']);
    expect(tokenize('a:"open')).toBeNull();
  });

  it('GIVEN a nested command with mentions THEN the longest command name wins and mentions become ids', () => {
    expect(parseLine('/program questions add prompt:"Why?" kind:paragraph', allCommands)).toEqual({
      kind: 'command', name: 'program questions add', options: { prompt: 'Why?', kind: 'paragraph' },
    });
    expect(parseLine('/committee add user:@carol', allCommands)).toEqual({ kind: 'command', name: 'committee add', options: { user: 'carol' } });
    expect(parseLine('/program setup committee_channel:#reviews why:"a\\nb"', allCommands)).toEqual({
      kind: 'command', name: 'program setup', options: { committee_channel: 'reviews', why: 'a\nb' },
    });
  });

  it('GIVEN controls, comments and mistakes THEN they are told apart', () => {
    expect(parseLine(':react ^ ✅', allCommands)).toEqual({ kind: 'directive', name: 'react', args: ['^', '✅'], rest: '^ ✅' });
    expect(parseLine('// a comment', allCommands)).toEqual({ kind: 'empty' });
    expect(parseLine('/nope', allCommands)).toEqual({ kind: 'unknown-command', text: '/nope' });
    expect(parseLine('hello', allCommands).kind).toBe('error');
    expect(parseLine('/apply stray', allCommands)).toMatchObject({ kind: 'error', message: expect.stringContaining('“stray” isn\'t an option') });
  });
});
