// The search client in headless Chromium on a built bundled site: types queries into the search box as a
// reader would and checks the results. Usage: SULUH_SEARCH_DIST=dist node search.mjs (run by the Rust test
// search::search_works_in_a_browser). Exits 1 on the first failed expectation.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist } from './serve-dist.mjs';
import { launch } from './browser.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const dist = process.env.SULUH_SEARCH_DIST;
if (!dist) {
  console.error('set SULUH_SEARCH_DIST to a built site');
  process.exit(2);
}

const server = await serveDist(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
// The search client's own downloads, without the service worker's (tests/browser/offline.mjs covers it).
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
const errors = [];
let failures = 0;

async function check(name, body) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${name}: ${m.text()} ${m.location().url}`); });
  try {
    await body(page, requests);
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n${e.stack || e}`);
  }
  await page.close();
}

const searchFiles = (requests) => requests.filter((p) => p.includes('/search/') && !p.endsWith('/search/'));

// Types like a reader, then waits until the live region shows a count for this query.
async function type(page, text) {
  const box = page.locator('#search-q');
  await box.click();
  await box.fill('');
  await box.pressSequentially(text, { delay: 30 });
  await page.waitForFunction(() => {
    const s = document.querySelector('[role=status][aria-live]:not(:empty)');
    const box = document.querySelector('#search-q');
    return s && box && box.value && !s.textContent.includes('…') && document.querySelector('.search-results li, .search-results:empty');
  });
  await page.waitForTimeout(250); // the last keystroke's search settles
}

async function top(page, n = 3) {
  return page.$$eval('.search-results li', (lis, n) => lis.slice(0, n).map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    title: li.querySelector('a').textContent,
    section: li.querySelector('.search-section').textContent,
    marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
  })), n);
}

const status = (page) => page.textContent('[role=status][aria-live]');

await check('nothing is downloaded before the search box is focused', async (page, requests) => {
  await page.goto(origin + '/paspor/', { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  assert.deepEqual(searchFiles(requests), []);
  await page.focus('#search-q');
  await page.waitForResponse((r) => r.url().includes('manifest.json'));
  await page.waitForLoadState('networkidle');
  const files = searchFiles(requests);
  assert.ok(files.some((p) => p.endsWith('/search/search.js')), files.join(' '));
  assert.ok(files.some((p) => p.endsWith('/search/id/manifest.json')), files.join(' '));
});

await check('Indonesian: an inflected query found through stemming (header box, any page)', async (page, requests) => {
  await page.goto(origin + '/tentang/kantor/');
  await type(page, 'memperpanjang paspor');
  const results = await top(page);
  assert.ok(results.some((r) => r.href === '/paspor/perpanjangan-paspor/'), JSON.stringify(results));
  // The guide never says "memperpanjang": it matched through the stem of "perpanjangan", which is marked.
  const renewal = results.find((r) => r.href === '/paspor/perpanjangan-paspor/');
  assert.ok(renewal.marks.some((m) => /^perpanjangan$/i.test(m)), JSON.stringify(renewal));
  assert.match(await status(page), /^\d+ panduan ditemukan$/);
  assert.ok(searchFiles(requests).every((p) => !p.includes('/search/en/') && !p.includes('/search/ar/')));
});

await check('Indonesian: a prefix while typing (pasp finds paspor)', async (page) => {
  await page.goto(origin + '/');
  await type(page, 'pasp');
  const results = await top(page);
  assert.equal(results.length, 3);
  for (const r of results) assert.ok(/paspor/i.test(r.title), JSON.stringify(results));
  assert.ok(results[0].marks.some((m) => /^paspor$/i.test(m)), JSON.stringify(results[0]));
});

await check('English: stemming (renewing finds the renewal guide), links stay in English', async (page) => {
  await page.goto(origin + '/en/');
  await type(page, 'renewing passports');
  const results = await top(page);
  assert.ok(results.some((r) => r.href === '/en/paspor/perpanjangan-paspor/'), JSON.stringify(results));
  for (const r of await top(page, 50)) assert.ok(r.href.startsWith('/en/'), r.href);
  assert.match(await status(page), /^(1 guide|\d+ guides) found$/);
});

await check('Arabic: a query without hamza or ta marbuta, right to left', async (page) => {
  await page.goto(origin + '/ar/');
  await type(page, 'تمديد الاقامه');
  const results = await top(page);
  assert.ok(results.some((r) => r.href === '/ar/izin-tinggal/perpanjangan-itas/'), JSON.stringify(results));
  for (const r of await top(page, 50)) assert.ok(r.href.startsWith('/ar/'), r.href);
  const dir = await page.$eval('.search-results', (el) => getComputedStyle(el).direction);
  assert.equal(dir, 'rtl');
  assert.match(await status(page), /^(تم العثور على دليل واحد|عدد الأدلة: \d+)$/);
});

await check('the search page: results as you type, ?q= in the address, keyboard, axe', async (page) => {
  await page.goto(origin + '/search/');
  assert.equal(await page.textContent('[data-search-status]'), '');
  await type(page, 'biaya visa');
  assert.match(await status(page), /^\d+ panduan ditemukan$/);
  const results = await top(page, 10);
  assert.ok(results.length >= 3);
  assert.ok(page.url().endsWith('?q=biaya%20visa'), page.url());
  assert.ok(await page.$('main .search-results li'), 'results are in the page, not a panel');
  // ↓ from the box reaches the first result, ↓ the next one, Esc comes back.
  await page.press('#search-q', 'ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), results[0].href);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), results[1].href);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, []);
});

await check('the search page opened with ?q= shows results at once; no match says so', async (page) => {
  await page.goto(origin + '/en/search/?q=visa+on+arrival');
  await page.waitForSelector('main .search-results li');
  const results = await top(page);
  assert.ok(results.some((r) => r.href === '/en/visa/visa-on-arrival/'), JSON.stringify(results));
  await type(page, 'qwertyuiop');
  assert.equal(await status(page), 'No guide matches. Try other words.');
  assert.equal(await page.$$eval('.search-results li', (l) => l.length), 0);
});

await check('the header panel on other pages, with axe', async (page) => {
  await page.goto(origin + '/ar/visa/visa-kunjungan/');
  await type(page, 'تأشيرة');
  assert.ok(await page.isVisible('.search-panel'));
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, []);
  await page.press('#search-q', 'Escape');
  assert.ok(!(await page.isVisible('.search-panel')));
});

if (errors.length) {
  failures++;
  console.log(`FAIL browser errors:\n  ${errors.join('\n  ')}`);
}
await browser.close();
server.close();
console.log(failures ? `${failures} failed` : 'all passed');
process.exit(failures ? 1 : 0);
