import {
  createRememberHandler,
  REMEMBER_MENU_ID,
  type RememberDeps,
} from '@/lib/context-menu/menu';
import type { Person } from '@/lib/model/types';
import type { PersonRef } from '@/lib/sites/types';

/**
 * "Remember this person" on a link names the person as the page shows them: the link's text
 * (Firefox gives it with the click; in Chrome it is read from the page), else the side panel's
 * list of the page's people, else the profile's slug.
 */

const ILSE_LINK = 'https://www.linkedin.com/in/ilse-brannagh/';
const TAB = { id: 5, url: 'https://www.linkedin.com/feed/', title: 'Feed' };

function deps(overrides: Partial<RememberDeps> = {}) {
  const stored: PersonRef[] = [];
  const all: RememberDeps = {
    ensurePerson: vi.fn(async (ref: PersonRef) => {
      stored.push(ref);
      return { id: 'p', name: ref.name, identityKeys: [ref.key] } as unknown as Person;
    }),
    showInTab: vi.fn(async () => true),
    openWindow: vi.fn(async () => {}),
    notify: vi.fn(),
    ...overrides,
  };
  return { all, stored };
}

const click = (extra: Record<string, unknown> = {}) => ({
  menuItemId: REMEMBER_MENU_ID,
  linkUrl: ILSE_LINK,
  pageUrl: TAB.url,
  frameId: 3,
  ...extra,
});

describe('the name of a remembered link', () => {
  it('is the link text Firefox gives, cleaned of the site’s degree', async () => {
    const { all, stored } = deps({ linkTextOf: vi.fn(async () => 'Someone Else') });
    await createRememberHandler(all)(click({ linkText: 'Ilse Brannagh • 3rd+' }), TAB);
    expect(stored.map((ref) => ref.name)).toEqual(['Ilse Brannagh']);
    expect(all.linkTextOf).not.toHaveBeenCalled();
  });

  it('is read from the link on the page, in the clicked frame, when the click has none', async () => {
    const linkTextOf = vi.fn(async () => 'Ilse Brannagh • 3rd+');
    const nameOnPage = vi.fn(async () => 'From the list');
    const { all, stored } = deps({ linkTextOf, nameOnPage });
    await createRememberHandler(all)(click(), TAB);
    expect(linkTextOf).toHaveBeenCalledWith(5, 3, ILSE_LINK);
    expect(stored.map((ref) => ref.name)).toEqual(['Ilse Brannagh']);
    expect(nameOnPage).not.toHaveBeenCalled();
  });

  it('falls back to the page’s list, then to the slug, when the link’s text is no name', async () => {
    const listed = deps({
      linkTextOf: vi.fn(async () => 'View profile'),
      nameOnPage: vi.fn(async () => 'Ilse Brannagh'),
    });
    await createRememberHandler(listed.all)(click(), TAB);
    expect(listed.stored.map((ref) => ref.name)).toEqual(['Ilse Brannagh']);

    const unread = deps({ linkTextOf: vi.fn(async () => Promise.reject(new Error('no access'))) });
    await createRememberHandler(unread.all)(click(), TAB);
    expect(unread.stored.map((ref) => ref.name)).toEqual(['ilse-brannagh']);
  });

  it('is a selected name as selected, without asking the page', async () => {
    const linkTextOf = vi.fn(async () => 'Ilse Brannagh');
    const { all, stored } = deps({ linkTextOf });
    await createRememberHandler(all)(click({ selectionText: 'Ilse B.' }), TAB);
    expect(stored.map((ref) => ref.name)).toEqual(['Ilse B.']);
    expect(linkTextOf).not.toHaveBeenCalled();
  });
});
