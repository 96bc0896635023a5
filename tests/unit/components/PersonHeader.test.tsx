import { PersonHeader } from '@/components/PersonHeader';
import type { Identity } from '@/lib/model/types';

import { click, useRenderer } from '../support/render';

const LINKEDIN: Identity = {
  key: 'linkedin:ada-quill-4b21a',
  url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
};
const X: Identity = { key: 'x:adaquill', url: 'https://x.com/adaquill' };
const BLOG: Identity = { key: 'named:Ada’s Owl Notes' };

const { container, show, byTestId } = useRenderer();

describe('same person as…', () => {
  it('is not offered without onSamePerson', () => {
    show(<PersonHeader name="Ada Quill" identities={[LINKEDIN, X]} onClose={vi.fn()} />);

    expect(byTestId('same-person-toggle')).toHaveLength(0);
  });

  it('is offered with onSamePerson, closed by default, and calls it', () => {
    const onSamePerson = vi.fn();
    const onClose = vi.fn();
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[LINKEDIN]}
        onClose={onClose}
        onSamePerson={onSamePerson}
      />,
    );

    const toggles = byTestId('same-person-toggle');
    expect(toggles).toHaveLength(1);
    const toggle = toggles[0] as HTMLButtonElement;
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.type).toBe('button');
    expect(toggle.textContent).toBe('Same person as…');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    click(toggle);

    expect(onSamePerson).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it.each([
    [true, 'true'],
    [false, 'false'],
  ])('says whether the panel is open (samePersonOpen=%s)', (open, expanded) => {
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[LINKEDIN]}
        onClose={vi.fn()}
        onSamePerson={vi.fn()}
        samePersonOpen={open}
      />,
    );

    expect(byTestId('same-person-toggle')[0]?.getAttribute('aria-expanded')).toBe(expanded);
  });

  it('follows samePersonOpen when it changes', () => {
    const header = (open: boolean) => (
      <PersonHeader
        name="Ada Quill"
        identities={[LINKEDIN]}
        onClose={vi.fn()}
        onSamePerson={vi.fn()}
        samePersonOpen={open}
      />
    );
    show(header(true));
    expect(byTestId('same-person-toggle')[0]?.getAttribute('aria-expanded')).toBe('true');
    show(header(false));
    expect(byTestId('same-person-toggle')[0]?.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('split off', () => {
  it('is offered once per identity when there is more than one, each splitting its own', () => {
    const onSplit = vi.fn<(key: string) => void>();
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[LINKEDIN, X, BLOG]}
        onClose={vi.fn()}
        onSplit={onSplit}
      />,
    );

    const items = byTestId('person-identity');
    expect(items).toHaveLength(3);
    // One button inside each identity's row.
    expect(items.map((item) => byTestId('identity-split', item).length)).toEqual([1, 1, 1]);
    const buttons = byTestId('identity-split');
    expect(buttons).toHaveLength(3);
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Split off',
      'Split off',
      'Split off',
    ]);
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Split LinkedIn ada-quill-4b21a off into a person of its own',
      'Split X adaquill off into a person of its own',
      'Split Blog Ada’s Owl Notes off into a person of its own',
    ]);

    click(buttons[1]);
    expect(onSplit.mock.calls).toEqual([['x:adaquill']]);
    click(buttons[2]);
    click(buttons[0]);
    expect(onSplit.mock.calls).toEqual([
      ['x:adaquill'],
      ['named:Ada’s Owl Notes'],
      ['linkedin:ada-quill-4b21a'],
    ]);
  });

  it('is not offered for a person with a single identity', () => {
    const onSplit = vi.fn();
    show(
      <PersonHeader name="Ada Quill" identities={[LINKEDIN]} onClose={vi.fn()} onSplit={onSplit} />,
    );

    expect(byTestId('person-identity')).toHaveLength(1);
    expect(byTestId('identity-split')).toHaveLength(0);
  });

  it('is not offered for a person with no identities', () => {
    show(<PersonHeader name="Ada Quill" identities={[]} onClose={vi.fn()} onSplit={vi.fn()} />);

    expect(byTestId('identity-split')).toHaveLength(0);
  });

  it('is not offered without onSplit, however many identities', () => {
    show(<PersonHeader name="Ada Quill" identities={[LINKEDIN, X, BLOG]} onClose={vi.fn()} />);

    expect(byTestId('person-identity')).toHaveLength(3);
    expect(byTestId('identity-split')).toHaveLength(0);
    expect(container().textContent).not.toContain('Split off');
  });

  it('does not change what the identity rows say, apart from the button', () => {
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[LINKEDIN, { key: 'x:adaquill' }]}
        onClose={vi.fn()}
        onSplit={vi.fn()}
      />,
    );

    const items = byTestId('person-identity');
    expect(items.map((item) => item.textContent)).toEqual([
      'LinkedIn ada-quill-4b21aSplit off',
      'X adaquillSplit off',
    ]);
    expect(items[0]?.querySelector('a')?.textContent).toBe('ada-quill-4b21a');
    expect(items[1]?.querySelector('a')).toBeNull();
  });

  it('names a hostile handle in its label as text', () => {
    const handle = '<img src=x onerror="window.__pwned = 1">\u202Egnp.exe';
    const onSplit = vi.fn();
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[LINKEDIN, { key: `x:${handle}` }]}
        onClose={vi.fn()}
        onSplit={onSplit}
      />,
    );

    const button = byTestId('identity-split')[1];
    expect(button?.getAttribute('aria-label')).toBe(
      `Split X ${handle} off into a person of its own`,
    );
    expect(container().querySelector('img')).toBeNull();
    click(button);
    expect(onSplit).toHaveBeenCalledWith(`x:${handle}`);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });
});

describe('identity links', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:window.__pwned=1',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    'ftp://files.example/ada',
  ])('shows an identity whose url is %j as text, not a link', (url) => {
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[{ key: 'x:adaquill', url }]}
        onClose={vi.fn()}
        onSplit={vi.fn()}
        onSamePerson={vi.fn()}
      />,
    );

    expect(container().querySelector('a')).toBeNull();
    expect(container().querySelector('[href]')).toBeNull();
    expect(byTestId('person-identity')[0]?.textContent).toBe('X adaquill');
  });

  it.each(['https://x.com/adaquill', 'HTTP://example.com/ada'])(
    'links an identity whose url is %j',
    (url) => {
      show(
        <PersonHeader
          name="Ada Quill"
          identities={[{ key: 'x:adaquill', url }]}
          onClose={vi.fn()}
        />,
      );

      const links = container().querySelectorAll('a');
      expect(links).toHaveLength(1);
      expect(links[0]?.getAttribute('href')).toBe(url);
      expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
      expect(links[0]?.textContent).toBe('adaquill');
    },
  );
});
