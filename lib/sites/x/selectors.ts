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
