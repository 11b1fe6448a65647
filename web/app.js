// Parallax web app: story river, story page, article view and search over
// the JSON API. Every piece of data is untrusted: it is inserted as text
// nodes only (never parsed as markup), and only http(s) URLs become links.
'use strict';

const main = document.getElementById('main');
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---- DOM helpers --------------------------------------------------------

// el('a', {href: '#/', className: 'x'}, 'text', child, [more]) builds an
// element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'href') node.setAttribute('href', value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only absolute http(s) URLs are linked; anything else (javascript:, data:) is not.
function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

function route(path, params) {
  const q = params ? new URLSearchParams(params).toString() : '';
  return '#' + path + (q ? '?' + q : '');
}

function storyHref(id) { return route('/story/' + encodeURIComponent(id)); }
function articleHref(id) { return route('/article/' + encodeURIComponent(id)); }

function show(...children) {
  main.replaceChildren();
  append(main, children);
  const h1 = main.querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
  }
}

function fail(err) {
  show(el('h1', {}, 'Something went wrong'), el('p', { className: 'error', role: 'alert' }, err.message || String(err)),
    el('p', {}, el('a', { href: '#/' }, 'Back to the stories')));
}

// ---- formatting ---------------------------------------------------------

function parseDate(s) {
  if (!s) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? s + 'T00:00:00Z' : s);
  return isNaN(d.getTime()) ? null : d;
}

function formatDate(s) {
  const d = parseDate(s);
  if (!d) return s || '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
  return d.toLocaleString(undefined, dateOnly
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function ago(s) {
  const d = parseDate(s);
  if (!d) return '';
  const mins = Math.round((Date.now() - d.getTime()) / 60000);
  if (mins < 1) return 'just now';
  if (mins < 60) return mins + ' min ago';
  const hours = Math.round(mins / 60);
  if (hours < 48) return hours + ' h ago';
  const days = Math.round(hours / 24);
  if (days < 60) return days + ' days ago';
  return formatDate(s);
}

// Non-empty parts separated by middle dots.
function joinMeta(parts) {
  const out = [];
  for (const p of parts.filter((x) => x)) out.push(out.length ? ' · ' : '', p);
  return out;
}

function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

function hostOf(url) {
  const u = safeUrl(url);
  return u ? new URL(u).hostname.replace(/^www\./, '') : '';
}

// ---- API ----------------------------------------------------------------

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error && body.error.message ? body.error.message : res.status + ' ' + res.statusText;
    throw new Error(msg);
  }
  return body;
}

const articleCache = new Map();
function getArticle(id) {
  if (!articleCache.has(id)) {
    const p = api('/api/articles/' + encodeURIComponent(id));
    p.catch(() => articleCache.delete(id));
    articleCache.set(id, p);
  }
  return articleCache.get(id);
}

// ---- story river ----------------------------------------------------------

async function renderRiver(params) {
  const query = {};
  for (const key of ['sort', 'outlet', 'entity', 'from', 'to']) {
    if (params.get(key)) query[key] = params.get(key);
  }
  const form = riverFilters(query);
  const list = el('ol', { className: 'river', 'aria-label': 'Stories' });
  const more = el('div', { className: 'more' });
  const heading = el('h1', {}, query.entity ? 'Stories mentioning “' + query.entity + '”' : 'Stories');
  show(heading, form, list, more);
  await loadStories(query, 0, list, more);
}

function riverFilters(query) {
  const field = (label, input) => el('label', {}, label, input);
  const sort = el('select', { name: 'sort' },
    el('option', { value: 'newest' }, 'Newest'), el('option', { value: 'coverage' }, 'Most covered'));
  sort.value = query.sort || 'newest';
  const outlet = el('input', { name: 'outlet', type: 'text', value: query.outlet || '', size: 12 });
  const entity = el('input', { name: 'entity', type: 'text', value: query.entity || '', size: 14 });
  const from = el('input', { name: 'from', type: 'date', value: query.from || '' });
  const to = el('input', { name: 'to', type: 'date', value: query.to || '' });
  const form = el('form', { className: 'filters', 'aria-label': 'Filter stories' },
    field('Sort', sort), field('Outlet', outlet), field('Mentions', entity), field('From', from), field('To', to),
    el('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = {};
    for (const input of [sort, outlet, entity, from, to]) {
      if (input.value && !(input === sort && input.value === 'newest')) p[input.name] = input.value.trim();
    }
    location.hash = route('/', p);
  });
  return form;
}

async function loadStories(query, offset, list, more) {
  more.replaceChildren(el('p', { className: 'status' }, 'Loading…'));
  const page = await api('/api/stories?' + new URLSearchParams({ ...query, offset: String(offset), limit: '20' }));
  if (offset === 0 && page.stories.length === 0) {
    list.append(el('li', { className: 'status' }, 'No stories yet. Ingest articles with `parallax ingest`.'));
  }
  for (const s of page.stories) list.append(storyCard(s));
  more.replaceChildren();
  if (page.next_offset !== null && page.next_offset !== undefined) {
    more.append(el('button', { type: 'button', onclick: () => loadStories(query, page.next_offset, list, more) },
      'More stories'));
  }
}

function storyCard(s) {
  const outlets = s.outlets || [];
  return el('li', { className: 'card story-card' },
    el('h2', {}, el('a', { href: storyHref(s.id) }, s.title || s.id)),
    el('div', { className: 'meta' },
      el('span', { className: 'fresh' }, ago(s.last_seen)), ' · ',
      plural(s.article_count, 'article'), ' · ', plural(outlets.length, 'outlet'),
      s.first_seen ? ' · since ' + formatDate(s.first_seen) : ''),
    el('ul', { className: 'pills', 'aria-label': 'Outlets' },
      outlets.slice(0, 8).map((o) => el('li', { className: 'pill' }, o || 'unknown')),
      outlets.length > 8 ? el('li', { className: 'pill' }, '+' + (outlets.length - 8)) : null));
}

// ---- story page -------------------------------------------------------------

async function renderStory(id) {
  show(el('p', { className: 'status' }, 'Loading story…'));
  const brief = await api('/api/stories/' + encodeURIComponent(id));
  const story = brief.stories && brief.stories[0];
  if (!story) throw new Error('empty brief');
  const articles = new Map();
  for (const a of brief.articles || []) articles.set(a.id, a);
  const ctx = { articles, label: (aid) => outletLabel(articles.get(aid), aid) };
  const dates = story.articles.map((aid) => (articles.get(aid) || {}).published).filter(Boolean).sort();
  const outlets = [...new Set(story.articles.map(ctx.label))];

  show(
    el('nav', { className: 'meta' }, el('a', { href: '#/' }, '← All stories')),
    el('h1', {}, story.title || story.id),
    el('p', { className: 'meta' }, plural(story.articles.length, 'article'), ' from ', plural(outlets.length, 'outlet'),
      story.independent_sources ? ' · ' + plural(story.independent_sources, 'independent source') : '',
      dates.length ? ' · ' + formatDate(dates[0]) + (dates.length > 1 ? ' – ' + formatDate(dates[dates.length - 1]) : '') : ''),
    section('Summary', 'summary', story.summary, (s) => citedParagraph(ctx, s.text, s.sources)),
    section('What the sources agree on', 'agreements', story.agreements, (s) => citedParagraph(ctx, s.text, s.sources)),
    disagreementsSection(ctx, story.disagreements),
    section('Only one outlet reports', 'exclusives', story.exclusives, (s) => citedParagraph(ctx, s.text, [s.source])),
    coverageSection(ctx, story, outlets),
    quotesSection(ctx, story.quotes),
    timelineSection(ctx, story.timeline),
    entitiesSection(story.entities),
    framingSection(story.framing),
    articlesSection(ctx, story.articles));
}

function outletLabel(a, id) {
  if (!a) return id;
  return a.outlet || hostOf(a.url) || a.id;
}

function section(title, key, items, render) {
  if (!items || items.length === 0) return null;
  return el('section', { className: 'section-' + key, 'aria-label': title }, el('h2', {}, title), items.map(render));
}

// A sentence followed by one chip per source; a chip reveals the source.
function citedParagraph(ctx, text, sources) {
  const panel = el('div', { className: 'source-panel', hidden: true, role: 'region', 'aria-live': 'polite' });
  const chips = (sources || []).map((aid) => citationChip(ctx, aid, text, panel));
  return el('div', { className: 'cited' }, el('p', {}, text, ' ', chips), panel);
}

function citationChip(ctx, aid, sentence, panel) {
  const chip = el('button', {
    type: 'button', className: 'chip', 'aria-expanded': 'false',
    title: 'Show the source in ' + ctx.label(aid), 'data-article': aid,
  }, ctx.label(aid));
  chip.addEventListener('click', async () => {
    const open = chip.getAttribute('aria-expanded') === 'true';
    for (const other of panel.parentNode.querySelectorAll('.chip')) other.setAttribute('aria-expanded', 'false');
    if (open) {
      panel.hidden = true;
      return;
    }
    chip.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
    panel.replaceChildren(el('p', { className: 'status' }, 'Loading source…'));
    try {
      const a = await getArticle(aid);
      panel.replaceChildren(
        el('p', { className: 'meta' }, el('strong', {}, a.outlet || hostOf(a.url) || a.id), ' · ',
          el('a', { href: articleHref(a.id) }, a.title || a.id), a.published ? ' · ' + formatDate(a.published) : ''),
        sourceContext(a, sentence));
    } catch (err) {
      panel.replaceChildren(el('p', { className: 'error' }, err.message));
    }
  });
  return chip;
}

// The paragraph of the article holding the sentence, the sentence marked.
function sourceContext(article, sentence) {
  const paragraphs = article.paragraphs || [];
  const needle = sentence.trim();
  let best = null;
  let bestScore = 0;
  const words = new Set(needle.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
  for (const p of paragraphs) {
    if (p.includes(needle)) { best = p; bestScore = Infinity; break; }
    let score = 0;
    for (const w of p.toLowerCase().split(/\W+/)) if (words.has(w)) score++;
    if (score > bestScore) { best = p; bestScore = score; }
  }
  if (!best) return el('blockquote', {}, sentence);
  const at = best.indexOf(needle);
  if (at < 0) return el('blockquote', {}, best);
  return el('blockquote', {}, best.slice(0, at), el('mark', {}, needle), best.slice(at + needle.length));
}

function disagreementsSection(ctx, items) {
  if (!items || items.length === 0) return null;
  return el('section', { className: 'section-disagreements', 'aria-label': 'Where the sources differ' },
    el('h2', {}, 'Where the sources differ'),
    items.map((d) => el('div', {},
      el('h3', {}, d.topic),
      el('div', { className: 'side-by-side' }, (d.values || []).map((v) => el('div', { className: 'card' },
        el('div', { className: 'value' }, v.value),
        citedParagraph(ctx, v.text, v.sources)))))));
}

// Outlets × facts: which outlet carries each agreement, disputed value and exclusive.
function coverageSection(ctx, story, outlets) {
  const facts = [];
  for (const a of story.agreements || []) facts.push({ text: a.text, sources: a.sources });
  for (const d of story.disagreements || []) {
    for (const v of d.values || []) facts.push({ text: d.topic + ': ' + v.value, sources: v.sources });
  }
  for (const e of story.exclusives || []) facts.push({ text: e.text, sources: [e.source] });
  if (facts.length === 0 || outlets.length === 0) return null;
  const short = (t) => (t.length > 110 ? t.slice(0, 107) + '…' : t);
  const table = el('table', { className: 'matrix' },
    el('caption', { className: 'sr-only' }, 'Which outlets report each fact'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Fact'), outlets.map((o) => el('th', { scope: 'col' }, o)))),
    el('tbody', {}, facts.map((f) => {
      const by = new Set((f.sources || []).map(ctx.label));
      return el('tr', {}, el('th', { scope: 'row', title: f.text }, short(f.text)),
        outlets.map((o) => (by.has(o)
          ? el('td', { className: 'yes' }, el('span', { 'aria-label': 'reported' }, '●'))
          : el('td', {}, el('span', { className: 'sr-only' }, 'not reported')))));
    })));
  return el('section', { className: 'section-coverage', 'aria-label': 'Coverage' },
    el('h2', {}, 'Coverage'), el('div', { className: 'matrix-wrap', tabindex: '0' }, table));
}

function quotesSection(ctx, quotes) {
  if (!quotes || quotes.length === 0) return null;
  const bySpeaker = new Map();
  for (const q of quotes) {
    const key = q.speaker || 'Unattributed';
    if (!bySpeaker.has(key)) bySpeaker.set(key, []);
    bySpeaker.get(key).push(q);
  }
  return el('section', { className: 'section-quotes', 'aria-label': 'Quotes' }, el('h2', {}, 'Quotes'),
    [...bySpeaker].map(([speaker, qs]) => el('div', {}, el('h3', {}, speaker),
      qs.map((q) => citedParagraph(ctx, '“' + q.text + '”', q.sources)))));
}

function timelineSection(ctx, entries) {
  if (!entries || entries.length === 0) return null;
  const dated = entries.map((e) => ({ ...e, d: parseDate(e.date) })).filter((e) => e.d)
    .sort((a, b) => a.d - b.d);
  let chart = null;
  if (dated.length > 0) {
    const w = 640, h = 40 + dated.length * 22, left = 20, right = 620;
    const t0 = dated[0].d.getTime(), t1 = dated[dated.length - 1].d.getTime();
    const x = (t) => (t1 === t0 ? (left + right) / 2 : left + ((t - t0) / (t1 - t0)) * (right - left));
    chart = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': 'Timeline of ' + dated.length + ' events' },
      svg('line', { class: 'axis', x1: left, y1: 20, x2: right, y2: 20 }),
      svg('text', { x: left, y: 12 }, formatDate(dated[0].date)),
      svg('text', { x: right, y: 12, 'text-anchor': 'end' }, formatDate(dated[dated.length - 1].date)));
    dated.forEach((e, i) => {
      const cx = x(e.d.getTime()), cy = 36 + i * 22;
      chart.append(svg('line', { class: 'axis', x1: cx, y1: 20, x2: cx, y2: cy, 'stroke-dasharray': '2 3' }));
      chart.append(svg('circle', { class: 'dot', cx, cy, r: 5 }, svg('title', {}, e.date + ': ' + e.text)));
      const label = e.text.length > 70 ? e.text.slice(0, 67) + '…' : e.text;
      const anchor = cx > w / 2 ? 'end' : 'start';
      chart.append(svg('text', { x: cx + (anchor === 'end' ? -9 : 9), y: cy + 4, 'text-anchor': anchor }, label));
    });
  }
  return el('section', { className: 'section-timeline timeline', 'aria-label': 'Timeline' }, el('h2', {}, 'Timeline'), chart,
    el('ol', {}, entries.map((e) => el('li', {}, el('strong', {}, formatDate(e.date)), ' — ',
      citedParagraph(ctx, e.text, e.sources)))));
}

function entitiesSection(entities) {
  if (!entities || entities.length === 0) return null;
  const byType = new Map();
  for (const e of entities) {
    const t = e.type || 'other';
    if (!byType.has(t)) byType.set(t, []);
    byType.get(t).push(e);
  }
  return el('section', { className: 'section-entities', 'aria-label': 'Entities' }, el('h2', {}, 'Who and where'),
    [...byType].map(([type, list]) => el('div', {}, el('h3', {}, type),
      el('ul', { className: 'pills' }, list.map((e) => el('li', { className: 'pill' },
        el('a', { href: route('/', { entity: e.name }), title: (e.aliases || []).join(', ') }, e.name),
        ' ', String((e.sources || []).length)))))));
}

// Per-outlet framing, when the brief carries it:
// [{outlet, articles: [ids], terms: [{term, z}], sources: [names]}].
function framingSection(framing) {
  if (!Array.isArray(framing) || framing.length === 0) return null;
  return el('section', { className: 'section-framing', 'aria-label': 'Framing' }, el('h2', {}, 'How each outlet frames it'),
    el('div', { className: 'side-by-side' }, framing.map((f) => el('div', { className: 'card' },
      el('h3', {}, String(f.outlet || '')),
      Array.isArray(f.articles) ? el('p', { className: 'meta' }, plural(f.articles.length, 'article')) : null,
      Array.isArray(f.terms) && f.terms.length
        ? [el('p', { className: 'meta' }, 'Distinctive words'),
          el('ul', { className: 'pills' }, f.terms.slice(0, 12).map((t) => el('li', { className: 'pill' }, String(t.term))))]
        : null,
      Array.isArray(f.sources) && f.sources.length
        ? el('p', {}, el('strong', {}, 'Cites: '), f.sources.slice(0, 8).join(', '))
        : null))));
}

function articlesSection(ctx, ids) {
  return el('section', { className: 'section-articles', 'aria-label': 'Articles' }, el('h2', {}, 'The articles'),
    el('ul', { className: 'hits' }, ids.map((aid) => {
      const a = ctx.articles.get(aid) || { id: aid };
      return el('li', { className: 'card' }, el('h3', {}, el('a', { href: articleHref(aid) }, a.title || aid)),
        el('div', { className: 'meta' }, ctx.label(aid), a.published ? ' · ' + formatDate(a.published) : ''));
    })));
}

// ---- article view -------------------------------------------------------------

async function renderArticle(id) {
  show(el('p', { className: 'status' }, 'Loading article…'));
  const a = await api('/api/articles/' + encodeURIComponent(id));
  const url = safeUrl(a.url);
  show(
    el('nav', { className: 'meta' }, a.story ? el('a', { href: storyHref(a.story) }, '← The story') : el('a', { href: '#/' }, '← All stories')),
    el('h1', {}, a.title || a.id),
    el('p', { className: 'meta' }, a.outlet || hostOf(a.url) || '', a.author ? ' · ' + a.author : '',
      a.published ? ' · ' + formatDate(a.published) : '',
      url ? [' · ', el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : ''),
    el('div', { className: 'article-body' }, (a.paragraphs || []).map((p) => el('p', {}, p))));
}

// ---- search -----------------------------------------------------------------------

async function renderSearch(params) {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  if (!q.trim()) {
    show(el('h1', {}, 'Search'), el('p', { className: 'status' }, 'Type words to look for in titles and text.'));
    return;
  }
  const list = el('ol', { className: 'hits', 'aria-label': 'Results' });
  const more = el('div', { className: 'more' });
  show(el('h1', {}, 'Results for “' + q + '”'), list, more);
  await loadHits(q, 0, list, more);
}

async function loadHits(q, offset, list, more) {
  more.replaceChildren(el('p', { className: 'status' }, 'Searching…'));
  const res = await api('/api/search?' + new URLSearchParams({ q, offset: String(offset), limit: '20' }));
  if (offset === 0 && res.hits.length === 0) list.append(el('li', { className: 'status' }, 'No matches.'));
  const [open, close] = res.highlight || ['', ''];
  for (const h of res.hits) {
    list.append(el('li', { className: 'card hit' },
      el('h2', {}, el('a', { href: articleHref(h.article) }, h.title || h.article)),
      el('div', { className: 'meta' }, joinMeta([h.outlet, h.published ? formatDate(h.published) : '',
        h.story ? el('a', { href: storyHref(h.story) }, 'story') : ''])),
      el('p', { className: 'snippet' }, highlighted(h.snippet || '', open, close))));
  }
  more.replaceChildren();
  if (res.next_offset !== null && res.next_offset !== undefined) {
    more.append(el('button', { type: 'button', onclick: () => loadHits(q, res.next_offset, list, more) }, 'More results'));
  }
}

// Splits a snippet on the server's highlight markers into text and <mark> nodes.
function highlighted(snippet, open, close) {
  if (!open || !close) return [snippet];
  const out = [];
  let rest = snippet;
  while (rest.length) {
    const i = rest.indexOf(open);
    if (i < 0) { out.push(rest); break; }
    out.push(rest.slice(0, i));
    const j = rest.indexOf(close, i + open.length);
    const end = j < 0 ? rest.length : j;
    out.push(el('mark', {}, rest.slice(i + open.length, end)));
    rest = j < 0 ? '' : rest.slice(j + close.length);
  }
  return out;
}

// ---- router --------------------------------------------------------------------------

async function dispatch() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const qmark = hash.indexOf('?');
  const path = qmark < 0 ? hash : hash.slice(0, qmark);
  const params = new URLSearchParams(qmark < 0 ? '' : hash.slice(qmark + 1));
  const started = performance.now();
  try {
    let m;
    if ((m = path.match(/^\/story\/(.+)$/))) await renderStory(decodeURIComponent(m[1]));
    else if ((m = path.match(/^\/article\/(.+)$/))) await renderArticle(decodeURIComponent(m[1]));
    else if (path === '/search') await renderSearch(params);
    else await renderRiver(params);
    document.title = (main.querySelector('h1') || {}).textContent + ' · Parallax';
  } catch (err) {
    fail(err);
  }
  // Read by the end-to-end test: time from route change to rendered page.
  document.documentElement.dataset.renderMs = String(Math.round(performance.now() - started));
  document.documentElement.dataset.route = path;
  window.scrollTo(0, 0);
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  location.hash = route('/search', q ? { q } : null);
});
window.addEventListener('hashchange', dispatch);
dispatch();
