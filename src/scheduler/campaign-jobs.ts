// (Filled in by the campaign issue.)
import type { Core } from '../core/index.js';
import type { Job } from './index.js';

export function campaignJobs(_core: Core): Job[] {
  return [];
}
