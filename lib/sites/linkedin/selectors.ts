/**
 * Every CSS selector the LinkedIn reader uses. LinkedIn serves two DOM generations: the classic
 * Ember one (readable class names) and the newer server-driven one (hashed class names, where only
 * `componentkey`, `data-view-name`, ARIA and hrefs are stable).
 */

/** The profile header card, newest generation first. */
export const PROFILE_TOP_CARD = [
  'section[componentkey*="topcard" i]',
  '[data-view-name="profile-top-card"]',
  'section.pv-top-card',
  'main section[data-member-id]',
].join(', ');

/** Where to look for the header when no top card is recognised. */
export const PROFILE_MAIN = 'main';

/** Outside a recognised top card only the page heading is trusted to be the owner's name. */
export const PROFILE_MAIN_NAME_HEADINGS: readonly string[] = ['h1.text-heading-xlarge', 'h1'];

/**
 * Candidates for the owner's name inside the top card, most specific first: the classic name is an
 * h1, the newer one an h2 (the page's h1 is gone there).
 */
export const PROFILE_NAME_HEADINGS: readonly string[] = ['h1.text-heading-xlarge', 'h1', 'h2'];

/** Links that may point at the owner's own sub-pages (contact info, about, activity…). */
export const PROFILE_LINK = 'a[href*="/in/"]';
