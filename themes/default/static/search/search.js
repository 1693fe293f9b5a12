// Suluh search client: loaded by base.html when the reader focuses the search box.
//
// Plain ES2018, for old phone browsers. It reads search/<lang>/manifest.json, downloads only the files a
// query needs (the whole elasticlunr index.json of a small site, or the packs holding the query's terms
// and the field lengths of a large one, then the teaser records of the results it shows), and scores
// exactly as elasticlunr.js 0.9 does on the same index (tests/js/elasticlunr-compat.test.mjs checks it).
// Formats: generator/search/ and docs/search-analysis.md.
import { analyzerFor } from './analysis.js';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT = {};
for (let i = 0; i < 64; i++) DIGIT[DIGITS.charCodeAt(i)] = i;

// Numbers written by packs.rs put_number: 5 bits a digit, low first; digits ≥ 32 continue.
function numbers(s) {
  const out = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < s.length; i++) {
    const d = DIGIT[s.charCodeAt(i)];
    value += (d & 31) * scale;
    if (d < 32) {
      out.push(value);
      value = 0;
      scale = 1;
    } else {
      scale *= 32;
    }
  }
  return out;
}

// A field's postings from a pack: (gap, occurrences − 1) pairs → documents and elasticlunr's tf.
function postings(s) {
  if (!s) return undefined;
  const n = numbers(s);
  const docs = [];
  const tf = [];
  let next = 0;
  for (let i = 0; i < n.length; i += 2) {
    next += n[i];
    docs.push(next);
    tf.push(Math.sqrt(n[i + 1] + 1));
    next += 1;
  }
  return { docs, tf };
}

// Code point order: the order of elasticlunr's trie (and of Rust strings). UTF-16 order differs only
// between a surrogate (a character above U+FFFF) and U+E000..U+FFFF.
export function compareTerms(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const sx = x >= 0xd800 && x <= 0xdfff;
      const sy = y >= 0xd800 && y <= 0xdfff;
      if (sx !== sy && (sx ? y : x) >= 0xe000) return sx ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

// Opens a language's index. `get(name)` resolves to the parsed JSON of a file of search/<lang>/
// (the browser fetches it, tests read it from disk). The index loads its parts on demand:
// `await index.load(terms)` before `score(index, terms)`.
export async function openIndex(get) {
  const m = await get('manifest.json');
  const v = m.v ? '?v=' + m.v : '';
  const fetchFile = (name) => get(name + v);
  const terms = new Map(); // term → per field { docs, tf } or undefined
  let sorted = null; // the terms, in code point order, once needed
  const lengths = m.fields.map(() => []);
  const loaded = new Map(); // file → promise
  const ready = new Set(); // files loaded
  const once = (name, use) => {
    if (!loaded.has(name)) {
      loaded.set(name, fetchFile(name).then((json) => {
        use(json);
        ready.add(name);
      }, (e) => {
        loaded.delete(name); // a network error: the next query tries again
        throw e;
      }));
    }
    return loaded.get(name);
  };
  const add = (term, field, p) => {
    let entry = terms.get(term);
    if (!entry) {
      entry = m.fields.map(() => undefined);
      terms.set(term, entry);
      sorted = null;
    }
    entry[field] = p;
  };

  // The elasticlunr index.json of a small site: its tries become the same tables as packs.
  const single = (idx) => {
    idx.fields.forEach((name, f) => {
      const walk = (node, prefix) => {
        if (node.df > 0) {
          const docs = [];
          const tf = [];
          for (const ref in node.docs) {
            docs.push(Number(ref));
            tf.push(node.docs[ref].tf);
          }
          add(prefix, f, { docs, tf });
        }
        for (const key in node) if (key !== 'docs' && key !== 'df') walk(node[key], prefix + key);
      };
      walk(idx.index[name].root, '');
      const info = idx.documentStore.docInfo;
      for (const ref in info) lengths[f][Number(ref)] = info[ref][name] || 0;
    });
  };
  const pack = (entries) => {
    for (const e of entries) for (let f = 0; f < m.fields.length; f++) add(e[0], f, postings(e[f + 1]));
  };

  // The packs that may hold a term, or every term it starts when it is a prefix (packs.rs pack_of).
  const packsFor = (term, prefix, out) => {
    let best = null;
    for (const key in m.keys) {
      if (term.startsWith(key) && (best === null || key.length > best.length)) best = key;
      if (prefix && key.startsWith(term)) out.add(m.keys[key]);
    }
    if (best !== null && (best === term || (m.exact || []).indexOf(best) < 0)) out.add(m.keys[best]);
  };

  // Every query needs the whole small index, or the field lengths of a split one: start at once.
  const readLengths = (l) => l.forEach((s, f) => { lengths[f] = numbers(s); });
  if (m.index) once(m.index, single).catch(() => {});
  else if (m.lengths) once(m.lengths, readLengths).catch(() => {});

  return {
    docs: m.docs,
    fields: m.fields,
    boosts: m.boosts,
    manifest: m,
    // Downloads what scoring `queryTerms` needs: [promise, whether anything is still to come, the terms
    // to score]. With `budget`, a prefix whose packs would download more than `budget` bytes (before
    // compression) is left out: two letters of a large site's word match a large part of its index.
    load(queryTerms, budget) {
      const files = [];
      let usable = queryTerms;
      if (m.index) {
        files.push([m.index, single]);
      } else {
        const packs = new Set();
        usable = queryTerms.filter((t) => {
          const mine = new Set();
          packsFor(t.term, t.prefix, mine);
          let bytes = 0;
          mine.forEach((i) => { if (!ready.has('p' + i + '.json')) bytes += m.packs[i]; });
          if (t.prefix && budget && bytes > budget) return false;
          mine.forEach((i) => packs.add(i));
          return true;
        });
        if (packs.size) files.push([m.lengths, readLengths]);
        packs.forEach((i) => files.push(['p' + i + '.json', pack]));
      }
      const waiting = files.some((f) => !ready.has(f[0]));
      return [Promise.all(files.map((f) => once(f[0], f[1]))), waiting, usable];
    },
    postings(term, f) {
      const entry = terms.get(term);
      return entry && entry[f];
    },
    // Every term with postings in field f that starts with `prefix`, in trie order (expandToken).
    expand(prefix, f) {
      if (!sorted) sorted = Array.from(terms.keys()).sort(compareTerms);
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareTerms(sorted[mid], prefix) < 0) lo = mid + 1;
        else hi = mid;
      }
      const out = [];
      for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) {
        if (terms.get(sorted[i])[f]) out.push(sorted[i]);
      }
      return out;
    },
    length(f, doc) {
      return lengths[f][doc] || 0;
    },
    fetchFile,
  };
}

// elasticlunr 0.9's Index.search with bool OR and per-field boosts, where each query term says
// whether it is expanded (a prefix) or not. Same operations in the same order, so the same floating
// point numbers: [{ doc, score }], best first, ties by document number as elasticlunr.js leaves them.
export function score(index, queryTerms) {
  // Per-document arrays instead of elasticlunr's objects: adding 0 to a score, or a score to 0, leaves
  // it unchanged, so summing every document in the same order gives the same numbers, faster.
  const n = index.docs;
  const total = new Float64Array(n);
  const hit = new Uint8Array(n);
  index.fields.forEach((name, f) => {
    const scores = new Float64Array(n);
    const matched = new Uint8Array(n);
    const seen = new Uint16Array(n); // fieldSearchStats: query tokens found as themselves in a document
    for (const q of queryTerms) {
      const token = q.term;
      const keys = q.prefix ? index.expand(token, f) : [token];
      const tokenScores = new Float64Array(n);
      let touched = false;
      for (const key of keys) {
        const p = index.postings(key, f);
        if (!p) continue;
        touched = true;
        const idf = 1 + Math.log(n / (p.docs.length + 1));
        const penalty = key === token ? 1 : (1 - (key.length - token.length) / key.length) * 0.15;
        for (let i = 0; i < p.docs.length; i++) {
          const doc = p.docs[i];
          const length = index.length(f, doc);
          const norm = length !== 0 ? 1 / Math.sqrt(length) : 1;
          tokenScores[doc] += p.tf[i] * idf * norm * penalty;
          matched[doc] = 1;
          if (key === token) seen[doc]++;
        }
      }
      if (touched) for (let d = 0; d < n; d++) scores[d] += tokenScores[d];
    }
    const boost = index.boosts[f];
    for (let d = 0; d < n; d++) {
      if (!matched[d]) continue;
      const s = seen[d] ? (scores[d] * seen[d]) / queryTerms.length : scores[d];
      total[d] += s * boost;
      hit[d] = 1;
    }
  });
  const results = [];
  for (let d = 0; d < n; d++) if (hit[d]) results.push({ doc: d, score: total[d] });
  return results.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

// ---- The page ----

const PAGE_SIZE = 10;
// The most a word being typed may download before compression (about 15 KB gzipped), see load().
const PREFIX_BUDGET = 64 * 1024;

// Marks the words of `text` that the query matched, with DOM nodes only (never markup from data).
function highlight(el, text, analyzer, queryTerms) {
  const matches = (word) => analyzer.tokenize(word).some((token) => {
    if (analyzer.isStopWord(token)) return false;
    const stem = analyzer.stem(token);
    return queryTerms.some((q) => (q.prefix ? token.startsWith(q.term) || stem.startsWith(q.term) : token === q.term || stem === q.term));
  });
  const words = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  let at = 0;
  let m;
  while ((m = words.exec(text))) {
    if (!matches(m[0])) continue;
    el.appendChild(document.createTextNode(text.slice(at, m.index)));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    el.appendChild(mark);
    at = m.index + m[0].length;
  }
  el.appendChild(document.createTextNode(text.slice(at)));
}

function start() {
  const form = document.querySelector('form[data-search-script]');
  const box = form && form.querySelector('[data-search-box]');
  if (!box || form.dataset.searchStarted) return;
  form.dataset.searchStarted = '1';
  const data = form.dataset;
  const analyzer = analyzerFor(data.lang);
  const base = data.searchIndex.replace(/[^/]*$/, '');
  // The loader in base.html started fetching the manifest with this script.
  let manifest = form.suluhManifest;
  const get = (name) => {
    let response = manifest;
    manifest = null;
    if (!response || name !== 'manifest.json') response = fetch(base + name, name === 'manifest.json' ? { cache: 'no-cache' } : {});
    return response.then((r) => {
      if (!r.ok) throw new Error(r.status + ' ' + name);
      return r.json();
    });
  };
  const indexPromise = openIndex(get);
  const chunks = new Map();

  // Where results go: the search page's own list, or a panel under the header's form.
  const page = document.querySelector('[data-search-page]');
  let status;
  let list;
  let panel = null;
  if (page) {
    status = page.querySelector('[data-search-status]');
    list = page.querySelector('[data-search-results]');
  } else {
    panel = document.createElement('div');
    panel.className = 'search-panel';
    panel.hidden = true;
    status = document.createElement('p');
    status.className = 'search-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    list = document.createElement('ol');
    list.className = 'search-results';
    panel.append(status, list);
    form.after(panel);
  }
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.textContent = data.tMore;
  more.hidden = true;
  list.after(more);

  let seq = 0;
  let shown = 0;
  let current = null; // { results, terms }
  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const records = (docs, index) => {
    const per = index.manifest.records.per;
    return Promise.all(docs.map((d) => {
      const c = Math.floor(d / per);
      if (!chunks.has(c)) {
        chunks.set(c, index.fetchFile('r' + c + '.json').catch((e) => {
          chunks.delete(c);
          throw e;
        }));
      }
      return chunks.get(c).then((chunk) => chunk[d % per]);
    }));
  };
  const render = (found, from) => {
    found.forEach((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.u;
      highlight(a, r.t, analyzer, current.terms);
      const h = document.createElement('span');
      h.className = 'search-title';
      h.appendChild(a);
      const section = document.createElement('span');
      section.className = 'search-section';
      section.textContent = r.s;
      const p = document.createElement('p');
      highlight(p, r.d, analyzer, current.terms);
      li.append(h, ' ', section, p);
      list.appendChild(li);
    });
    shown = from + found.length;
    more.hidden = shown >= current.results.length;
  };

  const run = async (query) => {
    const mine = ++seq;
    const terms = analyzer.queryTerms(query, true);
    if (page) history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    if (!terms.length) {
      list.textContent = '';
      more.hidden = true;
      say('');
      if (panel) panel.hidden = true;
      return;
    }
    if (panel) panel.hidden = false;
    try {
      const index = await indexPromise;
      const [loading, missing, usable] = index.load(terms, PREFIX_BUDGET);
      if (!usable.length) return; // a word too short for this index so far: wait for the next letter
      if (missing) say(data.tLoading);
      await loading;
      if (mine !== seq) return;
      const results = score(index, usable);
      const found = await records(results.slice(0, PAGE_SIZE).map((r) => r.doc), index);
      if (mine !== seq) return;
      current = { results, terms: usable };
      list.textContent = '';
      render(found, 0);
      const count = results.length;
      say(count === 0 ? data.tNone : count === 1 ? data.tOne : data.tMany.replace('{count}', count));
      if (window.performance && performance.mark) performance.mark('suluh-results'); // for bench/
    } catch (e) {
      if (mine === seq) say(data.tNone);
      throw e;
    }
  };

  // The first key after a pause (or a paste) searches at once; keys typed in a burst wait for a pause.
  let timer = 0;
  let last = 0;
  box.addEventListener('input', () => {
    const now = Date.now();
    clearTimeout(timer);
    if (now - last > 250) run(box.value);
    else timer = setTimeout(() => run(box.value), 80);
    last = now;
  });
  form.addEventListener('submit', (e) => {
    if (!page) return; // other pages: the form opens the search page with ?q=
    e.preventDefault();
    clearTimeout(timer);
    run(box.value);
  });
  more.addEventListener('click', async () => {
    const index = await indexPromise;
    const from = shown;
    const next = current.results.slice(from, from + PAGE_SIZE).map((r) => r.doc);
    const found = await records(next, index);
    const first = list.children.length;
    render(found, from);
    const link = list.children[first] && list.children[first].querySelector('a');
    if (link) link.focus();
  });
  // Keyboard: ↓ from the box to the results, ↑/↓ between them, Esc back to the box.
  const links = () => Array.from(list.querySelectorAll('a'));
  box.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links().length) {
      e.preventDefault();
      links()[0].focus();
    } else if (e.key === 'Escape' && panel) {
      box.value = '';
      run('');
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const j = i + (e.key === 'ArrowDown' ? 1 : -1);
      if (j < 0) box.focus();
      else if (j < all.length) all[j].focus();
    } else if (e.key === 'Escape') {
      box.focus();
    }
  });

  const q = page ? new URLSearchParams(location.search).get('q') : null;
  if (q && !box.value) box.value = q;
  if (box.value) run(box.value);
}

if (typeof document !== 'undefined') start();
