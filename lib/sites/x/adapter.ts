import type { SiteAdapter } from '../types';
import { xPages } from './pages';
import { xSubjects } from './subject';

/** X: profiles, timelines and posts with their replies. */
export const xAdapter: SiteAdapter = { ...xPages, ...xSubjects };
