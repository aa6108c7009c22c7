//! Parsing, extraction and folder loading, measured with divan.
//!
//! `cargo bench --bench corpus`. Set `NEWSLENS_BENCH_DIR` to a real folder to also time
//! loading it (e.g. a news archive on disk); otherwise a synthetic folder of 2,000 articles
//! recombined from the bundled paragraphs is used.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benches: a panic is a failure report.

use std::path::PathBuf;
use std::sync::LazyLock;

use newslens::corpus::{dedup, load, parse, seeds, synth};

fn main() {
    divan::main();
}

static SEED: LazyLock<String> = LazyLock::new(|| seeds::load().0[0].text.to_string());

/// A folder to load: the user's, or a synthetic one (kept for the whole run).
static FOLDER: LazyLock<(PathBuf, Option<tempfile::TempDir>)> = LazyLock::new(|| {
    if let Ok(dir) = std::env::var("NEWSLENS_BENCH_DIR") {
        return (PathBuf::from(dir), None);
    }
    let tmp = tempfile::tempdir().unwrap();
    let paragraphs = synth::paragraphs_of(&seeds::load().0);
    synth::write_synthetic_folder(tmp.path(), 2000, &paragraphs, 1).unwrap();
    (tmp.path().to_path_buf(), Some(tmp))
});

#[divan::bench]
fn parse_seed() -> parse::ParsedArticle {
    parse::parse_article(divan::black_box(&SEED)).unwrap()
}

#[divan::bench]
fn extract_figures_seed() -> usize {
    newslens::extract::figures::extract_figures(divan::black_box(&SEED)).len()
}

#[divan::bench]
fn extract_quotes_seed() -> usize {
    newslens::extract::quotes::extract_quotes(divan::black_box(&SEED)).len()
}

#[divan::bench]
fn fingerprint_seed() -> dedup::Fingerprint {
    dedup::fingerprint("title", divan::black_box(&SEED))
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_folder() -> usize {
    load::load_paths(std::slice::from_ref(&FOLDER.0))
        .articles
        .len()
}
