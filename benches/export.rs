//! Chart export, measured with divan: `cargo bench --bench export`.
//!
//! A 500-bar chart (one group, drawn as columns) exported as PNG at 3× and as SVG and CSV,
//! plus the seed article's chart at 2×. PNGs are drawn by egui and rasterized on the CPU; the
//! first export of a process also builds the fonts, so it is reported separately.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benches: a panic is a failure report.

use std::sync::LazyLock;

use newslens::export::chart::{ChartBar, ChartKind, ChartSpec, chart_for_article, unit_group};
use newslens::export::{svg, table};
use newslens::extract::Family;
use newslens::render::render_chart_png;

fn main() {
    let started = std::time::Instant::now();
    render_chart_png(&SEED_CHART, 1.0, false).expect("the seed chart renders");
    eprintln!("first PNG export of the process: {:?}", started.elapsed());
    divan::main();
}

static SEED_CHART: LazyLock<ChartSpec> = LazyLock::new(|| {
    let (articles, _) = newslens::corpus::seeds::load();
    chart_for_article(&articles[0])
});

/// 500 bars of one unit, values spread over three orders of magnitude.
static BIG_CHART: LazyLock<ChartSpec> = LazyLock::new(|| {
    let mut group = unit_group(Family::Currency, "USD");
    for i in 0..500u32 {
        let value = 1e6 * f64::from(1 + (i * 7919) % 1000);
        let text = newslens::export::chart::human_number(value);
        group.bars.push(ChartBar::plain(
            format!("article {i}"),
            value,
            format!("{text} USD"),
        ));
    }
    group.finish();
    ChartSpec {
        kind: ChartKind::Measure,
        title: "500 figures across the corpus".into(),
        caption: "synthetic · newslens".into(),
        groups: vec![group],
    }
});

#[divan::bench(sample_count = 10, sample_size = 1)]
fn png_500_bars_3x() -> usize {
    render_chart_png(divan::black_box(&BIG_CHART), 3.0, false)
        .unwrap()
        .len()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn png_seed_2x() -> usize {
    render_chart_png(divan::black_box(&SEED_CHART), 2.0, false)
        .unwrap()
        .len()
}

#[divan::bench]
fn svg_500_bars() -> usize {
    svg::chart_svg(divan::black_box(&BIG_CHART), false).len()
}

#[divan::bench]
fn csv_500_bars() -> usize {
    table::to_csv(divan::black_box(&BIG_CHART)).len()
}
