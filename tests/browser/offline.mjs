// Reading offline in headless Chromium, as a resident with a weak signal would: open a guide, lose the
// connection (DevTools offline emulation), reload; open a guide never opened; search; then a new build is
// seen on the next online visit, and with JavaScript off nothing changes for the reader.
// Usage: SULUH_OFFLINE_ROOT=site SULUH_BIN=suluh node offline.mjs (run by the Rust test
// offline::pages_stay_readable_offline). The site is the `basic` fixture, built into SULUH_OFFLINE_ROOT/dist.
// Exits 1 on the first failed expectation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist } from './serve-dist.mjs';
import { launch } from './browser.mjs';

const root = process.env.SULUH_OFFLINE_ROOT;
const bin = process.env.SULUH_BIN;
if (!root || !bin) {
  console.error('set SULUH_OFFLINE_ROOT and SULUH_BIN');
  process.exit(2);
}
const server = await serveDist(path.join(root, 'dist'));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
let failed = false;

// Polls `test` (run in the page) until it holds; 120 s is a liveness bound, not a speed target.
async function until(page, what, test, arg, pause = 100) {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(test, arg)) return;
    } catch {
      // The page is navigating; try again.
    }
    await new Promise((r) => setTimeout(r, pause));
  }
  throw new Error(`${what}: not seen`);
}

const cached = (url) => caches.keys().then(async (keys) => {
  for (const k of keys) if (await (await caches.open(k)).match(url, { ignoreSearch: true })) return true;
  return false;
});

async function step(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL ${name}\n${e.stack || e}`);
  }
}

try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) errors.push(m.text()); });

  await step('the first visit installs the worker and keeps the language', async () => {
    await page.goto(origin + '/paspor/baru/', { waitUntil: 'load' });
    await until(page, 'a controlling service worker', () => navigator.serviceWorker.controller !== null);
    // Opened under the worker's control, so it is kept.
    await page.reload({ waitUntil: 'load' });
    await until(page, 'the page kept', cached, '/paspor/baru/');
    await until(page, 'the search index kept', cached, '/search/id/index.json');
    await until(page, 'the section listing kept', cached, '/paspor/');
  });

  await context.setOffline(true);
  await step('offline, the opened guide reloads', async () => {
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.textContent('h1'), 'Paspor Baru');
  });
  await step('offline, a guide never opened shows the offline page', async () => {
    await page.goto(origin + '/paspor/hilang/', { waitUntil: 'load' });
    assert.equal(await page.textContent('h1'), 'Tidak ada sambungan internet');
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
  });
  await step('offline, the section listing opens', async () => {
    await page.goto(origin + '/paspor/', { waitUntil: 'load' });
    assert.ok((await page.textContent('main')).includes('Paspor Baru'));
  });
  await step('offline, search finds guides from the kept index', async () => {
    await page.goto(origin + '/paspor/baru/', { waitUntil: 'load' });
    const box = page.locator('#search-q');
    await box.click();
    await box.pressSequentially('hilang', { delay: 20 });
    await until(page, 'search results', () => document.querySelectorAll('.search-results li a').length > 0);
    const hrefs = await page.$$eval('.search-results li a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('/paspor/hilang/'), hrefs.join(' '));
  });
  await context.setOffline(false);

  await step('a new build is seen on the next online visit, and its worker replaces the old cache', async () => {
    const file = path.join(root, 'content/paspor/baru.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Paspor Baru', 'title: Paspor Baru Elektronik'));
    execFileSync(bin, ['build', '--root', root], { env: { ...process.env, SOURCE_DATE_EPOCH: '1795392000' } });
    const before = await page.evaluate(() => caches.keys());
    await page.goto(origin + '/paspor/baru/', { waitUntil: 'load' });
    assert.equal(await page.textContent('h1'), 'Paspor Baru Elektronik');
    // The browser checks for a new worker on a visit; if that install fails (a fetch lost on a busy
    // machine) it tries again only on the next visit. Asking the registration to update stands for that next
    // visit, so the step waits on the worker's life cycle, not on luck.
    await until(page, 'the new worker with a new cache, old ones gone', async (old) => {
      const keys = await caches.keys();
      if (keys.length === 1 && !old.includes(keys[0])) return true;
      const registration = await navigator.serviceWorker.getRegistration();
      if (registration && !registration.installing && !registration.waiting) await registration.update().catch(() => {});
      return false;
    }, before, 1000);
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.textContent('h1'), 'Paspor Baru Elektronik');
    await context.setOffline(false);
  });
  await step('no errors in the console', async () => assert.deepEqual(errors, []));
  await context.close();

  await step('with JavaScript off, the guide reads the same and no worker is installed', async () => {
    const plain = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(origin + '/paspor/baru/', { waitUntil: 'load' });
    assert.equal(await p.textContent('h1'), 'Paspor Baru Elektronik');
    assert.ok((await p.textContent('main')).length > 100);
    assert.equal(plain.serviceWorkers().length, 0);
    await plain.close();
  });
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
