import { microdata } from '@/lib/sites/blog/microdata';
const RAW = import.meta.glob<string>(['../../fixtures/blog-variants/schema-microdata.*'], { query: '?raw', import: 'default', eager: true });
it('dump', () => {
  const html = RAW['../../fixtures/blog-variants/schema-microdata.html']!;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const items = microdata.items(doc);
  const t = doc.querySelectorAll("[itemtype]"); console.log(Array.from(t).map((e) => [e.getAttribute("itemtype"), e.hasAttribute("itemscope")]));
  console.log(doc.querySelectorAll('[itemtype]').length, items.length, items.map((i) => { const r = microdata.read(i); return typeof r === 'string' ? r : r.name; }));
});
