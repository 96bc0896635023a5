/** How many identity keys one badge lookup may ask about (the content script splits larger batches). */
export const MAX_LOOKUP_KEYS = 500;

/** How many authors of one page the side panel's "People on this page" carries (a long feed has more). */
export const MAX_PAGE_PEOPLE = 200;
