// Story page render time in the browser against a running server (for
// src/server/RESULTS.md): opens the river, then loads N stories cold
// (fresh navigation each) and reports the median and max time from
// navigation start to the rendered page, plus the API share.
//   PARALLAX_URL=http://127.0.0.1:PORT [N=20] node tests/e2e/perf.mjs
import { chromium } from 'playwright-core';

const base = process.env.PARALLAX_URL;
const n = Number(process.env.N || 20);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
const stories = await (await fetch(base + '/api/stories?limit=100')).json();
const ids = stories.stories.map((s) => s.id).slice(0, n);
const rows = [];
for (const id of ids) {
  await page.goto('about:blank');
  await page.goto(base + '/#/story/' + encodeURIComponent(id));
  await page.waitForSelector('.section-articles', { timeout: 20000 });
  rows.push(await page.evaluate(() => {
    const api = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/stories/'));
    const nav = performance.getEntriesByType('navigation')[0];
    return { total: performance.now(), html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd,
      api: api ? api.duration : 0, app: Number(document.documentElement.dataset.renderMs || 0) };
  }));
}
// In-app navigation (the usual case: a click in the river): hash change to rendered page.
const inapp = [];
await page.goto(base + '/#/');
await page.waitForSelector('.story-card');
for (const id of ids) {
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForSelector('.story-card');
  const t0 = await page.evaluate((sid) => {
    const t = performance.now();
    location.hash = '#/story/' + encodeURIComponent(sid);
    return t;
  }, id);
  await page.waitForFunction(() => document.documentElement.dataset.route.startsWith('/story/') &&
    document.querySelector('.section-articles'));
  inapp.push((await page.evaluate(() => performance.now())) - t0);
}
inapp.sort((a, b) => a - b);
await browser.close();
const q = (k, p) => {
  const v = rows.map((r) => r[k]).sort((a, b) => a - b);
  return Math.round(v[Math.min(v.length - 1, Math.floor(p * v.length))]);
};
console.log(JSON.stringify({ stories: rows.length, total_ms_p50: q('total', 0.5), total_ms_max: q('total', 1),
  api_ms_p50: q('api', 0.5), api_ms_max: q('api', 1), html_ms_p50: q('html', 0.5),
  dom_content_loaded_ms_p50: q('dcl', 0.5), app_render_ms_p50: q('app', 0.5),
  in_app_ms_p50: Math.round(inapp[Math.floor(inapp.length / 2)]), in_app_ms_max: Math.round(inapp[inapp.length - 1]) }));
