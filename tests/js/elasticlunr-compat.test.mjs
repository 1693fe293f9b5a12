// The search client scores exactly like elasticlunr.js 0.9.5 (the npm package) on the same index.
//
// Builds nothing: the Rust test `search::node_tests_pass` builds the bundled site twice and passes the
// output folders: SULUH_SEARCH_DIST (each language's index is one elasticlunr index.json, which the client
// loads) and SULUH_SEARCH_DIST_SPLIT (`split: always`: the client loads packs; index.json is still
// written, so elasticlunr.js reads the same index whole). For each, elasticlunr.js loads index.json with
// Index.load, the client opens the folder as the browser does, and both answer the same queries,
// analysed by analysis.js (the index holds our terms, not elasticlunr's). Run alone:
//   SULUH_SEARCH_DIST=…/dist SULUH_SEARCH_DIST_SPLIT=…/dist node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { analyzerFor } from '../../themes/default/static/search/analysis.js';
import { openIndex, score } from '../../themes/default/static/search/search.js';

const require = createRequire(import.meta.url);
const elasticlunr = require('elasticlunr');
elasticlunr.utils.warn = () => {}; // it warns that its "@VERSION" placeholder differs from 0.9.5

// Complete queries (typing = false) and queries as typed so far (typing = true: the last word is a prefix
// and, when its stem differs, also that stem): one or several words, stemming, prefixes, no match.
const QUERIES = {
  id: ['memperpanjang paspor', 'biaya visa', 'pengaduan', 'lapor diri orang asing', 'pasp', 'pengad',
    'izin tinggal terbatas', 'paspor hilang atau rusak', 'xyzzy', 'anak', 'per', 'kantor imigrasi metro jam'],
  en: ['renew passport', 'visa on arrival', 'complaint', 'lost passport', 'pass', 'stay permit ext',
    'children', 'fee', 'office hours metro', 'qwerty'],
  ar: ['تجديد', 'تأشيرة عند الوصول', 'الإقامة', 'شكوى', 'تمد', 'الوثائق', 'اقامه محدوده', 'مترو'],
};

const DISTS = [
  ['one elasticlunr file', process.env.SULUH_SEARCH_DIST],
  ['packs', process.env.SULUH_SEARCH_DIST_SPLIT],
];

// elasticlunr.js expands every token of a query or none; the client's terms each say. Give elasticlunr
// the same choice per term by answering its expandToken calls (one per term and field, in order).
function expandLike(index, terms) {
  for (const field of index.getFields()) {
    const inverted = index.index[field];
    const own = elasticlunr.InvertedIndex.prototype.expandToken;
    let k = 0;
    inverted.expandToken = function expand(token, memo, root) {
      if (memo !== undefined || root !== undefined) return own.call(this, token, memo, root);
      const t = terms[k++ % terms.length];
      return t.prefix ? own.call(this, token) : [token];
    };
  }
}

for (const [label, dist] of DISTS) {
  for (const lang of Object.keys(QUERIES)) {
    const name = `${label}, ${lang}: the client's results equal elasticlunr.js's`;
    if (!dist) {
      test(name, { skip: 'SULUH_SEARCH_DIST(_SPLIT) not set: run through cargo test' }, () => {});
      continue;
    }
    test(name, async () => {
      const dir = path.join(dist, 'search', lang);
      const read = (file) => JSON.parse(readFileSync(path.join(dir, file.replace(/\?.*$/, '')), 'utf8'));
      const client = await openIndex(async (file) => read(file));
      const m = client.manifest;
      assert.equal(Boolean(m.index), label === 'one elasticlunr file', 'the build chose the expected mode');
      const serialised = read('index.json');
      assert.equal(serialised.version, '0.9.5');
      assert.equal(serialised.documentStore.length, m.docs);
      const reference = elasticlunr.Index.load(serialised);
      const config = { bool: 'OR', expand: true, fields: {} };
      m.fields.forEach((f, i) => { config.fields[f] = { boost: m.boosts[i] }; });
      const analyzer = analyzerFor(lang);
      let compared = 0;
      for (const query of QUERIES[lang]) {
        for (const typing of [false, true]) {
          const terms = analyzer.queryTerms(query, typing);
          if (terms.length === 0) continue;
          const [loading] = client.load(terms);
          await loading;
          const ours = score(client, terms).map((r) => [String(r.doc), r.score]);
          expandLike(reference, terms);
          reference._idfCache = {};
          const theirs = reference.search(terms.map((t) => t.term), config).map((r) => [r.ref, r.score]);
          const what = `${lang} ${JSON.stringify(query)} typing=${typing} ${JSON.stringify(terms)}`;
          assert.deepEqual(ours.slice(0, 10).map((r) => r[0]), theirs.slice(0, 10).map((r) => r[0]), `top results, ${what}`);
          assert.deepEqual(ours, theirs, `every result and score, ${what}`);
          if (theirs.length > 0) compared++;
        }
      }
      assert.ok(compared >= QUERIES[lang].length, `${lang}: only ${compared} queries had results`);
    });
  }
}

test('packs need only part of the index for one word', { skip: !process.env.SULUH_SEARCH_DIST_SPLIT }, async () => {
  const dir = path.join(process.env.SULUH_SEARCH_DIST_SPLIT || '', 'search', 'id');
  const fetched = [];
  const client = await openIndex(async (file) => {
    fetched.push(file.replace(/\?.*$/, ''));
    return JSON.parse(readFileSync(path.join(dir, file.replace(/\?.*$/, '')), 'utf8'));
  });
  const [loading] = client.load(analyzerFor('id').queryTerms('paspor', false));
  await loading;
  const packs = fetched.filter((f) => /^p\d+\.json$/.test(f));
  assert.equal(packs.length, 1, fetched.join(' '));
  assert.ok(client.manifest.packs.length > 1);
  assert.ok(!fetched.includes('index.json'));
});
