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
].join(',');

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

/*
 * Authored items. Each generation marks a post, a comment and a message differently; the reader
 * keys on these containers and on the actor block inside them, never on the words they show.
 */

/*
 * Attribute values here avoid ':' (a URN's separator): some DOM implementations take a slow path
 * for any selector with a colon, and these run on every scan.
 */

/** A post: the classic card (`data-urn` of an activity, share…) or the newer `feed-full-update`. */
export const POST_ITEM = [
  '[data-view-name="feed-full-update"]',
  '[data-urn*="activity"]',
  '[data-urn*="share"]',
  '[data-urn*="ugcPost"]',
  '[data-urn*="aggregate"]',
  '.feed-shared-update-v2',
].join(',');

/** A comment or a reply (a reply is a comment nested in another). */
export const COMMENT_ITEM = [
  'article.comments-comment-entity',
  'article.comments-comment-item',
  '[data-id*="comment"]',
  '[data-view-name="feed-comment"]',
  '[data-view-tracking-scope*="CommentServedEvent"]',
].join(',');

/** One message of the open conversation. */
export const MESSAGE_ITEM = [
  '.msg-s-event-listitem',
  '[data-event-urn*="msg_message"]',
  'li.msg-s-message-list__event',
].join(',');

export const FEED_ITEM = [POST_ITEM, COMMENT_ITEM].join(',');
export const ANY_ITEM = [POST_ITEM, COMMENT_ITEM, MESSAGE_ITEM].join(',');

/** The block naming who wrote a post: a container with avatar and name link, or the avatar link. */
export const POST_ACTOR = [
  '.update-components-actor',
  '.feed-shared-actor',
  'a[data-view-name="feed-actor-image"]',
  '[data-view-name="feed-actor"]',
].join(',');

/** The block naming who wrote a comment or a reply. */
export const COMMENT_ACTOR = [
  '.comments-comment-meta__container',
  '.comments-post-meta',
  'a[data-view-name="comment-actor-description"]',
  'a[data-view-name="reply-actor-description"]',
  'a[data-view-name="comment-actor-picture"]',
  'a[data-view-name="reply-actor-picture"]',
].join(',');

/** The sender line of a message group (grouped follow-ups from the same sender have none). */
export const MESSAGE_ACTOR = '.msg-s-message-group__meta';

export const FEED_ACTOR = [POST_ACTOR, COMMENT_ACTOR].join(',');
export const ANY_ACTOR = [POST_ACTOR, COMMENT_ACTOR, MESSAGE_ACTOR].join(',');

/**
 * Parts of an item whose links never name its author: the "likes this / reposted / commented on
 * this" header, the original inside a reshare, post and comment text (mentions), reaction
 * facepiles and counts, and the viewer's comment box.
 */
export const NOT_AUTHOR_ZONE = [
  // social-context headers
  '.update-components-header',
  '.feed-shared-header',
  '[data-view-name="feed-header-text"]',
  '[data-view-name="feed-header-actor"]',
  '[data-view-name="feed-header-actor-image"]',
  // the original inside a reshare with commentary
  '.feed-shared-update-v2__update-content-wrapper',
  '.update-components-mini-update-v2',
  '.feed-shared-mini-update-v2',
  '.update-components-mini-update',
  '.update-components-reshared-content',
  '[data-view-name="feed-reshared-update"]',
  // text that may mention people
  '.update-components-text',
  '.feed-shared-text',
  '.feed-shared-update-v2__description',
  '[data-view-name="feed-commentary"]',
  '[data-testid="expandable-text-box"]',
  '.comments-comment-item__main-content',
  '.comments-comment-item-content-body',
  '.msg-s-event-listitem__body',
  '.msg-s-event-listitem__message-bubble',
  '.msg-s-event__content',
  // reactions and the viewer's own composer
  '.social-details-social-counts',
  '.social-details-reactors-facepile',
  '.comments-comment-social-bar',
  '.comments-comment-box',
  '.share-box-feed-entry__closed-share-box',
].join(',');

/** Links to a member or an organisation; urls.ts tells which, and whether it is one at all. */
export const ENTITY_LINK = [
  'a[href*="/in/"]',
  'a[href*="/company/"]',
  'a[href*="/showcase/"]',
  'a[href*="/school/"]',
].join(',');

/** The name inside an actor link, most specific first; otherwise its first line of text. */
export const ACTOR_NAMES: readonly string[] = [
  '.update-components-actor__name',
  '.feed-shared-actor__name',
  '.comments-comment-meta__description-title',
  '.comments-post-meta__name-text',
  '.msg-s-message-group__name',
  '.update-components-actor__title',
  '.feed-shared-actor__title',
];

/**
 * The open conversation's header (the other participant's name, linked to their profile). Group
 * threads show several names and no single profile link there.
 */
export const THREAD_HEADER = [
  '.msg-title-bar',
  '.msg-convo-wrapper header',
  '.msg-thread header',
].join(',');

/** Headings that may hold the participant's name inside the header's profile link. */
export const THREAD_HEADER_NAMES: readonly string[] = [
  '.msg-entity-lockup__entity-title',
  '.artdeco-entity-lockup__title',
  'h2',
  'h1',
];
