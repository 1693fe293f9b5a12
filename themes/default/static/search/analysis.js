// Suluh search: text analysis in the browser.
//
// Plain ES2018 (Unicode property escapes are the newest feature used), for old phone browsers.
//
// The twin of generator/search/analysis/*.rs, which analysed the pages when the index was
// built: a query finds a page only if it is analysed here exactly as the page was there. Each
// function mirrors the Rust function of the same name, and tests/js/analysis.test.mjs checks
// both against the same vectors (tests/search-vectors/*.json). Change both or neither; the
// design is in docs/search-analysis.md.
//
//   import { analyzerFor } from './analysis.js';
//   const a = analyzerFor('id');
//   a.queryTerms('biaya perpanj', true);
//   // → [{ term: 'biaya', prefix: false }, { term: 'perpanj', prefix: true }]

// The shortest word being typed that is looked up as a prefix (MIN_PREFIX_CHARS in Rust).
export const MIN_PREFIX_CHARS = 2;

// Rust's char::is_alphanumeric and char::is_alphabetic.
const ALNUM = /[\p{Alphabetic}\p{N}]/u;
const ALPHA = /\p{Alphabetic}/u;
const ASCII = /^[\0-\x7f]*$/;

// Combining marks that continue a word (is_mark).
const MARKS = [0x300, 0x36f, 0x610, 0x61a, 0x64b, 0x65f, 0x670, 0x670, 0x6d6, 0x6ed,
  0x1ab0, 0x1aff, 0x1dc0, 0x1dff, 0x20d0, 0x20ff, 0xfe20, 0xfe2f];
function isMark(c) {
  const o = c.codePointAt(0);
  for (let i = 0; i < MARKS.length; i += 2) if (o >= MARKS[i] && o <= MARKS[i + 1]) return true;
  return false;
}
const isWordChar = (c) => ALNUM.test(c) || isMark(c);
// Dropped inside words without splitting them (is_invisible).
const INVISIBLE = '\u00ad\u200c\u200d\u2060\ufeff';

// Arabic-Indic and extended Arabic-Indic digits as ASCII (fold_digit).
function foldDigit(c) {
  const o = c.codePointAt(0);
  if (o >= 0x660 && o <= 0x669) return String.fromCharCode(48 + o - 0x660);
  if (o >= 0x6f0 && o <= 0x6f9) return String.fromCharCode(48 + o - 0x6f0);
  return c;
}
const isDigit = (c) => c !== undefined && c.length === 1 && c >= '0' && c <= '9';

// The last code point of a string.
function lastChar(s) {
  const n = s.length;
  if (n === 0) return undefined;
  const unit = s.charCodeAt(n - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && n > 1 ? s.slice(n - 2) : s.slice(n - 1);
}

// Whether separator c, after the word so far and before next, stays inside the word (joins).
function joins(current, c, next) {
  const last = lastChar(current);
  if (next === undefined || last === undefined) return false;
  if (c === '.' || c === ',' || c === '\u066b' || c === '\u066c') return isDigit(last) && isDigit(foldDigit(next));
  if (c === "'" || c === '\u2019' || c === '\u02bc') return ALPHA.test(last) && ALPHA.test(next);
  return false;
}

// Lowercased words: maximal runs of word characters (split_words). Lowercasing is per code
// point, as in Rust.
function splitWords(text) {
  const chars = Array.from(text);
  const words = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isWordChar(c)) current += foldDigit(c).toLowerCase();
    else if (INVISIBLE.includes(c) || joins(current, c, chars[i + 1])) continue;
    else if (current) {
      words.push(current);
      current = '';
    }
  }
  if (current) words.push(current);
  return words;
}

// ASCII letters for U+00E0..U+00FF and U+0100..U+017F; '*' marks two-letter foldings.
const LATIN1_FOLD = "aaaaaa*ceeeeiiiidnooooo_ouuuuy*y";
const LATIN_EXT_A_FOLD = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttttuuuuuuuuuuuuwwyyyzzzzzzs";
const FOLD_PAIRS = { ß: 'ss', æ: 'ae', þ: 'th', ĳ: 'ij', Ĳ: 'ij', œ: 'oe', Œ: 'oe' };

function foldLatinChar(c) {
  if (FOLD_PAIRS[c]) return FOLD_PAIRS[c];
  const o = c.codePointAt(0);
  const t = o >= 0xe0 && o <= 0xff ? LATIN1_FOLD[o - 0xe0]
    : o >= 0x100 && o <= 0x17f ? LATIN_EXT_A_FOLD[o - 0x100] : '';
  return t >= 'a' && t <= 'z' ? t : c;
}

function foldLatin(word) {
  let out = '';
  for (const c of word) if (!isMark(c)) out += foldLatinChar(c);
  return out;
}

const words = (list) => new Set(list.trim().split(/\s+/));

// ---- Indonesian (id.rs) ----

const ID_STOP = `ada adalah adanya agar akan aku anda antara apa apabila apakah atas atau bagaimana bagi
bahkan bahwa banyak begitu beberapa belum bisa boleh bukan dalam dan dapat dari daripada
demikian dengan di dia hal hanya harus hingga ia ialah ini itu jika juga kalau kami kamu
karena ke kemudian kepada ketika kita lagi lalu maka masih maupun melainkan melalui mereka namun oleh
pada para per pun saat saja sangat sebagai sebelum sebuah secara sedang sehingga sejak
selama semua seperti serta sesudah setelah setiap siapa suatu sudah supaya tanpa telah tentang
terhadap tersebut tetapi tidak untuk yaitu yakni yang`;

const ID_ROOTS = `awas badai baik bank batas beras beri berita beritahu berkas bijak capai cek cerai cetak damai
datang didik digital diploma direktorat direktur disiplin diskusi fotokopi gerak hadap hak
hindar hubung ikut industri intai istilah jarak kabar kabul kait kaji kalah kali kantor kasih
kategori kawal kawin kecewa kecil kecuali kejar kejut kelamin kelola kelompok keluar keluarga
keluh kemarin kemas kembali kembang kena kenal kenang kendali kendara kepala kerah keras kering
kerja ketik kira kirim koleksi komentar konfirmasi konsultasi konsumsi kontak kontrol
koordinasi koreksi kosong kotor kuasa kuat kubur kukuh kumpul kunci kunjung kupas kurang kurung
kutip lantai layan lengkap letak majikan maju makan malu mandi manfaat marah masak masalah
masuk masyarakat materi mati menang menteri merdeka metode milik mimpi minta minum mitra mohon
muat muda mudah mukim mulai mulia muncul mundur mungkin murah musim musyawarah mutu nafkah naik
nama nanti nasihat negeri nikah nilai nomor nyaman nyanyi nyata olah paham pajak pakai pantai
partai patuh pedoman penjara penuh perangkat perempuan pergi periksa perilaku perintah perlu
persen pertama pesawat peserta pos punya ragam ramah ramai rangkai rangkum rantau rasa rawat
rekam rekrut rencana resmi rinci rujuk rumah rupa rusak sah sampai santai sebut sedia segera
sejarah sekarang sekolah sekretariat sekretaris selesai sembilan sementara semester seminar
sendiri serah serta sertifikat sesuai setuju tandatangan tangan tanya teknologi temu terima
ternak terus tes tindak tolak urai waspada`;

const ID_STOP_SET = words(ID_STOP);
const ID_ROOT_SET = words(ID_ROOTS);

const isVowel = (c) => c.length === 1 && 'aeiou'.includes(c);

// Prefix and suffix pairs Indonesian does not combine (confix_allowed).
const BAD_CONFIX = ['ber-i', 'di-an', 'ke-i', 'ke-kan', 'me-an', 'se-i', 'se-kan', 'ter-an', 'pe-i', 'pe-kan'];
const confixAllowed = (first, suffix) => !BAD_CONFIX.includes(`${first}-${suffix}`);

function idStem(word) {
  if (word.length < 4 || !/^[a-z]+$/.test(word) || ID_ROOT_SET.has(word)) return word;
  const all = readings(word);
  for (const r of all) {
    for (const n of r.nodes) if (ID_ROOT_SET.has(n.stem) && confixAllowed(n.first, r.suffix)) return n.stem;
  }
  let best;
  let top;
  for (const r of all) {
    const hasSuffix = r.suffix !== '';
    for (const n of r.nodes) {
      if (!ruleAllows(r, n)) continue;
      const score = [r.inflections + (hasSuffix ? 1 : 0) + n.depth, hasSuffix && n.depth > 0 ? 1 : 0,
        r.withoutNya ? 1 : 0, n.depth];
      if (best === undefined || greater(score, top)) {
        best = n.stem;
        top = score;
      }
    }
  }
  return best === undefined ? word : best;
}

function greater(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

function readings(word) {
  const out = [];
  for (const [inflections, withoutNya, base] of inflectionVariants(word)) {
    for (const [suffix, rest] of suffixVariants(base)) {
      const nodes = [{ stem: rest, first: '', depth: 0 }];
      walkPrefixes(rest, [], nodes);
      out.push({ inflections, withoutNya, suffix, endsInS: rest.endsWith('s'), nodes });
    }
  }
  return out;
}

function inflectionVariants(word) {
  const variants = [[0, false, word]];
  let current = word;
  const particle = ['lah', 'kah', 'tah', 'pun'].find((p) => current.endsWith(p));
  if (particle) {
    current = current.slice(0, -particle.length);
    variants.push([1, false, current]);
  }
  if (current.endsWith('nya')) variants.push([variants.length, true, current.slice(0, -3)]);
  return variants.filter(([, , v]) => v.length >= 3).reverse();
}

function suffixVariants(word) {
  const out = [];
  if (word.endsWith('kan')) out.push(['kan', word.slice(0, -3)]);
  if (word.endsWith('an')) out.push(['an', word.slice(0, -2)]);
  else if (word.endsWith('i')) out.push(['i', word.slice(0, -1)]);
  const kept = out.filter(([, rest]) => rest.length >= 2);
  kept.push(['', word]);
  return kept;
}

function walkPrefixes(word, used, out) {
  if (used.length === 3) return;
  for (const [prefix, rest] of prefixOptions(word, used)) {
    if (rest.length < 2) continue;
    used.push(prefix);
    out.push({ stem: rest, first: used[0], depth: used.length });
    walkPrefixes(rest, used, out);
    used.pop();
  }
}

function prefixOptions(word, used) {
  const at = (i) => word.charAt(i);
  const tail = (i) => word.slice(i);
  const out = [];
  const allowed = (p) => used.length === 0 || (p !== 'di' && p !== 'me' && !used.includes(p));
  if (word.startsWith('di') && allowed('di')) out.push(['di', tail(2)]);
  if (word.startsWith('ke') && allowed('ke')) out.push(['ke', tail(2)]);
  if (word.startsWith('se') && allowed('se')) out.push(['se', tail(2)]);
  if (word.startsWith('me') && allowed('me')) {
    nasalOptions('me', word, out);
    if ('lrwy'.includes(at(2)) && at(2)) out.push(['me', tail(2)]);
  }
  if (word.startsWith('pe')) {
    if (allowed('pe')) nasalOptions('pe', word, out);
    if (word.startsWith('per')) {
      if (allowed('per')) out.push(['per', tail(3)]);
      if (isVowel(at(3)) && allowed('pe')) out.push(['pe', 'r' + tail(3)]);
    } else if (word.startsWith('pelajar') && allowed('pe')) {
      out.push(['pe', tail(3)]);
    } else if (!isVowel(at(2)) && !'mnr'.includes(at(2)) && at(2) && allowed('pe')) {
      out.push(['pe', tail(2)]);
      if (word.slice(3, 5) === 'er' && allowed('per')) out.push(['per', tail(2)]);
    }
  }
  if (allowed('ber')) {
    if (word.startsWith('ber')) {
      out.push(['ber', tail(3)]);
      if (isVowel(at(3))) out.push(['ber', 'r' + tail(3)]);
    } else if (word.startsWith('belajar')) {
      out.push(['ber', tail(3)]);
    } else if (word.startsWith('be') && at(2) && !isVowel(at(2)) && word.slice(3, 5) === 'er') {
      out.push(['ber', tail(2)]);
    }
  }
  if (word.startsWith('ter') && allowed('ter')) {
    out.push(['ter', tail(3)]);
    if (isVowel(at(3))) out.push(['ter', 'r' + tail(3)]);
  }
  return out;
}

function nasalOptions(prefix, word, out) {
  const at = (i) => word.charAt(i);
  const tail = (i) => word.slice(i);
  const [c2, c3] = [at(2), at(3)];
  if (c2 === 'n' && c3 === 'g') {
    if (isVowel(at(4))) {
      out.push([prefix, tail(4)], [prefix, 'k' + tail(4)]);
      if (at(4) === 'e') out.push([prefix, tail(5)]);
    } else if ('ghk'.includes(at(4)) && at(4)) {
      out.push([prefix, tail(4)]);
    }
  } else if (c2 === 'n' && c3 === 'y' && isVowel(at(4))) {
    out.push([prefix, 's' + tail(4)], [prefix, 'ny' + tail(4)]);
  } else if (c2 === 'n' && isVowel(c3)) {
    out.push([prefix, 't' + tail(3)], [prefix, 'n' + tail(3)]);
  } else if (c2 === 'n' && c3 && 'cdjstz'.includes(c3)) {
    out.push([prefix, tail(3)]);
  } else if (c2 === 'm' && c3 && 'bfpv'.includes(c3)) {
    out.push([prefix, tail(3)]);
  } else if (c2 === 'm' && isVowel(c3)) {
    out.push([prefix, 'p' + tail(3)], [prefix, 'm' + tail(3)]);
  }
}

const plausible = (stem) => stem.length >= 3 && Array.from(stem).filter(isVowel).length >= 2;

const ruleAllows = (r, n) => plausible(n.stem) && confixAllowed(n.first, r.suffix)
  && (r.suffix !== 'i' || (n.depth > 0 && !r.endsInS));

// ---- English (en.rs): the original Porter stemmer ----

const EN_STOP = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me might more most must my myself nor not now of off on once only or other
our ours ourselves out over own same shall she should so some such than that the their
theirs them themselves then there these they this those through to too under until up upon
very was we were what when where which while who whom why will with within without would
you your yours yourself yourselves`;

const EN_STOP_SET = words(EN_STOP);

function enStem(word) {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const w = new Porter(word);
  w.step1a();
  w.step1b();
  w.step1c();
  w.rules(STEP2, 0);
  w.rules(STEP3, 0);
  w.step4();
  w.step5();
  return w.b;
}

const pairs = (s) => s.split(' ').map((p) => p.split(':'));
const STEP2 = pairs('ational:ate tional:tion enci:ence anci:ance izer:ize abli:able alli:al entli:ent eli:e '
  + 'ousli:ous ization:ize ation:ate ator:ate alism:al iveness:ive fulness:ful ousness:ous aliti:al '
  + 'iviti:ive biliti:ble');
const STEP3 = pairs('icate:ic ative: alize:al iciti:ic ical:ic ful: ness:');
const STEP4 = 'al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize'.split(' ');

class Porter {
  constructor(b) {
    this.b = b;
  }

  cons(i) {
    const c = this.b[i];
    if ('aeiou'.includes(c)) return false;
    return c === 'y' ? i === 0 || !this.cons(i - 1) : true;
  }

  measure(len) {
    let m = 0;
    let i = 0;
    while (i < len && this.cons(i)) i++;
    for (;;) {
      while (i < len && !this.cons(i)) i++;
      if (i >= len) return m;
      while (i < len && this.cons(i)) i++;
      m++;
    }
  }

  hasVowel(len) {
    for (let i = 0; i < len; i++) if (!this.cons(i)) return true;
    return false;
  }

  doubleC(len) {
    return len >= 2 && this.b[len - 1] === this.b[len - 2] && this.cons(len - 1);
  }

  cvc(len) {
    return len >= 3 && this.cons(len - 3) && !this.cons(len - 2) && this.cons(len - 1)
      && !'wxy'.includes(this.b[len - 1]);
  }

  ends(s) {
    return this.b.endsWith(s);
  }

  replace(n, s) {
    this.b = this.b.slice(0, this.b.length - n) + s;
  }

  rules(list, min) {
    const rule = list.filter(([s]) => this.ends(s)).reduce((a, r) => (a && a[0].length >= r[0].length ? a : r), null);
    if (rule && this.measure(this.b.length - rule[0].length) > min) this.replace(rule[0].length, rule[1]);
  }

  step1a() {
    if (this.ends('sses') || this.ends('ies')) this.replace(2, '');
    else if (this.ends('s') && !this.ends('ss')) this.replace(1, '');
  }

  step1b() {
    const len = this.b.length;
    if (this.ends('eed')) {
      if (this.measure(len - 3) > 0) this.replace(1, '');
      return;
    }
    let cut;
    if (this.ends('ed') && this.hasVowel(len - 2)) cut = 2;
    else if (this.ends('ing') && this.hasVowel(len - 3)) cut = 3;
    else return;
    this.replace(cut, '');
    const n = this.b.length;
    if (this.ends('at') || this.ends('bl') || this.ends('iz')) this.b += 'e';
    else if (this.doubleC(n) && !'lsz'.includes(this.b[n - 1])) this.replace(1, '');
    else if (this.measure(n) === 1 && this.cvc(n)) this.b += 'e';
  }

  step1c() {
    if (this.ends('y') && this.hasVowel(this.b.length - 1)) this.replace(1, 'i');
  }

  step4() {
    const suffix = STEP4.filter((s) => this.ends(s)).reduce((a, s) => (a.length >= s.length ? a : s), '');
    if (!suffix) return;
    const len = this.b.length - suffix.length;
    if (this.measure(len) <= 1) return;
    if (suffix === 'ion' && !'st'.includes(this.b[len - 1] || '_')) return;
    this.replace(suffix.length, '');
  }

  step5() {
    if (this.ends('e')) {
      const m = this.measure(this.b.length - 1);
      if (m > 1 || (m === 1 && !this.cvc(this.b.length - 1))) this.replace(1, '');
    }
    const n = this.b.length;
    if (this.measure(n) > 1 && this.doubleC(n) && this.b[n - 1] === 'l') this.replace(1, '');
  }
}

// ---- Arabic (ar.rs) ----

const AR_STOP = `اذ اذا الا التي الذي الذين الي اليه ام اما ان انا انت انتم انه انها او اي ايضا اين بعد بعض
بل به بها بين تكون تلك ثم حتي ذات ذلك ذو عليه عليها علي عن عند غير فيه فيها في قبل قد كان
كانت كل كما كيف لا لكن لم لماذا لن له لها لهم ما متي مع من منذ منه منها نحن هذا هذه هل هم
هنا هناك هو هي و وفي ولا ومن وقد وان يجب يكون يمكن`;

const AR_STOP_SET = words(AR_STOP);

function arNormalize(word) {
  let out = '';
  for (const c of word) {
    if (c === '\u0640' || isMark(c)) continue;
    if ('أإآٱ'.includes(c)) out += 'ا';
    else if (c === 'ة') out += 'ه';
    else if (c === 'ى' || c === 'ی') out += 'ي';
    else if (c === 'ک') out += 'ك';
    else out += foldLatinChar(c);
  }
  return out;
}

const AR_ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const AR_PRONOUNS = ['ها', 'هم', 'كم', 'ك'];
const AR_ENDINGS = [['ات', 3], ['ان', 4], ['ون', 4], ['ين', 4], ['يه', 3], ['ه', 3], ['ي', 3]];

function arStem(word) {
  let w = word;
  if (!Array.from(w).every((c) => c >= '\u0621' && c <= '\u064a')) return word;
  let hadArticle = false;
  for (let i = 0; i < 3; i++) {
    const article = AR_ARTICLES.find((a) => (!hadArticle || a === 'ال') && w.length >= a.length + 2 && w.startsWith(a));
    if (article) {
      w = w.slice(article.length);
      hadArticle = true;
    } else if (w.length >= 4 && w[0] === 'و') {
      w = w.slice(1);
    } else {
      break;
    }
  }
  const strip = (s, keep) => {
    if (w.length >= s.length + keep && w.endsWith(s)) {
      w = w.slice(0, -s.length);
      return true;
    }
    return false;
  };
  if (AR_PRONOUNS.some((s) => strip(s, 3))) {
    const n = w.length;
    if (n > 3 && w[n - 1] === 'ت' && w[n - 2] !== 'ا') w = w.slice(0, -1) + 'ه';
  }
  for (const [s, keep] of AR_ENDINGS) strip(s, keep);
  return w;
}

// ---- Analysers (mod.rs) ----

function makeAnalyzer(name, normalize, stop, stemmer) {
  const isStopWord = (word) => stop.has(word);
  const memo = new Map();
  const stem = (word) => {
    let s = memo.get(word);
    if (s === undefined) {
      s = stemmer(word);
      memo.set(word, s);
    }
    return s;
  };
  const tokenize = (text) => splitWords(text).map((w) => (ASCII.test(w) ? w : normalize(w))).filter((w) => w);
  return {
    name,
    tokenize,
    isStopWord,
    stem,
    // Terms for the index: for each non-stop token its stem, then its surface form if it differs.
    indexTerms(text) {
      const terms = [];
      for (const token of tokenize(text)) {
        if (isStopWord(token)) continue;
        const s = stem(token);
        terms.push(s);
        if (s !== token) terms.push(token);
      }
      return terms;
    },
    // Terms for a query; the last word is a prefix being typed when `typing` is true and the
    // query does not end with a separator. The terms of that word are alternatives.
    queryTerms(query, typing) {
      const tokens = tokenize(query);
      const last = lastChar(query);
      const openLast = !!typing && last !== undefined && isWordChar(last);
      const terms = [];
      const push = (term, prefix) => {
        if (!terms.some((t) => t.term === term && t.prefix === prefix)) terms.push({ term, prefix });
      };
      tokens.forEach((token, i) => {
        const open = openLast && i + 1 === tokens.length && Array.from(token).length >= MIN_PREFIX_CHARS;
        const isStop = isStopWord(token);
        if (open) {
          const s = stem(token);
          push(token, true);
          if (!isStop && s !== token) push(s, false);
        } else if (!isStop) {
          push(stem(token), false);
        }
      });
      return terms;
    },
  };
}

const CODES = new Map([['id', 'indonesian'], ['in', 'indonesian'], ['en', 'english'], ['ar', 'arabic']]);
const ANALYZERS = new Map();

// The analyser for a site language code; unknown codes get the plain analyser (tokenise and
// lowercase only), as in Rust's analyzer_for.
export function analyzerFor(lang) {
  const primary = String(lang == null ? '' : lang).split(/[-_]/)[0].replace(/[A-Z]/g, (c) => c.toLowerCase());
  const name = CODES.get(primary) || 'plain';
  if (!ANALYZERS.has(name)) {
    const make = {
      indonesian: () => makeAnalyzer(name, foldLatin, ID_STOP_SET, idStem),
      english: () => makeAnalyzer(name, foldLatin, EN_STOP_SET, enStem),
      arabic: () => makeAnalyzer(name, arNormalize, AR_STOP_SET, arStem),
      plain: () => makeAnalyzer(name, (w) => w, new Set(), (w) => w),
    };
    ANALYZERS.set(name, make[name]());
  }
  return ANALYZERS.get(name);
}
