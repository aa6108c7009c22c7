//! Charts in the real app: switching views, clicking through to articles, copying the image,
//! exporting without a file dialog, and pixel snapshots of the exported seed chart.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure report.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
mod common;

use common::harness;
use newslens::app::{Command, NewsLensApp};
use newslens::export::chart::{ChartKind, chart_for_article};

/// Steps frames (with short sleeps) until the running export ends; returns whether a frame
/// asked the platform to copy an image, and its size.
fn wait_for_export(h: &mut Harness<'_, NewsLensApp>) -> Option<[usize; 2]> {
    let mut copied = None;
    for _ in 0..600 {
        h.step();
        for command in &h.output().platform_output.commands {
            if let egui::OutputCommand::CopyImage(image) = command {
                copied = Some(image.size);
            }
        }
        if !h.state().state.charts.exporting {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!h.state().state.charts.exporting, "the export finished");
    copied
}

#[test]
fn views_switch_between_article_and_corpus_charts() {
    let mut h = harness();
    h.run();
    assert_eq!(
        h.state().state.charts.chart.as_ref().unwrap().kind,
        ChartKind::Article
    );

    h.get_by_label("Sources").click();
    h.run();
    assert_eq!(
        h.state().state.charts.chart.as_ref().unwrap().kind,
        ChartKind::Sources
    );
    h.get_by_label_contains("Articles per source chart: cgtn 1");

    h.get_by_label("Speakers").click();
    h.run();
    let chart = h.state().state.charts.chart.clone().unwrap();
    assert_eq!(chart.kind, ChartKind::Speakers);
    assert!(chart.bar_count() > 0);

    h.get_by_label("Measure").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(
        state.charts.chart.as_ref().unwrap().kind,
        ChartKind::Measure
    );
    // The most common measure is picked, and offered in the picker.
    assert!(!state.settings.chart_view.measure.is_empty());
    assert_eq!(
        state.charts.measures[0].0,
        state.settings.chart_view.measure
    );
    h.get_by_label("by date");

    h.get_by_label("Article").click();
    h.run();
    h.get_by_label_contains("Money (USD) chart: trade value · Latin America > 300 bn USD");
}

#[test]
fn the_measure_picker_finds_measures_by_text() {
    let mut h = harness();
    h.run();
    h.get_by_label("Measure").click();
    h.run();
    h.get_by_label("Measure:").click();
    h.run();
    // Every measure of the bundled article is offered, with how many articles use it.
    h.get_by_label("trade value (1 article)");
    let find = h.get_by_label("Find:");
    find.focus();
    find.type_text("coast");
    h.run();
    assert!(h.query_by_label("trade value (1 article)").is_none());
    h.get_by_label("coast length (1 article)").click();
    h.run();
    assert_eq!(h.state().state.settings.chart_view.measure, "coast length");
}

#[test]
fn a_corpus_chart_bar_opens_its_article_at_the_sentence() {
    let mut h = harness();
    h.run();
    h.get_by_label("Measure").click();
    h.run();
    let spec = h.state().state.charts.chart.clone().unwrap();
    let origin = spec.groups[0].bars[0].origin.clone().unwrap();
    // What a click on the bar sends (the pointer geometry is tested on the article chart).
    h.state_mut().pending.push(Command::OpenFigure {
        article: origin.article.clone(),
        start: origin.sentence_span.0,
        end: origin.sentence_span.1,
    });
    h.run();
    let state = &h.state().state;
    let focus = state.selection.focus.expect("the sentence is focused");
    let article = state.selected_article().unwrap();
    assert_eq!(article.key(), origin.article);
    assert_eq!(&article.text[focus.start..focus.end], origin.sentence);
    // The corpus chart stays on screen while reading.
    assert_eq!(
        state.charts.chart.as_ref().unwrap().kind,
        ChartKind::Measure
    );
}

#[test]
fn copy_image_puts_the_rendered_chart_on_the_clipboard() {
    let mut h = harness();
    h.run();
    h.get_by_label("Copy image").click();
    h.step();
    assert!(h.state().state.charts.exporting);
    let copied = wait_for_export(&mut h);
    let notices: Vec<String> = h
        .state()
        .state
        .notices
        .iter()
        .map(|n| n.text.clone())
        .collect();
    let size = copied.expect("a frame asked to copy an image");
    // Rendered at 2× the 760-point export width.
    assert_eq!(size[0], 1520, "{notices:?}");
    assert!(size[1] > 600);
    assert!(
        notices.iter().any(|n| n.starts_with("Chart copied")),
        "{notices:?}"
    );
}

#[test]
fn ctrl_shift_c_copies_the_chart() {
    let mut h = harness();
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    h.step();
    assert!(
        h.state().state.charts.exporting,
        "the shortcut started a copy"
    );
    assert!(wait_for_export(&mut h).is_some());
}

#[test]
fn export_menu_offers_every_format_and_keeps_files_safe_without_a_dialog() {
    let mut h = harness();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    // The 2× entry also shows its shortcut.
    h.get_by_label_contains("PNG image, 2× …");
    for label in [
        "PNG image, 1× …",
        "PNG image, 3× …",
        "SVG vector image …",
        "CSV data with sources …",
        "JSON data with sources …",
        "Dark background",
    ] {
        h.get_by_label(label);
    }
    h.get_by_label("Dark background").click();
    h.run();
    assert!(h.state().state.settings.export_dark);
    // Tests run without a desktop portal or zenity on PATH: the dialog cannot open, the user
    // is told why, and nothing is written.
    let before = std::fs::read_dir(".").unwrap().count();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("SVG vector image …").click();
    h.step();
    wait_for_export(&mut h);
    assert_eq!(std::fs::read_dir(".").unwrap().count(), before);
}

/// The seed chart as the GPU draws it (egui's wgpu renderer on Mesa's lavapipe here).
fn gpu_render(
    spec: &newslens::export::chart::ChartSpec,
    scale: f32,
    dark: bool,
) -> image::RgbaImage {
    let renderer = egui_kittest::wgpu::WgpuTestRenderer::new();
    let mut h = newslens::render::chart_harness(spec, scale, dark, renderer).unwrap();
    h.render()
        .expect("a graphics adapter (Mesa's lavapipe is enough)")
}

/// The seed chart, pixel for pixel, as the GPU draws it (software Vulkan is deterministic).
/// Regenerate after an intended change with `UPDATE_SNAPSHOTS=1 cargo test --test charts`.
#[test]
fn seed_chart_snapshots_light_and_dark() {
    let (articles, _) = newslens::corpus::seeds::load();
    let spec = chart_for_article(&articles[0]);
    for (dark, name) in [(false, "seed_chart_light"), (true, "seed_chart_dark")] {
        let image = gpu_render(&spec, 1.0, dark);
        assert_eq!(image.width(), 760);
        egui_kittest::image_snapshot(&image, name);
    }
}

/// Exports are rasterized on the CPU; they must be the picture the GPU draws on screen.
#[test]
fn cpu_exports_match_the_gpu_rendering() {
    let (articles, _) = newslens::corpus::seeds::load();
    let spec = chart_for_article(&articles[0]);
    for (scale, dark) in [(1.0, false), (1.0, true), (2.0, false), (3.0, true)] {
        let gpu = gpu_render(&spec, scale, dark);
        let cpu = newslens::render::render_chart_rgba(&spec, scale, dark).unwrap();
        assert_eq!(cpu.dimensions(), gpu.dimensions());
        let diffs: Vec<u8> = cpu
            .pixels()
            .zip(gpu.pixels())
            .map(|(a, b)| (0..4).map(|c| a.0[c].abs_diff(b.0[c])).max().unwrap_or(0))
            .collect();
        let off = diffs.iter().filter(|&&d| d > 2).count();
        let worst = diffs.iter().max().copied().unwrap_or(0);
        let total = diffs.len();
        eprintln!(
            "{scale}x dark={dark}: {off} of {total} pixels differ by more than 2, worst {worst}"
        );
        assert!(
            off * 10_000 <= total,
            "{off} of {total} pixels differ by more than 2 levels"
        );
    }
}

#[test]
fn exports_render_at_the_requested_scale() {
    let (articles, _) = newslens::corpus::seeds::load();
    let spec = chart_for_article(&articles[0]);
    let one = newslens::render::render_chart_rgba(&spec, 1.0, false).unwrap();
    let three = newslens::render::render_chart_rgba(&spec, 3.0, false).unwrap();
    assert_eq!(three.width(), 3 * one.width());
    assert_eq!(three.height(), 3 * one.height());
    // Rendered at 3×, not upscaled: far more distinct colours along anti-aliased text edges.
    let colours = |img: &image::RgbaImage| {
        img.pixels()
            .map(|p| p.0)
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    assert!(colours(&three) > colours(&one));
}
