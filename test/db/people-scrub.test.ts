import { describe, expect, it } from 'vitest';
import { scrubValue } from '../../src/db/people-store.js';

describe('the free-text scrub', () => {
  it('GIVEN a name and a phrase THEN whole-word occurrences go, inside nested JSON, and other words stay', () => {
    const v = { text: 'Sam was accepted. Sample text stays; (Sam) too goes.', list: ['I swim (really) at 5am', 3, null], deep: { x: 'Samuel' } };
    expect(scrubValue(v, ['I swim (really) at 5am', 'Sam'], '[erased]')).toEqual({
      text: '[erased] was accepted. Sample text stays; ([erased]) too goes.', list: ['[erased]', 3, null], deep: { x: 'Samuel' },
    });
  });
});
