import { blogAdapter } from '../../../lib/sites/blog/adapter';
import { MAX_COMMENTS } from '../../../lib/sites/blog/json-ld';
import { findAuthors, readPage } from '../../../lib/sites/index';
import { setSiteTracer } from '../../../lib/sites/trace';
import type { AuthorMatch } from '../../../lib/sites/types';
import { BLOG_FIXTURES, loadBlogFixture } from '../support/blog-fixtures';

const FIXTURES = BLOG_FIXTURES;
const load = loadBlogFixture;

function page(html: string, href = 'https://www.smallblog.example/2025/01/post/') {
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(href) };
}

const keys = (matches: AuthorMatch[]) => matches.map((m) => m.person.key);
const names = (matches: AuthorMatch[]) => matches.map((m) => m.person.name);

function el(doc: Document, selector: string): Element {
  const found = doc.querySelector(selector);
  if (!found) throw new Error(`fixture has no ${selector}`);
  return found;
}

/** WordPress HTML5 comment markup, as Walker_Comment prints it. */
function wpComment(id: number, author: string, children = ''): string {
  return `<li id="comment-${id}" class="comment depth-1">
    <article id="div-comment-${id}" class="comment-body">
      <footer class="comment-meta"><div class="comment-author vcard">
        <img alt="" src="https://secure.gravatar.com/avatar/x" class="avatar avatar-32 photo">
        <b class="fn">${author}</b> <span class="says">says:</span>
      </div></footer>
      <div class="comment-content"><p>Comment ${id}.</p></div>
    </article>${children}</li>`;
}

describe('blog adapter basics', () => {
  it('has no subject and calls every page a comment page', () => {
    const url = new URL('https://careerblog.example/2024/03/post/');
    expect(blogAdapter.id).toBe('blog');
    expect(blogAdapter.pageKind(url)).toBe('comments');
    expect(blogAdapter.expectsSubject(url)).toBe(false);
    expect(blogAdapter.subjectKey(url)).toBeNull();
    expect(blogAdapter.readSubject(new DOMParser().parseFromString('', 'text/html'), url)).toBe(
      null,
    );
  });

  it('matches web pages but leaves LinkedIn and X to their adapters', () => {
    expect(blogAdapter.matchesHost(new URL('https://anything.example/'))).toBe(true);
    expect(blogAdapter.matchesHost(new URL('http://192.168.1.4:8080/blog'))).toBe(true);
    expect(blogAdapter.matchesHost(new URL('https://www.linkedin.com/feed/'))).toBe(false);
    expect(blogAdapter.matchesHost(new URL('https://x.com/home'))).toBe(false);
    expect(blogAdapter.matchesHost(new URL('file:///tmp/a.html'))).toBe(false);
  });
});

describe('findAuthors on part of a page', () => {
  it('reads a comment and its replies from the comment element', () => {
    const { doc, url } = load('blog/wordpress-classic');
    expect(names(findAuthors(el(doc, '#comment-101'), url))).toEqual([
      'Marigold Pennywhistle',
      'Meg Tally',
    ]);
    expect(names(findAuthors(el(doc, '#comment-102'), url))).toEqual(['Meg Tally']);
  });

  it('reads the comment that contains the root', () => {
    const { doc, url } = load('blog/wordpress-classic');
    const inBody = el(doc, '#comment-103 .comment-content p');
    expect(keys(findAuthors(inBody, url))).toEqual(['named:careerblog.example:dorian q.']);
    // A CommentLuv block inside a comment still gives that comment's author, not its link.
    const luv = el(doc, '#comment-105 .cluv a');
    expect(keys(findAuthors(luv, url))).toEqual(['web:vorhoff.example/about']);
  });

  it('reads the enclosing comment and the replies inside a replies list', () => {
    const { doc, url } = load('blog/wordpress-classic');
    const replies = el(doc, '#comment-103 > ol.children');
    expect(names(findAuthors(replies, url))).toEqual(['Dorian Q.', 'Meg Tally']);
  });

  it('reads every comment in a wrapper, in document order, repeats included', () => {
    const { doc, url } = load('blog/wordpress-classic');
    expect(names(findAuthors(el(doc, 'ol.comment-list'), url))).toEqual([
      'Marigold Pennywhistle',
      'Meg Tally',
      'Dorian Q.',
      'Meg Tally',
      'Anneliese Vorhoff',
    ]);
  });

  it('finds nobody outside the comment thread', () => {
    const { doc, url } = load('blog/wordpress-classic');
    for (const selector of ['aside.widget-area', 'article.post', '.author-bio', '#respond']) {
      expect(findAuthors(el(doc, selector), url), selector).toEqual([]);
    }
  });

  it('reads only what the root holds, not the rest of the document', () => {
    const { doc, url } = load('blog/blogger-contempo');
    const topLevel = el(doc, '#c2000000000000000001');
    expect(keys(findAuthors(topLevel, url))).toEqual(['named:quietlinks.blogspot.com:anonymous']);
    const replies = el(doc, '#c1818509887343530441 .comment-replies');
    expect(names(findAuthors(replies, url))).toEqual([
      'Casimir Vell',
      'Imogen Thrale',
      'Pebble & Ink',
    ]);
  });

  it('reads a comment the page has just added', () => {
    const { doc, url } = load('blog/wordpress-block');
    const list = el(doc, 'ol.wp-block-comment-template');
    list.insertAdjacentHTML(
      'beforeend',
      `<li id="comment-25" class="comment even thread-odd depth-1">
        <div class="wp-block-group"><div class="wp-block-comment-author-name"><a rel="external nofollow ugc" href="https://x.com/NewKid_42">New Kid</a></div>
        <div class="wp-block-comment-content"><p>Just found this blog.</p></div></div>
      </li>`,
    );
    const added = el(doc, '#comment-25');
    const matches = findAuthors(added, url);
    expect(matches.map((m) => m.person)).toEqual([
      { key: 'x:newkid_42', name: 'New Kid', url: 'https://x.com/NewKid_42' },
    ]);
    expect(matches[0]?.anchor).toBe(el(doc, '#comment-25 .wp-block-comment-author-name a'));
  });

  it('reads the classic Blogger header of a comment body', () => {
    const { doc, url } = load('blog-variants/blogger-classic-backlinks');
    const body = el(doc, '#Blog1_cmt-7003 p');
    expect(keys(findAuthors(body, url))).toEqual(['web:hedgerow-diaries.example']);
    const footer = el(doc, '#Blog1_cmt-7004 + dd.comment-footer');
    expect(keys(findAuthors(footer, url))).toEqual(['blogger:08123456789012345001']);
    expect(findAuthors(el(doc, '#backlinks-container'), url)).toEqual([]);
  });

  it('works on a fragment and on an element outside any document tree', () => {
    const { doc, url } = load('blog/wordpress-classic');
    const fragment = doc.createDocumentFragment();
    const holder = doc.createElement('ol');
    holder.className = 'comment-list';
    holder.innerHTML = wpComment(7, '<a class="url" href="https://frag.example/">Frag Ment</a>');
    fragment.append(holder);
    expect(keys(findAuthors(fragment, url))).toEqual(['web:frag.example']);
    const detached = holder.querySelector('li') as Element;
    expect(keys(findAuthors(detached, url))).toEqual(['web:frag.example']);
  });
});

describe('anchors', () => {
  it.each([
    ['blog/wordpress-classic', 'Marigold Pennywhistle', 'a.url'],
    ['blog/wordpress-classic', 'Dorian Q.', 'b.fn'],
    ['blog/wordpress-block', 'Hester Lane', 'div.wp-block-comment-author-name'],
    ['blog/wordpress-block', 'Tobias Brindle', '.wp-block-comment-author-name > a'],
    ['blog/blogger-contempo', 'Anonymous', 'cite.user'],
    ['blog/blogger-contempo', 'Casimir Vell', 'cite.user > a'],
    ['blog-variants/wordpress-social-links', 'Priya Halloran', '.comment-author > a.url'],
    ['blog-variants/wordpress-xhtml-pingbacks', 'Ambrose Tilley', 'cite.fn'],
    ['blog-variants/blogger-classic-backlinks', 'Perpetua Vane', 'dt.comment-author > a[rel]'],
    ['blog-variants/blogger-classic-backlinks', 'Anonymous', 'dt.comment-author'],
    ['blog-variants/indieweb-microformats', 'Wren Alder', 'span.p-name'],
    ['blog-variants/indieweb-microformats', 'Bo Lindqvist', 'a.p-author.h-card'],
    ['blog-variants/schema-microdata', 'Pim de Wit', 'span.comment-card__name'],
    ['blog-variants/schema-microdata', 'Fenwick Ashby', 'a[itemprop="url"]'],
    ['blog-variants/schema-jsonld', 'Noor Haddad', 'a.who'],
    ['blog-variants/schema-jsonld', 'Gus Whitlock', 'span.who'],
  ])('%s: %s is badged on %s', (fixture, name, selector) => {
    const { doc, url } = load(fixture);
    const match = findAuthors(doc, url).find((m) => m.person.name === name);
    expect(match?.anchor.matches(selector)).toBe(true);
    expect(match?.anchor.textContent?.replace(/\s+/g, ' ')).toContain(name);
  });

  it.each(FIXTURES)('%s: every anchor lies in the comment thread', (fixture) => {
    const { doc, url } = load(fixture);
    for (const { anchor, person } of findAuthors(doc, url)) {
      // A JSON-LD author with no element of their own is anchored on the body (never badged).
      if (anchor === doc.body) continue;
      const thread = anchor.closest(
        '#comments, .comments, .responses, .comments-area, .wp-block-comments',
      );
      expect(thread, person.name).not.toBeNull();
      expect(anchor.closest('.comment-content, .e-content, .cluv, aside'), person.name).toBeNull();
    }
  });

  it('anchors a JSON-LD author with no element of their own on the body', () => {
    const { doc, url } = load('blog-variants/schema-jsonld');
    const theo = findAuthors(doc, url).find((m) => m.person.name === 'Theo Marchetti');
    expect(theo?.anchor).toBe(doc.body);
  });

  it('anchors it on the body even when the script sits in a container', () => {
    const { doc, url } = page(`<div id="post"><p>Post.</p>
      <div class="seo"><script type="application/ld+json">{"@type":"Comment","author":"Jo Loose"}</script></div></div>`);
    expect(findAuthors(doc, url).map((m) => m.anchor)).toEqual([doc.body]);
  });
});

describe('comment systems', () => {
  it('reads Kubrick-era WordPress comments', () => {
    const { doc, url } = page(`<div id="comments"><ol class="commentlist">
      <li class="alt" id="comment-1"><cite><a href='http://old.example/' rel='external nofollow' class='url'>Old Timer</a></cite> Says:<br />
        <small class="commentmetadata"><a href="#comment-1">May 1st, 2006 at 9:00 am</a></small><p>First!</p></li>
      <li id="comment-2"><cite>No Link</cite> Says:<br /><p>Second.</p></li>
    </ol></div>`);
    expect(findAuthors(doc, url).map((m) => m.person)).toEqual([
      { key: 'web:old.example', name: 'Old Timer', url: 'http://old.example/' },
      { key: 'named:smallblog.example:no link', name: 'No Link' },
    ]);
  });

  it('reads a theme whose WordPress markup carries microdata once per comment', () => {
    // GeneratePress-style: Walker_Comment classes plus itemtype Comment/Person on the same nodes.
    const { doc, url } = page(`<div id="comments"><ol class="comment-list">
      <li id="comment-9" class="comment even thread-even depth-1">
        <article class="comment-body" id="div-comment-9" itemtype="https://schema.org/Comment" itemscope>
          <footer class="comment-meta"><div class="comment-author-info">
            <div class="comment-author vcard" itemprop="author" itemtype="https://schema.org/Person" itemscope>
              <cite itemprop="name" class="fn"><a href="https://ines.example/" class="url" rel="ugc external nofollow">Ines Roe</a></cite>
            </div></div></footer>
          <div class="comment-content" itemprop="text"><p>Hi.</p></div>
        </article>
      </li></ol></div>`);
    const matches = findAuthors(doc, url);
    expect(keys(matches)).toEqual(['web:ines.example']);
    expect(matches[0]?.anchor.matches('a.url')).toBe(true);
  });

  it('reads microformats comments marked up on WordPress comments once', () => {
    const { doc, url } = page(`<ol class="comment-list">
      <li id="comment-3" class="comment h-entry h-cite p-comment">
        <div class="comment-author vcard h-card u-author">
          <img class="avatar u-photo" alt="" src="a.png"> <cite class="fn p-name"><a class="url u-url" href="https://bea.example">Bea Knox</a></cite>
        </div>
        <div class="comment-content e-content p-name"><p>Nice.</p></div>
      </li></ol>`);
    expect(keys(findAuthors(doc, url))).toEqual(['web:bea.example']);
  });

  it('reads Drupal and Isso comments', () => {
    const { doc, url } = page(`<section class="comments">
      <article data-comment-user-id="0" id="comment-1" class="comment js-comment by-anonymous">
        <footer class="comment__meta"><p class="comment__author"><a rel="nofollow" href="https://dru.example/">Dru Pal (not verified)</a></p></footer>
        <div class="comment__content"><p>Hello.</p></div>
      </article>
      <div class="isso-comment" id="isso-4"><div class="isso-text-wrapper"><div class="isso-comment-header">
        <span class="isso-author">Iso Commenter</span></div><div class="isso-text"><p>Hi.</p></div></div></div>
    </section>`);
    expect(findAuthors(doc, url).map((m) => m.person)).toEqual([
      { key: 'web:dru.example', name: 'Dru Pal', url: 'https://dru.example/' },
      { key: 'named:smallblog.example:iso commenter', name: 'Iso Commenter' },
    ]);
  });

  it('drops a localised Blogger "said..." only from an unlinked classic header', () => {
    const { doc, url } = page(
      `<div class="comments" id="comments"><dl id="comments-block">
        <dt class="comment-author anon-comment-icon" id="c1"><a name="c1"></a>Anónimo dijo...</dt>
        <dd class="comment-body"><p>Hola.</p></dd>
        <dt class="comment-author anon-comment-icon" id="c2"><a name="c2"></a>Jeanne Roux a dit…</dt>
        <dd class="comment-body"><p>Salut.</p></dd>
        <dt class="comment-author" id="c3"><a href="https://www.blogger.com/profile/77">Sam said</a> said...</dt>
        <dd class="comment-body"><p>Hi.</p></dd>
      </dl></div>`,
      'https://ejemplo.blogspot.com/2025/01/x.html',
    );
    expect(names(findAuthors(doc, url))).toEqual(['Anónimo', 'Jeanne Roux', 'Sam said']);
  });

  it('ignores comment-like markup in sidebars, backlinks and pingback lists', () => {
    const { doc, url } =
      page(`<body class="sidebar"><main id="main"><div id="comments"><ol class="comment-list">
        ${wpComment(1, 'Real Person')}
      </ol></div>
      <div id="backlinks-container"><dl><dt class="comment-author"><a href="https://www.blogger.com/profile/5">Back Linker</a> said...</dt></dl></div>
      <ol id="pings"><li class="comment">${wpComment(2, 'Ping Site')}</li></ol>
      </main>
      <aside id="secondary" class="widget-area"><ol class="comment-list">${wpComment(3, 'Sidebar Person')}</ol></aside>
      <noscript><ol class="comment-list">${wpComment(4, 'Noscript Copy')}</ol></noscript></body>`);
    expect(names(findAuthors(doc, url))).toEqual(['Real Person']);
  });

  it('skips comments whose name is empty', () => {
    const { doc, url } = page(
      `<ol class="comment-list">${wpComment(1, '<a class="url" href="https://ghost.example/"> </a>')}${wpComment(2, 'Kept')}</ol>`,
    );
    expect(names(findAuthors(doc, url))).toEqual(['Kept']);
  });

  it('names only from text: a screen-reader copy once, says: dropped, markup literal', () => {
    const { doc, url } = page(
      `<ol class="comment-list">${wpComment(
        1,
        '<a class="url" href="https://ann.example/"><span aria-hidden="true">Ann Lee</span><span class="screen-reader-text">Ann Lee</span></a>',
      )}${wpComment(2, 'Greta &lt;script&gt; says:')}</ol>`,
    );
    expect(names(findAuthors(doc, url))).toEqual(['Ann Lee', 'Greta <script>']);
  });
});

describe('schema.org JSON-LD', () => {
  const withJsonLd = (json: string, body = '') =>
    page(
      `<html><head><script type="application/ld+json">${json}</script></head><body>${body}</body></html>`,
    );

  it('reads comments at any depth, following @id references', () => {
    const { doc, url } = withJsonLd(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'Person',
            '@id': '#ann',
            name: 'Ann Vale',
            url: 'https://twitter.com/AnnVale',
          },
          {
            '@type': 'WebPage',
            hasPart: {
              '@type': 'BlogPosting',
              author: { '@type': 'Person', name: 'Post Author' },
              comment: {
                '@type': 'https://schema.org/Comment',
                author: { '@id': '#ann' },
                comment: [
                  {
                    '@type': ['CreativeWork', 'schema:Comment'],
                    author: [
                      {
                        '@type': 'Organization',
                        name: ['Org Reply'],
                        url: ['https://org.example/x/'],
                      },
                    ],
                  },
                  { '@type': 'Comment', author: 'Plain String' },
                  {
                    '@type': 'Comment',
                    author: { '@type': 'Person', name: { '@value': 'Value Name' } },
                  },
                  {
                    '@type': 'Comment',
                    author: { '@type': 'Person', url: 'https://noname.example/' },
                  },
                  { '@type': 'Comment', text: 'no author at all' },
                ],
              },
            },
          },
        ],
      }),
    );
    expect(findAuthors(doc, url).map((m) => m.person)).toEqual([
      { key: 'x:annvale', name: 'Ann Vale', url: 'https://twitter.com/AnnVale' },
      { key: 'web:org.example/x', name: 'Org Reply', url: 'https://org.example/x/' },
      { key: 'named:smallblog.example:plain string', name: 'Plain String' },
      { key: 'named:smallblog.example:value name', name: 'Value Name' },
    ]);
  });

  it('is read only when the whole document is', () => {
    const { doc, url } = withJsonLd(
      '{"@type":"Comment","author":{"name":"Only In Json"}}',
      '<div id="comments"><p>Comments are loading…</p></div>',
    );
    expect(names(findAuthors(doc, url))).toEqual(['Only In Json']);
    expect(findAuthors(doc.body, url)).toEqual([]);
    expect(findAuthors(el(doc, '#comments'), url)).toEqual([]);
  });

  it('does not count a comment twice when the page also shows it', () => {
    const { doc, url } = withJsonLd(
      JSON.stringify({
        '@type': 'BlogPosting',
        comment: [
          { '@type': 'Comment', author: { name: 'Real Person', url: 'https://real.example/' } },
          { '@type': 'Comment', author: { name: 'Json Only' } },
        ],
      }),
      `<div id="comments"><ol class="comment-list">${wpComment(1, 'Real Person')}</ol></div>`,
    );
    const matches = findAuthors(doc, url);
    // The DOM reading wins for the shown comment; the other JSON-LD comment follows it.
    expect(keys(matches)).toEqual([
      'named:smallblog.example:real person',
      'named:smallblog.example:json only',
    ]);
    expect(matches[0]?.anchor.matches('b.fn')).toBe(true);
  });

  it('reads a comment written out twice under one @id once', () => {
    const comment = { '@type': 'Comment', '@id': '#c1', author: { name: 'Twice Written' } };
    const { doc, url } = withJsonLd(
      JSON.stringify({ '@graph': [comment, { '@type': 'BlogPosting', comment: [comment] }] }),
    );
    expect(names(findAuthors(doc, url))).toEqual(['Twice Written']);
  });

  it('does not place an author on a mention of their name in comment text', () => {
    const { doc, url } = withJsonLd(
      '{"@type":"Comment","author":{"name":"Theo Marchetti"}}',
      `<div id="comments"><div class="comment-text"><p>Ask <a href="#">Theo Marchetti</a>.</p></div>
        <div class="c"><span class="who">Theo Marchetti</span></div></div>`,
    );
    expect(findAuthors(doc, url)[0]?.anchor.matches('span.who')).toBe(true);
  });

  it.each([
    ['invalid JSON', '{"@type": "Comment", "author": {"name": "Broken",}'],
    ['an empty block', ''],
    ['a bare value', '42'],
    ['null', 'null'],
    ['a string', '"Comment"'],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['deep objects', `${'{"comment":'.repeat(3000)}{"@type":"Comment"}${'}'.repeat(3000)}`],
    ['wrong field types', '{"@type":"Comment","author":{"name":{"a":1},"url":7}}'],
    ['an HTML comment wrapper', '<!-- {"@type":"Comment","author":"Wrapped"} -->'],
  ])('survives %s', (_label, json) => {
    const { doc, url } = withJsonLd(json);
    expect(() => findAuthors(doc, url)).not.toThrow();
    expect(() => readPage(doc, url)).not.toThrow();
  });

  it('reads a block wrapped in an HTML comment', () => {
    const { doc, url } = withJsonLd('<!-- {"@type":"Comment","author":"Wrapped"} -->');
    expect(names(findAuthors(doc, url))).toEqual(['Wrapped']);
  });

  it('stops at the comment limit on a huge list', () => {
    const comment = { '@type': 'Comment', author: { name: 'Same Person' } };
    const { doc, url } = withJsonLd(
      JSON.stringify({
        '@type': 'BlogPosting',
        comment: Array.from({ length: MAX_COMMENTS + 500 }, () => comment),
      }),
    );
    const matches = findAuthors(doc, url);
    expect(matches).toHaveLength(MAX_COMMENTS);
    expect(readPage(doc, url).people).toEqual([
      { key: 'named:smallblog.example:same person', name: 'Same Person' },
    ]);
  });
});

describe('robustness and tracing', () => {
  it.each([
    '<p>hello</p>',
    '',
    '<ol class="comment-list"><li class="comment"></li><li class="pingback"></li></ol>',
    '<div class="comment"><div class="comment-author"></div></div>',
    '<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author"></span></div>',
    '<div class="h-entry p-comment"><div class="p-author h-card"></div></div>',
    '<dl id="comments-block"><dd class="comment-body">orphan</dd><dt class="comment-author"></dt></dl>',
  ])('never throws and finds nobody on %j', (html) => {
    const { doc, url } = page(html);
    expect(findAuthors(doc, url)).toEqual([]);
    for (const node of Array.from(doc.querySelectorAll('*'))) {
      expect(findAuthors(node, url)).toEqual([]);
    }
  });

  it('traces which comment system it recognised and what it skipped', () => {
    const messages: string[] = [];
    setSiteTracer((site, message) => messages.push(`${site}: ${message}`));
    try {
      const { doc, url } = load('blog-variants/wordpress-xhtml-pingbacks');
      findAuthors(doc, url);
    } finally {
      setSiteTracer(null);
    }
    expect(messages).toContainEqual(expect.stringMatching(/^blog: .*wordpress 5.*not-authored 2/));
  });
});
