/** Match patterns for the sites Acquaint reads out of the box; blogs are granted one by one at run time. */
export const LINKEDIN_MATCHES = ['https://*.linkedin.com/*'] as const;
export const X_MATCHES = ['https://*.x.com/*', 'https://*.twitter.com/*'] as const;
/** What a blog's origin may be; only ever granted one origin at a time, as an optional permission. */
export const BLOG_ORIGIN_PATTERNS = ['https://*/*', 'http://*/*'] as const;
