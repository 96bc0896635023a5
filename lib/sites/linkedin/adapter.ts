import type { SiteAdapter } from '../types';
import { linkedInPages } from './pages';
import { linkedInSubjects } from './subject';

/** LinkedIn: profiles, the feed, posts and their comments, messaging threads. */
export const linkedInAdapter: SiteAdapter = { ...linkedInPages, ...linkedInSubjects };
