// Measures what a search costs a reader, in headless Chromium on a built site: the bytes downloaded
// (every file under /search/, gzipped as a web server would send them: gzip -6) and the time from the
// query to its results on screen (the client's `suluh-results` performance mark). Each query runs in a
// fresh browser context (cold cache) on the language's home page.
//
//   node bench/search-bench.mjs DIST [--typing] [lang=query ...]
//
// Default: focus the search box (which starts loading the client) and enter the whole query at once
// (a paste, or a fast typist); "first results" is measured twice: entered right at focus (script,
// manifest and index all still to load) and 2 s after focus (the client has loaded, as when a reader
// takes a moment to type). --typing types key by key at 180 ms per key instead (every prefix on the
// way is searched, as on a phone), and times the results after the last key.
import zlib from 'node:zlib';
import { serveDist } from '../tests/browser/serve-dist.mjs';
import { launch } from '../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const dist = args.shift();
const typing = args.includes('--typing');
const pairs = args.filter((a) => a.includes('=')).map((a) => a.split(/=(.*)/s).slice(0, 2));
const QUERIES = pairs.length ? pairs : [
  ['id', 'memperpanjang paspor'], ['id', 'biaya visa'], ['id', 'pengaduan pungutan liar'],
  ['en', 'renew passport'], ['en', 'visa fees'], ['en', 'seafarer book'],
  ['ar', 'تجديد جواز السفر'], ['ar', 'رسوم التأشيرة'], ['ar', 'جواز السفر الإلكتروني'],
];

const server = await serveDist(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// In the page: the time from the last input event to the client's next `suluh-results` mark.
const MEASURE = `window.untilResults = () => new Promise((resolve) => {
  const poll = () => {
    const mark = performance.getEntriesByName('suluh-results').pop();
    if (mark && mark.startTime >= window.lastInput) resolve(mark.startTime - window.lastInput);
    else setTimeout(poll, 5);
  };
  poll();
});`;

async function run(lang, query, wait) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(MEASURE);
  const files = [];
  const pending = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.includes('/search/') || url.pathname.endsWith('/')) return;
    pending.push(r.body().then((body) => {
      files.push({ path: url.pathname, raw: body.length, gz: zlib.gzipSync(body, { level: 6 }).length });
    }, () => {}));
  });
  await page.goto(origin + (lang === 'id' ? '/' : `/${lang}/`), { waitUntil: 'networkidle' });
  const before = files.length;
  await page.evaluate(() => document.querySelector('#search-q').addEventListener('input', () => {
    window.lastInput = performance.now();
  }));
  const box = page.locator('#search-q');
  await box.focus();
  let ms = 0;
  if (typing) {
    await box.pressSequentially(query, { delay: 180 });
  } else {
    if (wait) await page.waitForTimeout(wait);
    await page.evaluate((q) => {
      const el = document.querySelector('#search-q');
      el.value = q;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, query);
  }
  ms = await page.evaluate(() => window.untilResults());
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await Promise.all(pending);
  const status = await page.textContent('[role=status][aria-live]');
  await context.close();
  return { files, before, ms: Math.round(ms), status };
}

const rows = [];
for (const [lang, query] of QUERIES) {
  const first = await run(lang, query, 0);
  const warm = typing ? null : await run(lang, query, 2000);
  const sum = (k, f) => first.files.filter(f).reduce((s, x) => s + x[k], 0);
  const isScript = (x) => x.path.endsWith('.js');
  const isRecord = (x) => /\/r\d+\.json$/.test(x.path);
  rows.push({
    lang, query, before: first.before, status: first.status, files: first.files.length,
    script: sum('gz', isScript), index: sum('gz', (x) => !isScript(x) && !isRecord(x)),
    records: sum('gz', isRecord), total: sum('gz', () => true), raw: sum('raw', () => true),
    ms: first.ms, warm: warm && warm.ms,
  });
}
await browser.close();
server.close();

const kb = (n) => (n / 1024).toFixed(1);
const time = typing ? 'results after the last key' : 'first results: at focus / 2 s after';
console.log(`| lang | query | files | script | manifest + index | records | total gzipped | (raw) | ${time} | status |`);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.before) console.log(`!! ${r.before} search files were requested before the box was focused`);
  const t = typing ? `${r.ms} ms` : `${r.ms} / ${r.warm} ms`;
  console.log(`| ${r.lang} | ${r.query} | ${r.files} | ${kb(r.script)} KB | ${kb(r.index)} KB | ${kb(r.records)} KB | **${kb(r.total)} KB** | ${kb(r.raw)} KB | ${t} | ${r.status} |`);
}
