/** How many identity keys one badge lookup may ask about (the content script splits larger batches). */
export const MAX_LOOKUP_KEYS = 500;
