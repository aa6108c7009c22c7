//! Extraction and loading throughput. `cargo bench --bench extract` measures the bundled seed;
//! set `NEWSLENS_BENCH_DIR` to a folder of articles to measure loading it too.
//! Prints medians over repeated runs (no timing assertions anywhere).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benches: a panic is a failure report.

use std::time::{Duration, Instant};

use newslens::corpus::load::load_paths;
use newslens::extract::extract;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let (seeds, _) = newslens::corpus::seeds::load();
    let text = &seeds[0].text;
    let sentences = text.matches(['.', '!', '?']).count().max(1);
    let mut runs = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        for _ in 0..200 {
            std::hint::black_box(extract(std::hint::black_box(text)));
        }
        runs.push(started.elapsed() / 200);
    }
    let per_article = median(runs);
    println!(
        "extract seed: median {:?} per article, {:.0} sentences/s on one core",
        per_article,
        sentences as f64 / per_article.as_secs_f64()
    );
    if let Ok(dir) = std::env::var("NEWSLENS_BENCH_DIR") {
        let mut runs = Vec::new();
        let mut articles = 0;
        let mut bytes = 0;
        for _ in 0..5 {
            let report = load_paths(&[dir.clone().into()]);
            articles = report.articles.len();
            bytes = report.bytes;
            runs.push(report.elapsed);
        }
        let m = median(runs);
        println!(
            "load {dir}: {articles} articles, {:.1} MB, median {:.2} s ({:.0} articles/s)",
            bytes as f64 / 1e6,
            m.as_secs_f64(),
            articles as f64 / m.as_secs_f64()
        );
    }
}
