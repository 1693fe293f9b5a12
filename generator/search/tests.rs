use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::analysis::{analyzer_for, Analyzer};
use super::packs::{self, numbers, pack_of, put_number, Pack};
use super::table::{Table, TableBuilder, FIELDS};

/// Documents with a wide vocabulary: numbers and syllable words, some shared by every document, some rare.
fn corpus(docs: usize) -> Vec<[String; 4]> {
    const SYLLABLES: [&str; 12] = [
        "pa", "spor", "ta", "ri", "ka", "mu", "lan", "da", "be", "si", "no", "ra",
    ];
    (0..docs)
        .map(|d| {
            let word = |k: usize| {
                let mut w = String::new();
                let mut n = k;
                loop {
                    w.push_str(SYLLABLES[n % SYLLABLES.len()]);
                    n /= SYLLABLES.len();
                    if n == 0 {
                        break w;
                    }
                }
            };
            let body: Vec<String> = (0..60)
                .map(|i| word((d * 7 + i * i) % (40 + d)))
                .chain(["paspor permohonan biaya".to_string(), format!("{}", d * 13)])
                .collect();
            [
                format!("Panduan {} {}", word(d), word(d + 3)),
                if d % 3 == 0 {
                    String::new()
                } else {
                    format!("Layanan {}", word(d * 5))
                },
                format!("Persyaratan Biaya {}", word(d % 4)),
                body.join(" "),
            ]
        })
        .collect()
}

fn table_of(analyzer: Analyzer, docs: &[[String; 4]]) -> Table {
    let mut table = TableBuilder::default();
    for d in docs {
        table.add(analyzer, [&d[0], &d[1], &d[2], &d[3]]);
    }
    table.finish()
}

#[test]
fn numbers_round_trip() {
    let values = [
        0,
        1,
        31,
        32,
        33,
        1023,
        1024,
        99_999,
        u32::MAX >> 2,
        u32::MAX,
    ];
    let mut s = String::new();
    for v in values {
        put_number(&mut s, v);
    }
    assert_eq!(numbers(&s).unwrap(), values);
    let mut one = String::new();
    put_number(&mut one, 5);
    assert_eq!(one, "5", "small numbers take one digit");
    assert_eq!(numbers("W"), None, "an unfinished number is an error");
}

/// Every (term, field) of an elasticlunr index: {doc ref: tf}, and its docInfo.
type Postings = BTreeMap<(String, String), BTreeMap<String, f64>>;

fn elasticlunr_postings(json: &Value) -> Postings {
    fn walk(node: &Value, prefix: &str, field: &str, out: &mut Postings) {
        let map = node.as_object().expect("trie node");
        let docs = map["docs"].as_object().expect("docs");
        if !docs.is_empty() {
            assert_eq!(map["df"].as_u64().unwrap() as usize, docs.len());
            out.insert(
                (prefix.to_string(), field.to_string()),
                docs.iter()
                    .map(|(r, v)| (r.clone(), v["tf"].as_f64().unwrap()))
                    .collect(),
            );
        }
        for (key, child) in map {
            if key != "docs" && key != "df" {
                walk(child, &format!("{prefix}{key}"), field, out);
            }
        }
    }
    let mut out = Postings::new();
    for field in FIELDS {
        walk(&json["index"][field]["root"], "", field, &mut out);
    }
    out
}

/// The table holds exactly elasticlunr-rs's numbers: the same terms, tf = sqrt(count), field lengths.
#[test]
fn table_equals_elasticlunr_rs() {
    for lang in ["id", "en", "ar"] {
        let analyzer = analyzer_for(lang);
        let mut docs = corpus(30);
        docs[4][3]
            .push_str(" memperpanjang perpanjangan diperpanjang; renewing renewal; تجديد والتجديد");
        let table = table_of(analyzer, &docs);
        let language = super::SiteLanguage {
            code: lang.into(),
            analyzer,
        };
        let mut index = elasticlunr::IndexBuilder::with_language(Box::new(language))
            .save_docs(false)
            .add_fields(FIELDS)
            .build();
        for (i, d) in docs.iter().enumerate() {
            index.add_doc(&i.to_string(), d);
        }
        let text = index.to_json();
        assert_eq!(
            table.elasticlunr_size(&format!("suluh-{lang}")),
            text.len(),
            "{lang}: the size is exact"
        );
        let json: Value = serde_json::from_str(&text).unwrap();
        let want = elasticlunr_postings(&json);
        let mut got = Postings::new();
        for (term, postings) in &table.terms {
            for (f, list) in postings.iter().enumerate() {
                if !list.is_empty() {
                    got.insert(
                        (term.clone(), FIELDS[f].to_string()),
                        list.iter()
                            .map(|&(d, c)| (d.to_string(), f64::from(c).sqrt()))
                            .collect(),
                    );
                }
            }
        }
        assert_eq!(got, want, "{lang}");
        let info = &json["documentStore"]["docInfo"];
        for (f, field) in FIELDS.iter().enumerate() {
            for d in 0..docs.len() {
                assert_eq!(
                    info[d.to_string()][field].as_u64().unwrap(),
                    u64::from(table.lengths[f][d]),
                    "{lang} {field} {d}"
                );
            }
        }
        assert_eq!(json["documentStore"]["length"], docs.len());
    }
}

fn decode_pack(json: &str) -> BTreeMap<String, [Vec<(u32, u32)>; 4]> {
    let entries: Vec<Vec<String>> = serde_json::from_str(json).expect("pack is JSON");
    entries
        .into_iter()
        .map(|e| {
            assert_eq!(e.len(), 5);
            let mut postings: [Vec<(u32, u32)>; 4] = Default::default();
            for f in 0..4 {
                let n = numbers(&e[f + 1]).expect("number string");
                assert_eq!(n.len() % 2, 0);
                let mut next = 0;
                for pair in n.chunks(2) {
                    let doc = next + pair[0];
                    postings[f].push((doc, pair[1] + 1));
                    next = doc + 1;
                }
            }
            (e[0].clone(), postings)
        })
        .collect()
}

/// The packs the client downloads for a term (search.js packsFor, the same rule as `pack_of`), and for a
/// prefix every pack that may hold a term starting with it.
fn packs_for(packs: &[Pack], term: &str, prefix: bool) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    out.extend(pack_of(packs, term));
    if prefix {
        for (i, p) in packs.iter().enumerate() {
            if p.keys.iter().any(|k| k.starts_with(term)) {
                out.insert(i);
            }
        }
    }
    out
}

fn check_packs(table: &Table, packs: &[Pack], target: usize) {
    let terms: Vec<&String> = table.terms.keys().collect();
    // The packs' term ranges partition the table, in order: every term is in exactly one pack.
    let mut next = 0;
    for p in packs {
        assert_eq!(p.terms.start, next, "packs are contiguous");
        assert!(p.terms.end > p.terms.start, "no empty pack");
        next = p.terms.end;
        assert!(
            p.json.len() <= target + 2 || p.terms.len() == 1,
            "pack of {} bytes for {:?}",
            p.json.len(),
            p.keys
        );
        // A pack's file holds exactly its terms, with the table's postings.
        let decoded = decode_pack(&p.json);
        let want: BTreeMap<String, [Vec<(u32, u32)>; 4]> = terms[p.terms.clone()]
            .iter()
            .map(|t| ((*t).clone(), table.terms[*t].clone()))
            .collect();
        assert_eq!(decoded, want);
        for e in &p.exact {
            assert!(p.keys.contains(e), "an exact key is a key");
        }
    }
    assert_eq!(next, terms.len());
    // Keys are unique, and each term is found through them in its own pack.
    let mut keys = BTreeSet::new();
    for p in packs {
        for k in &p.keys {
            assert!(keys.insert(k.clone()), "key {k:?} twice");
        }
    }
    for (i, term) in terms.iter().enumerate() {
        let home = packs.iter().position(|p| p.terms.contains(&i)).unwrap();
        assert_eq!(pack_of(packs, term), Some(home), "{term}");
        // Every prefix of the term (as typed) leads to its pack.
        for (end, _) in term.char_indices().skip(1) {
            assert!(
                packs_for(packs, &term[..end], true).contains(&home),
                "prefix {} of {term}",
                &term[..end]
            );
        }
    }
    // A term that is not in the index never leads to a pack that only holds another term.
    for missing in ["zzzz", "pa0", "x"] {
        if let Some(i) = pack_of(packs, missing) {
            let p = &packs[i];
            assert!(p
                .keys
                .iter()
                .any(|k| missing.starts_with(k.as_str()) && !p.exact.contains(k)));
        }
    }
}

#[test]
fn packs_partition_the_terms_and_keys_find_them() {
    for (lang, docs, target) in [
        ("id", 80, 2_000),
        ("id", 80, 400),
        ("en", 50, 1_500),
        ("ar", 40, 1_000),
        ("id", 5, 1_000_000),
    ] {
        let mut corpus = corpus(docs);
        corpus[0][3].push_str(" p pa pas pasp paspo paspor paspors pasporss تجديد تجديدات ١٢٣");
        let table = table_of(analyzer_for(lang), &corpus);
        let packs = packs::split(&table, target);
        assert!(!packs.is_empty());
        if target == 1_000_000 {
            assert_eq!(packs.len(), 1, "a small table is one pack");
            assert_eq!(packs[0].keys, [""]);
        } else {
            assert!(packs.len() > 3, "{lang} {target}: {} packs", packs.len());
        }
        check_packs(&table, &packs, target);
    }
}

#[test]
fn an_empty_table_has_no_packs() {
    let table = Table::default();
    assert!(packs::split(&table, 100).is_empty());
}

#[test]
fn a_term_split_from_its_longer_terms_gets_an_exact_key() {
    let mut table = TableBuilder::default();
    let words = "pa pas pasar pasang paspor pasti pasien pastor pasukan";
    for _ in 0..40 {
        table.add(Analyzer::Plain, ["", "", "", words]);
    }
    let table = table.finish();
    let packs = packs::split(&table, 300);
    check_packs(&table, &packs, 300);
    let exact: Vec<&String> = packs.iter().flat_map(|p| &p.exact).collect();
    assert!(exact.iter().any(|k| *k == "pa" || *k == "pas"), "{packs:?}");
}

#[test]
fn lengths_round_trip() {
    let lengths = [0, 1, 5, 700, 31, 32, 123_456];
    assert_eq!(
        numbers(&packs::encode_lengths(&lengths)).unwrap(),
        lengths.to_vec()
    );
}

#[test]
fn size_of_an_empty_index_is_exact() {
    let index = elasticlunr::IndexBuilder::with_language(Box::new(super::SiteLanguage {
        code: "fr".into(),
        analyzer: Analyzer::Plain,
    }))
    .save_docs(false)
    .add_fields(FIELDS)
    .build();
    assert_eq!(
        Table::default().elasticlunr_size("suluh-fr"),
        index.to_json().len()
    );
}
