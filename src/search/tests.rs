//! Search over articles parsed from text, against a naive scan written independently.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use super::kwic::{self, KwicOrder};
use super::*;
use crate::corpus::{Article, Origin};

fn article(name: &str, text: &str) -> Arc<Article> {
    Arc::new(
        Article::from_text(name.into(), Origin::File, text.to_string(), "UTF-8")
            .expect("test article parses"),
    )
}

fn corpus() -> Vec<Arc<Article>> {
    vec![
        article(
            "a.txt",
            "Tin export quotas cut\nsource: Reuters| published: 1987-03-02\n\n\
             Malaysia has been allocated an export quota of 28,526 tonnes, Indonesia 24,516.\n\n\
             \"We will respect the quota,\" the minister said.\n",
        ),
        article(
            "b.txt",
            "copper prices rise\nsource: xinhua| published: 1987-05-10\n\n\
             copper rose in london. brazil said copper exports would grow.\n",
        ),
        article(
            "c.txt",
            "Coffee talks\nsource: Reuters| published: 1987-06-01\n\n\
             Brazil and Colombia met on coffee export quotas.\n",
        ),
    ]
}

fn find(articles: &[Arc<Article>], query: &str, scope: Scope) -> Vec<(usize, Vec<String>)> {
    let q = Query::parse(query, QueryOptions::default()).expect("query parses");
    let found = search(
        articles,
        None,
        &|_| true,
        &q,
        scope,
        &AtomicBool::new(false),
    )
    .expect("not cancelled");
    let index = index::SearchIndex::build(articles);
    let indexed = search(
        articles,
        Some(&index),
        &|_| true,
        &q,
        scope,
        &AtomicBool::new(false),
    );
    assert_eq!(
        indexed.as_ref(),
        Some(&found),
        "the index changes no result"
    );
    found
        .into_iter()
        .map(|f| {
            let text = &articles[f.article].text;
            (
                f.article,
                f.hits.iter().map(|h| text[h.clone()].to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn words_ignore_case_and_never_search_the_header() {
    let articles = corpus();
    assert_eq!(
        find(&articles, "COPPER", Scope::Text),
        vec![(1, vec!["copper".into(), "copper".into(), "copper".into()])]
    );
    assert!(
        find(&articles, "reuters", Scope::Text).is_empty(),
        "the source line is not searched"
    );
    assert_eq!(
        find(&articles, "tin", Scope::Text),
        vec![(0, vec!["Tin".into()])]
    );
}

#[test]
fn phrases_prefixes_and_booleans() {
    let articles = corpus();
    assert_eq!(
        find(&articles, "\"export quota\"", Scope::Text),
        vec![(0, vec!["export quota".into()])]
    );
    let hits = find(&articles, "export* -tin", Scope::Text);
    assert_eq!(
        hits,
        vec![(1, vec!["exports".into()]), (2, vec!["export".into()])]
    );
    let hits = find(&articles, "brazil (coffee OR copper)", Scope::Text);
    assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(hits[1].1, vec!["Coffee", "Brazil", "coffee"]);
}

#[test]
fn regexes_find_spans_and_ignore_case() {
    let articles = corpus();
    assert_eq!(
        find(&articles, r"/quotas?\b/", Scope::Text),
        vec![
            (0, vec!["quotas".into(), "quota".into(), "quota".into()]),
            (2, vec!["quotas".into()])
        ]
    );
}

#[test]
fn scopes_limit_where_hits_are() {
    let articles = corpus();
    assert_eq!(
        find(&articles, "quota", Scope::Quotes),
        vec![(0, vec!["quota".into()])]
    );
    let in_figures = find(&articles, "quota OR brazil", Scope::Figures);
    assert_eq!(
        in_figures,
        vec![(0, vec!["quota".into()])],
        "only the sentence with 28,526 tonnes"
    );
}

#[test]
fn filters_keep_sources_dates_and_originals() {
    let articles = corpus();
    let f = Filters {
        sources: vec!["reuters".into()],
        ..Filters::default()
    };
    let dup = crate::corpus::dedup::DupStatus::Original;
    let kept: Vec<usize> = (0..3).filter(|&i| f.admits(&articles[i], dup)).collect();
    assert_eq!(kept, vec![0, 2]);
    let f = Filters {
        from: chrono::NaiveDate::from_ymd_opt(1987, 4, 1),
        to: chrono::NaiveDate::from_ymd_opt(1987, 5, 31),
        ..Filters::default()
    };
    let kept: Vec<usize> = (0..3).filter(|&i| f.admits(&articles[i], dup)).collect();
    assert_eq!(kept, vec![1]);
    let hide = Filters {
        hide_duplicates: true,
        ..Filters::default()
    };
    assert!(!hide.admits(
        &articles[0],
        crate::corpus::dedup::DupStatus::Exact { of: 1 }
    ));
    assert!(hide.admits(&articles[0], dup));
}

#[test]
fn a_cancelled_search_returns_nothing() {
    let articles = corpus();
    let q = Query::parse("copper", QueryOptions::default()).unwrap();
    assert!(
        search(
            &articles,
            None,
            &|_| true,
            &q,
            Scope::Text,
            &AtomicBool::new(true)
        )
        .is_none()
    );
}

#[test]
fn pathological_regexes_finish() {
    // catastrophic for backtracking engines; linear here
    let long = format!("title\n\n{}b\n", "a".repeat(20_000));
    let articles = vec![article("p.txt", &long)];
    let hits = find(&articles, r"/(a+)+$/", Scope::Text);
    assert!(hits.is_empty());
    let hits = find(&articles, r"/(a|aa)+b/", Scope::Text);
    assert_eq!(hits.len(), 1);
}

#[test]
fn kwic_lines_show_context_sort_and_count_characters() {
    let articles = corpus();
    let q = Query::parse("export*", QueryOptions::default()).unwrap();
    let found = search(
        &articles,
        None,
        &|_| true,
        &q,
        Scope::Text,
        &AtomicBool::new(false),
    )
    .unwrap();
    let mut lines = kwic::lines(&found);
    let shown = |n: usize| kwic::context(&articles[lines[n].article], lines[n].span.clone());
    assert_eq!(
        (&*shown(0).left, &*shown(0).hit, &*shown(0).right),
        ("Tin ", "export", " quotas cut"),
        "a hit in the title has the title as context"
    );
    assert_eq!(shown(1).left, "Malaysia has been allocated an ");
    assert_eq!(shown(1).right, " quota of 28,526 tonnes, Indonesia 24,516.");
    kwic::sort(&mut lines, &articles, KwicOrder::RightWord);
    let right: Vec<String> = lines
        .iter()
        .map(|l| {
            let right = kwic::context(&articles[l.article], l.span.clone()).right;
            right.split_whitespace().next().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(right, vec!["quota", "quotas", "quotas.", "would"]);
    kwic::sort(&mut lines, &articles, KwicOrder::Source);
    assert_eq!(
        lines.iter().map(|l| l.article).collect::<Vec<_>>(),
        vec![0, 0, 2, 1]
    );
    let text = "é tin é tin";
    assert_eq!(kwic::char_spans(text, &[3..6, 10..13]), vec![2..5, 8..11]);
    let counts = counts_per_source(&articles, &found);
    assert_eq!(counts[0].0, "Reuters");
    assert_eq!(
        counts[0].1,
        SourceCount {
            articles: 2,
            hits: 3
        }
    );
}

#[test]
fn kwic_csv_has_a_header_and_character_offsets() {
    let articles = vec![article("é.txt", "Été\n\nle café coûte 3 euros, dit-il.\n")];
    let q = Query::parse("coûte", QueryOptions::default()).unwrap();
    let found = search(
        &articles,
        None,
        &|_| true,
        &q,
        Scope::Text,
        &AtomicBool::new(false),
    )
    .unwrap();
    let csv = kwic::to_csv(&articles, &kwic::lines(&found));
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "path,title,source,published,start,end,left,hit,right,item"
    );
    assert_eq!(
        rows[1],
        "é.txt,Été,unknown source,,13,18,le café ,coûte,\" 3 euros, dit-il.\","
    );
}

// ----------------------------------------------------------------- against a naive scan

/// The words of a random corpus and query: a small vocabulary, so terms often meet.
const VOCAB: [&str; 6] = ["tin", "copper", "quota", "brazil", "Export", "tins"];

/// A query tree to print as query text and to evaluate naively.
#[derive(Debug, Clone)]
enum Q {
    Word(String, bool),
    Phrase(Vec<String>),
    And(Vec<Q>),
    Or(Vec<Q>),
    Not(Box<Q>),
}

impl Q {
    fn text(&self) -> String {
        match self {
            Q::Word(w, prefix) => format!("{w}{}", if *prefix { "*" } else { "" }),
            Q::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
            Q::And(qs) => format!("({})", qs.iter().map(Q::text).collect::<Vec<_>>().join(" ")),
            Q::Or(qs) => format!(
                "({})",
                qs.iter().map(Q::text).collect::<Vec<_>>().join(" OR ")
            ),
            Q::Not(q) => format!("-{}", q.text()),
        }
    }

    /// Naive: does the paragraph list (each a list of lowercase words) match?
    fn matches(&self, paras: &[Vec<String>]) -> bool {
        match self {
            Q::Word(..) | Q::Phrase(_) => !self.naive_hits(paras).is_empty(),
            Q::And(qs) => qs.iter().all(|q| q.matches(paras)),
            Q::Or(qs) => qs.iter().any(|q| q.matches(paras)),
            Q::Not(q) => !q.matches(paras),
        }
    }

    fn needs_a_term(&self) -> bool {
        match self {
            Q::Word(..) | Q::Phrase(_) => true,
            Q::And(qs) => qs.iter().any(Q::needs_a_term),
            Q::Or(qs) => qs.iter().all(Q::needs_a_term),
            Q::Not(_) => false,
        }
    }

    /// Naive hits of a leaf: (paragraph, first word, word count).
    fn naive_hits(&self, paras: &[Vec<String>]) -> Vec<(usize, usize, usize)> {
        let (wanted, prefix): (Vec<String>, bool) = match self {
            Q::Word(w, p) => (vec![w.to_lowercase()], *p),
            Q::Phrase(ws) => (ws.iter().map(|w| w.to_lowercase()).collect(), false),
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        for (p, words) in paras.iter().enumerate() {
            for start in 0..words.len() {
                let fits = start + wanted.len() <= words.len()
                    && wanted.iter().enumerate().all(|(k, w)| {
                        let word = &words[start + k];
                        if prefix && k == wanted.len() - 1 {
                            word.starts_with(w.as_str())
                        } else {
                            word == w
                        }
                    });
                if fits {
                    out.push((p, start, wanted.len()));
                }
            }
        }
        out
    }

    /// Naive hit count: the leaves not under a `-`, overlaps dropped as the engine does.
    fn sought_hits(&self, paras: &[Vec<String>], out: &mut Vec<(usize, usize, usize)>) {
        match self {
            Q::Word(..) | Q::Phrase(_) => out.extend(self.naive_hits(paras)),
            Q::And(qs) | Q::Or(qs) => qs.iter().for_each(|q| q.sought_hits(paras, out)),
            Q::Not(_) => {}
        }
    }
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(VOCAB.to_vec()).prop_map(String::from)
}

fn query_tree() -> impl Strategy<Value = Q> {
    let leaf = prop_oneof![
        (word(), any::<bool>())
            .prop_map(|(w, p)| Q::Word(if p { w[..2].to_string() } else { w }, p)),
        prop::collection::vec(word(), 2..=3).prop_map(Q::Phrase),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..=3).prop_map(Q::And),
            prop::collection::vec(inner.clone(), 2..=3).prop_map(Q::Or),
            inner.prop_map(|q| Q::Not(Box::new(q))),
        ]
    })
}

/// Paragraphs of vocabulary words joined by spaces or punctuation.
fn paragraphs() -> impl Strategy<Value = Vec<Vec<(String, &'static str)>>> {
    let sep = prop::sample::select(vec![" ", ", ", " - ", "; "]);
    prop::collection::vec(prop::collection::vec((word(), sep), 1..8), 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn search_equals_a_naive_scan(docs in prop::collection::vec(paragraphs(), 1..6), q in query_tree()) {
        prop_assume!(q.needs_a_term());
        let texts: Vec<String> = docs
            .iter()
            .map(|paras| {
                let body: Vec<String> = paras
                    .iter()
                    .map(|p| p.iter().map(|(w, s)| format!("{w}{s}")).collect::<String>())
                    .collect();
                format!("headline\n\n{}\n", body.join("\n\n"))
            })
            .collect();
        let articles: Vec<Arc<Article>> = texts.iter().enumerate().map(|(i, t)| article(&format!("{i}.txt"), t)).collect();
        let query = Query::parse(&q.text(), QueryOptions::default()).expect("generated queries parse");
        let index = index::SearchIndex::build(&articles[..articles.len() / 2]);
        let found = search(&articles, Some(&index), &|_| true, &query, Scope::Text, &AtomicBool::new(false)).unwrap();
        let mut expected = Vec::new();
        for (i, paras) in docs.iter().enumerate() {
            let mut words: Vec<Vec<String>> = vec![vec!["headline".to_string()]];
            words.extend(paras.iter().map(|p| p.iter().map(|(w, _)| w.to_lowercase()).collect()));
            if q.matches(&words) {
                let mut hits = Vec::new();
                q.sought_hits(&words, &mut hits);
                hits.sort_by_key(|&(p, s, n)| (p, s, std::cmp::Reverse(n)));
                let mut kept: Vec<(usize, usize, usize)> = Vec::new();
                for h in hits {
                    if kept.last().is_none_or(|l| h.0 != l.0 || h.1 >= l.1 + l.2) {
                        kept.push(h);
                    }
                }
                expected.push((i, kept.len()));
            }
        }
        let got: Vec<(usize, usize)> = found.iter().map(|f| (f.article, f.hits.len())).collect();
        prop_assert_eq!(got, expected, "query {}", q.text());
    }
}

#[test]
fn filters_keep_folders_speakers_and_figures() {
    let articles = corpus();
    let dup = crate::corpus::dedup::DupStatus::Original;
    let kept =
        |f: &Filters| -> Vec<usize> { (0..3).filter(|&i| f.admits(&articles[i], dup)).collect() };
    let folder = Filters {
        folders: vec!["b.txt".into()],
        ..Filters::default()
    };
    assert_eq!(kept(&folder), vec![1]);
    let speaker = articles[0].extraction.quotes[0].speaker.to_uppercase();
    assert!(!speaker.is_empty());
    let quoting = Filters {
        speaker,
        ..Filters::default()
    };
    assert_eq!(kept(&quoting), vec![0]);
    let quota = Filters {
        measure: "EXPORT QUOTA".into(),
        min_value: Some(25_000.0),
        ..Filters::default()
    };
    assert_eq!(kept(&quota), vec![0], "28,526 tonnes");
    let too_big = Filters {
        min_value: Some(1e7),
        ..quota.clone()
    };
    assert!(kept(&too_big).is_empty());
    assert!(quota.filters_figures() && !Filters::default().filters_figures());
}

/// Facet counts of `filters` over the whole test corpus, with its three files as folders.
fn facets_of(articles: &[Arc<Article>], filters: &Filters) -> (facets::Facets, Vec<usize>) {
    let roots: Vec<std::path::PathBuf> = ["a.txt", "b.txt", "c.txt"].map(Into::into).into();
    let all: Vec<usize> = (0..articles.len()).collect();
    let never = AtomicBool::new(false);
    let (facets, kept) =
        facets::count(articles, &all, filters, &roots, &never).expect("not cancelled");
    let in_view = all
        .into_iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .map(|(i, _)| i);
    (facets, in_view.collect())
}

fn count_of<K: PartialEq>(counts: &[(K, usize)], key: &K) -> usize {
    counts.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
}

#[test]
fn a_facet_counts_without_its_own_filter_but_with_the_others() {
    let articles = corpus();
    let xinhua = Filters {
        sources: vec!["XINHUA".into()],
        ..Filters::default()
    };
    let (facets, in_view) = facets_of(&articles, &xinhua);
    assert_eq!(in_view, vec![1]);
    // the source list still offers Reuters with both its articles
    assert_eq!(count_of(&facets.sources, &"Reuters".to_string()), 2);
    assert_eq!(count_of(&facets.sources, &"xinhua".to_string()), 1);
    // the other facets count only what the source filter keeps
    assert_eq!(count_of(&facets.folders, &"a.txt".into()), 0);
    assert_eq!(count_of(&facets.folders, &"b.txt".into()), 1);
    let minister = articles[0].extraction.quotes[0].speaker.to_string();
    assert_eq!(count_of(&facets.speakers, &minister), 0);
    let in_a = Filters {
        folders: vec!["a.txt".into()],
        ..Filters::default()
    };
    let (facets, in_view) = facets_of(&articles, &in_a);
    assert_eq!(in_view, vec![0]);
    assert_eq!(
        count_of(&facets.folders, &"c.txt".into()),
        1,
        "siblings keep counts"
    );
    assert_eq!(count_of(&facets.speakers, &minister), 1);
    assert_eq!(count_of(&facets.sources, &"xinhua".to_string()), 0);
}

#[test]
fn figure_facets_leave_out_their_own_part_of_the_figure_filter() {
    let articles = corpus();
    let quota = &articles[0].extraction.figures[0];
    assert_eq!(quota.family, crate::extract::Family::Mass, "28,526 tonnes");
    let label = quota.label.to_string();
    let money = Filters {
        family: Some(crate::extract::Family::Currency),
        ..Filters::default()
    };
    let (facets, in_view) = facets_of(&articles, &money);
    assert!(in_view.is_empty(), "no money figure in the corpus");
    // families are counted without the family choice, measures with it
    assert_eq!(count_of(&facets.families, &crate::extract::Family::Mass), 1);
    assert_eq!(count_of(&facets.measures, &label), 0);
    let tonnes = Filters {
        family: Some(crate::extract::Family::Mass),
        min_value: Some(25_000.0),
        ..Filters::default()
    };
    let (facets, in_view) = facets_of(&articles, &tonnes);
    assert_eq!(in_view, vec![0]);
    assert_eq!(count_of(&facets.measures, &label), 1);
    // 24,516 is under the bound: one figure must meet every part
    let both = Filters {
        max_value: Some(25_000.0),
        ..tonnes
    };
    assert!(facets_of(&articles, &both).1.is_empty());
}

#[test]
fn amounts_read_as_typed_and_back() {
    use filters::{format_amount, parse_amount};
    assert_eq!(parse_amount("1,500"), Some(1500.0));
    assert_eq!(parse_amount(" 2.5e9 "), Some(2.5e9));
    assert_eq!(parse_amount("300 mln"), Some(3e8));
    assert_eq!(parse_amount("$1.5 billion"), Some(1.5e9));
    assert_eq!(
        parse_amount("five to seven mln"),
        None,
        "a range is not one bound"
    );
    assert_eq!(parse_amount("copper"), None);
    assert_eq!(
        parse_amount("12 mln copper"),
        None,
        "only part of it is an amount"
    );
    for value in [0.5, 42.0, 3e8, 1.25e9, 7e12, -2e6] {
        assert_eq!(parse_amount(&format_amount(value)), Some(value), "{value}");
    }
    assert_eq!(format_amount(3e8), "300 mln");
}
