// Where the core's random numbers come from unless the composition root says otherwise: the
// operating system's generator. The console passes a seeded one, so a script replays exactly.
import { randomInt } from 'node:crypto';

const SPAN = 2 ** 48 - 1; // randomInt takes a range below 2^48

/** A number in [0, 1), from crypto. */
export const cryptoRandom = (): number => randomInt(SPAN) / SPAN;
