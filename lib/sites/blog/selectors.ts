/**
 * Every CSS selector the blog reader uses. Blogs are served by many engines and themes, so these
 * are the class names and attributes the engines themselves emit (WordPress's Walker_Comment and
 * comment blocks, Blogger's layouts, microformats2, schema.org microdata), not a theme's styling.
 */

const list = (...selectors: string[]): string => selectors.join(', ');

export const ANY_ELEMENT = '*';
export const LINK = 'a[href], area[href]';

/* ------------------------------------------------------------------------------------------ */
/* Regions that are never a comment thread                                                     */

/**
 * Sidebars and widgets (recent comments, followers, blogrolls), pingback lists, Blogger's
 * "Links to this post" and noscript fallbacks. A comment-like element in one is not a comment.
 */
export const EXCLUDED_REGIONS = list(
  '.widget_recent_comments',
  '.widget_recent-comments',
  '#recentcomments',
  '.recentcomments',
  '.recent-comments',
  '.wp-block-latest-comments',
  '.widget-area',
  '#secondary',
  '#sidebar',
  '.sidebar',
  '#sidebar-wrapper',
  '.sidebar-wrapper',
  '.sidebar-container',
  '#backlinks-container',
  '[id$="_backlinks-container"]',
  '#backlinks',
  '.backlinks',
  '.backlink-control',
  '.blog-backlinks',
  '#pings',
  '#trackbacks',
  '.pinglist',
  '.pingbacklist',
  '.pingback-list',
  '.trackback-list',
  '.mention-list',
  // Shown only without JavaScript (and parsed as markup only where scripting is off).
  'noscript',
);

/** The page's main content: a "sidebar" class on one of its ancestors is a layout, not a widget. */
export const MAIN_CONTENT = list('main', '[role="main"]', '#main', '#content');

/**
 * Items that are not authored here: pingbacks and trackbacks (notices from other sites), likes,
 * reposts, bookmarks and mentions (webmentions), and the post a comment replies to or quotes.
 */
export const NOT_AUTHORED = list(
  '.pingback',
  '.trackback',
  '.comment-type-pingback',
  '.comment-type-trackback',
  '.p-like',
  '.u-like',
  '.p-repost',
  '.u-repost',
  '.p-bookmark',
  '.u-bookmark',
  '.p-mention',
  '.u-mention',
  '.u-in-reply-to',
  '.p-in-reply-to',
  '.u-like-of',
  '.u-repost-of',
  '.u-bookmark-of',
  '.u-quotation-of',
);

/** A comment's own text, where a commenter may write anything, including someone's name. */
export const COMMENT_TEXT = list(
  '.comment-content',
  '.wp-block-comment-content',
  '.comment-text',
  '.comment-body-text',
  '.cluv',
  '.e-content',
  '.p-content',
  '[itemprop~="text"]',
  'blockquote',
);

/** Where a page keeps its comment thread; JSON-LD names are looked for only in here. */
export const COMMENT_THREAD = list(
  '#comments',
  '.comments',
  '.comments-area',
  '.comment-list',
  '.commentlist',
  '#comments-block',
  '.comment-thread',
  '.wp-block-comments',
  '.isso-thread',
  '#isso-thread',
);

/* ------------------------------------------------------------------------------------------ */
/* WordPress (classic Walker_Comment HTML5 and XHTML, block themes) and look-alike engines     */

/**
 * One WordPress-style comment: `li.comment` (or `div`/`article` with `style => div`), the comment
 * template block's items, Kubrick-era `ol.commentlist > li`, and pingbacks so their contents are
 * never taken for the enclosing comment's author. Drupal (`article.comment`) and Isso use the
 * same shape.
 */
export const WP_COMMENT = list(
  '.comment',
  '.commentlist > li',
  '.comment-list > li',
  '.wp-block-comment-template li',
  '.pingback',
  '.trackback',
  '.isso-comment',
);

/** Pingbacks and trackbacks: notices from other sites, whatever markup the theme gives them. */
export const WP_PING = list(
  '.pingback',
  '.trackback',
  '.comment-type-pingback',
  '.comment-type-trackback',
);

/** The element holding a comment's author name, most specific first. */
export const WP_AUTHOR_NAME_LIST: readonly string[] = [
  '.wp-block-comment-author-name',
  '.fn',
  '.comment-author-name',
  '.comment-author-link',
  '.comment__author',
  '.isso-author',
  '.comment-author',
];
export const WP_AUTHOR_NAMES = list(...WP_AUTHOR_NAME_LIST);

/** Printed beside the name but not part of it. */
export const WP_NAME_NOISE = list(
  '.says',
  '.avatar',
  '.comment-author-badge',
  '.post-author-badge',
);

/* ------------------------------------------------------------------------------------------ */
/* Blogger                                                                                     */

/** Threaded comments of the modern layouts (Contempo, Soho, Emporio, Notable, Simple…). */
export const BLOGGER_COMMENT = 'li.comment';
export const BLOGGER_AUTHOR = 'cite.user';

/** The classic layout: `<dl id="comments-block">` of `dt.comment-author` / `dd` pairs. */
export const BLOGGER_CLASSIC_AUTHOR = 'dt.comment-author';
export const BLOGGER_CLASSIC_BLOCK = '#comments-block, dl.comments-block';
export const BLOGGER_CLASSIC_BODY = 'dd';
export const BLOGGER_AVATAR = list('.avatar-image-container', '.avatar', '.profile-img');

/* ------------------------------------------------------------------------------------------ */
/* microformats2                                                                               */

export const MF_ENTRY = '.h-entry, .h-cite';
export const MF_CARD = '.h-card';
export const MF_AUTHOR = '.p-author, .u-author';
export const MF_NAME = '.p-name';
export const MF_URL = '.u-url[href]';

/** An h-entry or h-cite that is a comment: marked as one, or in a comment thread. */
export const MF_COMMENT = list(
  '.p-comment.h-entry',
  '.p-comment.h-cite',
  '.u-comment.h-entry',
  '.u-comment.h-cite',
  '.p-comment .h-entry',
  '.p-comment .h-cite',
  '.u-comment .h-entry',
  '.u-comment .h-cite',
  '.comment.h-entry',
  '.comment.h-cite',
  '.comment .h-entry',
  '.comment .h-cite',
  '#comments .h-entry',
  '#comments .h-cite',
  '.comments .h-entry',
  '.comments .h-cite',
  '.comment-list .h-entry',
  '.comment-list .h-cite',
  '.commentlist .h-entry',
  '.commentlist .h-cite',
  '.replies .h-entry',
  '.replies .h-cite',
  '.responses .h-entry',
  '.responses .h-cite',
);

/** Text of a microformats item: an h-cite in it is a quotation, not a comment. */
export const MF_CONTENT = list('.e-content', '.p-content', '.p-summary', '.e-summary');

/* ------------------------------------------------------------------------------------------ */
/* schema.org                                                                                  */

/**
 * Items with a type. Comments are told apart by the reader, which checks that one of the types is
 * exactly schema.org's Comment: substring attribute selectors are slow in jsdom.
 */
export const MICRODATA_TYPED = '[itemtype]';
export const MICRODATA_ITEM = '[itemscope]';
export const MICRODATA_AUTHOR = '[itemprop~="author"], [itemprop~="creator"]';
export const MICRODATA_NAME = '[itemprop~="name"]';
export const MICRODATA_URL = '[itemprop~="url"]';

export const SCRIPT_WITH_TYPE = 'script[type]';

/* ------------------------------------------------------------------------------------------ */
/* Markup of the comment systems after WordPress                                               */

/**
 * What every comment the extra readers (extra-readers.ts) could read is, holds or lies in: when a
 * page shows none of it, they would find nobody, so the blog content script does not load them.
 * A superset: one substring match here is cheap, and a false alarm only loads them.
 */
export const EXTRA_COMMENT_MARKUP = list(
  BLOGGER_AUTHOR,
  BLOGGER_CLASSIC_AUTHOR,
  MF_ENTRY,
  '[itemtype*="schema.org/Comment"]',
  '[itemtype*="schema.org/UserComments"]',
  'script[type*="ld+json" i]',
);
