import { act } from 'preact/test-utils';

import { HealthWarnings } from '@/components/HealthWarnings';
import { BlogSites } from '@/components/options/BlogSites';
import { SiteAccess } from '@/components/popup/SiteAccess';
import type { SiteHealth } from '@/lib/model/health';
import type { TabSite } from '@/lib/popup/store';
import { siteLabel } from '@/lib/sites/site-label';

import { click, useRenderer } from '../support/render';

const { container, show, byTestId } = useRenderer();

const PROBLEM_AT = '2026-11-22T10:00:00.000Z';
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function health(site: SiteHealth['site'], lastProblemAt: string | null, lastOkAt: string | null) {
  return { site, lastProblemAt, lastProblemKind: lastProblemAt ? 'feed' : null, lastOkAt } as const;
}

describe('HealthWarnings', () => {
  it('names the site and the day its layout was not recognised', () => {
    show(
      <HealthWarnings
        health={[health('linkedin', PROBLEM_AT, null), health('x', null, PROBLEM_AT)]}
        labelOf={siteLabel}
      />,
    );

    const warnings = byTestId('health-warning');
    expect(warnings).toHaveLength(1);
    const text = warnings[0]?.textContent ?? '';
    expect(text).toContain('LinkedIn’s page layout wasn’t recognised on');
    expect(text).toContain(DAY.format(new Date(PROBLEM_AT)));
    expect(text).toContain('2026');
    expect(text).not.toContain('X’s');
  });

  it('warns for each unhealthy site, labelled as the caller says', () => {
    const labelOf = vi.fn((site: SiteHealth['site']) => `Site ${site}`);
    show(
      <HealthWarnings
        health={[
          health('linkedin', PROBLEM_AT, null),
          health('x', '2026-11-23T10:00:00.000Z', '2026-11-01T10:00:00.000Z'),
          health('blog', null, null),
        ]}
        labelOf={labelOf}
      />,
    );

    expect(byTestId('health-warning').map((item) => item.textContent?.split('’')[0])).toEqual([
      'Site linkedin',
      'Site x',
    ]);
    expect(byTestId('health-warning')[1]?.textContent).toContain(
      DAY.format(new Date('2026-11-23T10:00:00.000Z')),
    );
  });

  it('shows nothing for healthy sites', () => {
    show(
      <HealthWarnings
        health={[
          health('linkedin', null, null),
          health('x', null, PROBLEM_AT),
          health('blog', '2026-11-01T10:00:00.000Z', PROBLEM_AT),
        ]}
        labelOf={siteLabel}
      />,
    );
    expect(byTestId('health-warning')).toEqual([]);
    expect(container().innerHTML).toBe('');
  });

  it('shows nothing without readings', () => {
    show(<HealthWarnings health={[]} labelOf={siteLabel} />);
    expect(container().innerHTML).toBe('');
  });
});

function blogProps(overrides: Partial<Parameters<typeof BlogSites>[0]> = {}) {
  return {
    blogs: [] as string[],
    input: '',
    status: null,
    onInput: vi.fn(),
    onEnable: vi.fn(),
    onDisable: vi.fn(),
    ...overrides,
  };
}

describe('BlogSites', () => {
  it('says so when no blog is enabled', () => {
    show(<BlogSites {...blogProps()} />);
    expect(byTestId('blog-empty')).toHaveLength(1);
    expect(byTestId('blog-site')).toEqual([]);
  });

  it('lists each blog by host, with a remove button that names it', () => {
    const props = blogProps({
      blogs: ['https://apple.example', 'http://localhost:4000', 'https://blog.example:8443'],
    });
    show(<BlogSites {...props} />);

    expect(byTestId('blog-empty')).toEqual([]);
    expect(byTestId('blog-site').map((item) => item.querySelector('span')?.textContent)).toEqual([
      'apple.example',
      'localhost:4000',
      'blog.example:8443',
    ]);
    const remove = byTestId('blog-remove');
    expect(remove.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Turn off Acquaint on apple.example',
      'Turn off Acquaint on localhost:4000',
      'Turn off Acquaint on blog.example:8443',
    ]);

    click(remove[1]);
    expect(props.onDisable).toHaveBeenCalledTimes(1);
    expect(props.onDisable).toHaveBeenCalledWith('http://localhost:4000');
  });

  it('shows hostile origins as text', () => {
    const hostile = [
      'https://a"onmouseover=window.__pwned=1".example',
      'https://a&lt;img&gt;.example',
      'https://{x}`y`.example',
    ];
    show(<BlogSites {...blogProps({ blogs: hostile })} />);

    expect(byTestId('blog-site').map((item) => item.querySelector('span')?.textContent)).toEqual(
      hostile.map((origin) => origin.slice('https://'.length)),
    );
    expect(container().querySelectorAll('img, script, [onmouseover]')).toHaveLength(0);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('enables from the form without reloading the page, and passes typing on', () => {
    const props = blogProps({ input: 'blog.example' });
    show(<BlogSites {...props} />);
    const input = byTestId('blog-origin-input')[0] as HTMLInputElement;
    expect(input.value).toBe('blog.example');

    act(() => {
      input.value = 'other.example';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(props.onInput).toHaveBeenCalledWith('other.example');

    const submit = new Event('submit', { bubbles: true, cancelable: true });
    act(() => {
      container().querySelector('form')?.dispatchEvent(submit);
    });
    expect(props.onEnable).toHaveBeenCalledTimes(1);
    expect(submit.defaultPrevented).toBe(true);
  });

  it('shows the status, marked as an error when it is one', () => {
    show(<BlogSites {...blogProps({ status: { ok: false, text: 'Not enabled: <b>x</b>' } })} />);
    const status = byTestId('blog-status')[0];
    expect(status?.textContent).toBe('Not enabled: <b>x</b>');
    expect(status?.classList.contains('status--error')).toBe(true);
    expect(status?.getAttribute('role')).toBe('status');

    show(<BlogSites {...blogProps({ status: { ok: true, text: 'Done' } })} />);
    expect(byTestId('blog-status')[0]?.classList.contains('status--error')).toBe(false);

    show(<BlogSites {...blogProps()} />);
    expect(byTestId('blog-status')).toEqual([]);
  });
});

function accessProps(site: TabSite, overrides: Partial<Parameters<typeof SiteAccess>[0]> = {}) {
  return {
    site,
    labelOf: siteLabel,
    status: null,
    showIntro: true,
    onEnable: vi.fn(),
    onDisable: vi.fn(),
    ...overrides,
  };
}

describe('SiteAccess', () => {
  it('says a built-in site is on, naming it, with nothing to click', () => {
    show(<SiteAccess {...accessProps({ kind: 'built-in', site: 'x' })} />);
    expect(byTestId('site-built-in')[0]?.textContent).toBe('Acquaint is on for X.');
    expect(container().querySelectorAll('button')).toHaveLength(0);
  });

  it('offers to enable a blog that is off, naming its host', () => {
    const props = accessProps({
      kind: 'blog',
      origin: 'https://blog.example:8443',
      enabled: false,
    });
    show(<SiteAccess {...props} />);

    expect(container().textContent).toContain('Acquaint reads nothing on blog.example:8443.');
    expect(byTestId('disable-site')).toEqual([]);
    click(byTestId('enable-site')[0]);
    expect(props.onEnable).toHaveBeenCalledTimes(1);
    expect(props.onDisable).not.toHaveBeenCalled();
  });

  it('offers to turn off an enabled blog', () => {
    const props = accessProps({ kind: 'blog', origin: 'https://blog.example', enabled: true });
    show(<SiteAccess {...props} />);

    expect(byTestId('site-enabled')[0]?.textContent).toBe('Reading comments on blog.example.');
    expect(byTestId('enable-site')).toEqual([]);
    click(byTestId('disable-site')[0]);
    expect(props.onDisable).toHaveBeenCalledTimes(1);
    expect(props.onEnable).not.toHaveBeenCalled();
  });

  it('explains where Acquaint works on any other page, while nobody is cold', () => {
    show(<SiteAccess {...accessProps({ kind: 'none' })} />);
    expect(byTestId('site-none')).toHaveLength(1);
    expect(container().querySelectorAll('button')).toHaveLength(0);
  });

  it('says nothing on any other page once the cold list has people', () => {
    show(<SiteAccess {...accessProps({ kind: 'none' }, { showIntro: false })} />);
    expect(byTestId('site-none')).toHaveLength(0);
    expect(container().querySelector('section')).toBeNull();
  });

  it('shows a hostile host and status as text', () => {
    show(
      <SiteAccess
        {...accessProps(
          {
            kind: 'blog',
            origin: 'https://a"onmouseover=window.__pwned=1".example',
            enabled: true,
          },
          { status: { ok: false, text: '<img src=x onerror="window.__pwned=1">' } },
        )}
      />,
    );
    expect(byTestId('site-enabled')[0]?.textContent).toBe(
      'Reading comments on a"onmouseover=window.__pwned=1".example.',
    );
    expect(byTestId('site-status')[0]?.textContent).toBe('<img src=x onerror="window.__pwned=1">');
    expect(byTestId('site-status')[0]?.classList.contains('status--error')).toBe(true);
    expect(container().querySelectorAll('img, [onmouseover]')).toHaveLength(0);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });
});
