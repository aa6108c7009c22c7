//! Corpus search, measured with divan: the time from a query to its hits and KWIC lines.
//!
//! `cargo bench --bench search`. Set `NEWSLENS_BENCH_DIR` to a folder (e.g. 100,000 articles
//! from `newslens synth --count 100000`) to search it; otherwise a synthetic folder of 2,000
//! articles recombined from the bundled paragraphs is used. The folder is loaded once.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benches: a panic is a failure report.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, LazyLock};

use newslens::corpus::{Article, load, seeds, synth};
use newslens::export::corpus_tables::{self, TableKind};
use newslens::search::index::SearchIndex;
use newslens::search::{Query, QueryOptions, Scope, kwic, search};

fn main() {
    divan::main();
}

static ARTICLES: LazyLock<Vec<Arc<Article>>> = LazyLock::new(|| {
    let (folder, _keep) = match std::env::var("NEWSLENS_BENCH_DIR") {
        Ok(dir) => (std::path::PathBuf::from(dir), None),
        Err(_) => {
            let tmp = tempfile::tempdir().unwrap();
            let paragraphs = synth::paragraphs_of(&seeds::load().0);
            synth::write_synthetic_folder(tmp.path(), 2000, &paragraphs, 1).unwrap();
            (tmp.path().to_path_buf(), Some(tmp))
        }
    };
    let articles = load::load_paths(&[folder]).articles;
    eprintln!("searching {} articles", articles.len());
    articles
});

/// The index the window builds after a load.
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    let index = SearchIndex::build(&ARTICLES);
    eprintln!(
        "index: {} words, {:.1} MB of words and postings",
        index.word_count(),
        index.postings_bytes() as f64 / 1e6
    );
    index
});

/// Hits and KWIC lines of `query` over every article, with the index as the window has it.
fn run(query: &str, scope: Scope) -> usize {
    run_with(Some(&INDEX), query, scope)
}

/// Hits and KWIC lines of `query` over every article, with or without an index.
fn run_with(index: Option<&SearchIndex>, query: &str, scope: Scope) -> usize {
    let articles = &*ARTICLES;
    let query = Query::parse(query, QueryOptions::default()).unwrap();
    let never = AtomicBool::new(false);
    let found = search(articles, index, &|_| true, &query, scope, &never).unwrap();
    kwic::lines(&found).len()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn build_index() -> usize {
    SearchIndex::build(&ARTICLES).word_count()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn word_without_index() -> usize {
    run_with(None, "copper", Scope::Text)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn word() -> usize {
    run("copper", Scope::Text)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn phrase() -> usize {
    run("\"export quota\"", Scope::Text)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn boolean_and_prefix() -> usize {
    run("(copper OR tin) export* -coffee", Scope::Text)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn common_word() -> usize {
    run("the", Scope::Text)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn regex() -> usize {
    run(r"/quota[s]? of \d+/", Scope::Text)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn word_in_quotes() -> usize {
    run("said", Scope::Quotes)
}

/// The Figures table of every article (the window's table with no search), sorted by
/// `column` as a header click sorts it; returns the row count.
fn table_sorted(kind: TableKind, column: usize) -> usize {
    let articles = &*ARTICLES;
    let mut rows = corpus_tables::rows(articles, 0..articles.len(), kind, "");
    corpus_tables::sort(&mut rows, articles, kind, column, false);
    rows.len()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn figures_table_by_value() -> usize {
    table_sorted(TableKind::Figures, 0)
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn figures_table_by_sentence() -> usize {
    table_sorted(TableKind::Figures, 6)
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn quotes_table_by_speaker() -> usize {
    table_sorted(TableKind::Quotes, 0)
}

/// Every KWIC line of `said` (hundreds of thousands on a large corpus), re-sorted by the word
/// left of the hit as the KWIC panel's sort menu does.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn kwic_resort_by_left_word(bencher: divan::Bencher) {
    let articles = &*ARTICLES;
    let query = Query::parse("said", QueryOptions::default()).unwrap();
    let never = AtomicBool::new(false);
    let found = search(
        articles,
        Some(&INDEX),
        &|_| true,
        &query,
        Scope::Text,
        &never,
    )
    .unwrap();
    let lines = kwic::lines(&found);
    eprintln!("{} KWIC lines of `said`", lines.len());
    bencher
        .with_inputs(|| lines.clone())
        .bench_local_values(|mut lines| {
            kwic::sort(&mut lines, articles, kwic::KwicOrder::LeftWord);
            lines.len()
        });
}
