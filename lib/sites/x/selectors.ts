/** Every CSS selector the X reader uses: data-testid attributes and hrefs, never class names. */

/** The main timeline column; the profile header is rendered in it. */
export const PRIMARY_COLUMN = '[data-testid="primaryColumn"]';

/** The profile header's name-and-handle block. */
export const PROFILE_USER_NAME = '[data-testid="UserName"]';

/** Hover cards float over the page and carry someone else's name block. */
export const HOVER_CARD = '[data-testid="HoverCard"]';

/** The "Follows you" badge beside the handle. */
export const FOLLOW_INDICATOR = '[data-testid="userFollowIndicator"]';

export const LINK = 'a[href]';

/** One post in any list: the timeline, a conversation, a profile's posts. */
export const TWEET = '[data-testid="tweet"]';

/** A post's name-and-handle block (the profile header's is `UserName`, without the hyphen). */
export const TWEET_USER_NAME = '[data-testid="User-Name"]';

/**
 * A quoted post inside a post: a clickable card (`role="link"` on a non-link element) that holds
 * its own `User-Name` block.
 */
export const QUOTED_TWEET = 'div[role="link"], [data-testid="quoteTweet"]';

/**
 * A follow or unfollow button; X names it after the account's numeric id:
 * `data-testid="<digits>-follow"`, or `"<digits>-unfollow"` when the viewer follows the account.
 */
export const FOLLOW_BUTTON = '[data-testid$="-follow"], [data-testid$="-unfollow"]';

/** The test id of a follow button, with the account id as its first group. */
export const FOLLOW_BUTTON_TEST_ID = /^(\d{1,25})-(?:follow|unfollow)$/;

/** One account in a list ("Who to follow", "You might like", followers): never the page's subject. */
export const USER_CELL = '[data-testid="UserCell"]';
