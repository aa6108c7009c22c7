//! The real app in a test harness: find widgets by their accessible labels, click, check state.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benches: a panic is a failure report.

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use newslens::app::{NewsLensApp, Persisted};

fn harness() -> Harness<'static, NewsLensApp> {
    Harness::builder()
        .with_size([1360.0, 820.0])
        .with_context_setup(newslens::ui::fonts::install_fallback_fonts)
        .build_eframe(|cc| NewsLensApp::new(cc, Vec::new()))
}

#[test]
fn opens_on_the_seed_with_quotes_and_chart() {
    let mut h = harness();
    h.run();
    assert_eq!(h.state().state.selected, Some(0));
    h.get_by_label("1 article");
    h.get_by_label_contains("Quotes (6)");
    // A quote, by its words.
    h.get_by_label_contains("topics we're working is collaboration in food");
    // The chart groups, by their accessible summaries.
    h.get_by_label_contains("Money (USD) chart: trade value > 300 bn USD");
    h.get_by_label_contains("Lengths (km) chart: coast length > 4,500 km");
    h.get_by_label_contains("consulate count 5");
}

#[test]
fn selecting_the_article_from_the_list_and_clicking_a_quote_focuses_it() {
    let mut h = harness();
    h.run();
    // The list row (a button), not the article heading or the chart title.
    h.query_all_by_label_contains("china-latin america relations")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the article's row in the list")
        .click();
    h.run();
    assert_eq!(h.state().state.selected, Some(0));
    let quote = h.get_by_label_contains("topics we're working is collaboration in food");
    quote.scroll_to_me();
    h.run();
    h.get_by_label_contains("topics we're working is collaboration in food")
        .click();
    h.run();
    let app = h.state();
    let focus = app.state.focus.expect("a quote click focuses its span");
    let text = &app.state.articles[0].text[focus.start..focus.end];
    assert!(text.starts_with("topics we're working"), "{text}");
    assert!(!focus.scroll_pending, "the article scrolled to the quote");
}

#[test]
fn clicking_a_bar_focuses_its_sentence() {
    let mut h = harness();
    h.run();
    let chart = h.get_by_label_contains("Money (USD) chart: trade value");
    chart.scroll_to_me();
    h.run();
    let rect = h
        .get_by_label_contains("Money (USD) chart: trade value")
        .rect();
    // The single bar sits at y = 0 of the plot range -0.55..0.8 and spans 0..300 bn of 0..435 bn.
    let at = egui::pos2(
        rect.left() + rect.width() * 0.3,
        rect.bottom() - rect.height() * (0.55 / 1.35),
    );
    h.hover_at(at);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let app = h.state();
    let focus = app.state.focus.expect("a bar click focuses its sentence");
    let sentence = &app.state.articles[0].text[focus.start..focus.end];
    assert!(
        sentence.starts_with("organizers of the forum say"),
        "{sentence}"
    );
    assert!(
        sentence.contains("over 300 billion us dollars"),
        "{sentence}"
    );
}

#[test]
fn dropping_a_folder_loads_it_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Mexico buys wheat\n\nsource: Reuters| published: 1987-03-02\n\nMexico bought 200,000 tonnes of wheat, traders said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.txt"), "").unwrap();
    let mut h = harness();
    h.run();
    h.input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(dir.path().to_path_buf())));
    for _ in 0..200 {
        // The progress spinner repaints continuously while loading: step, do not settle.
        h.step();
        if h.state().jobs.load.is_none() && h.state().state.articles.len() == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let app = h.state();
    assert_eq!(app.state.articles.len(), 2);
    assert_eq!(app.state.issues.len(), 1);
    assert_eq!(app.persisted.recent_folders, vec![dir.path().to_path_buf()]);
    h.get_by_label("2 articles");
    h.get_by_label_contains("Issues (1)");
}

#[test]
fn the_filter_narrows_the_list() {
    let mut h = harness();
    h.run();
    h.state_mut()
        .run_command(newslens::app::Command::SetFilter("no such title".into()));
    h.run();
    h.get_by_label_contains("0 of 1 article");
    h.get_by_label("No article matches the filter.");
}

#[test]
fn persisted_state_round_trips() {
    let p = Persisted {
        recent_folders: vec!["/data/news".into()],
    };
    let json = serde_json::to_string(&p).unwrap();
    let back: Persisted = serde_json::from_str(&json).unwrap();
    assert_eq!(back.recent_folders, p.recent_folders);
    let empty: Persisted = serde_json::from_str("{}").unwrap();
    assert!(empty.recent_folders.is_empty());
}

/// A dropped folder, as the windowing layer delivers it.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".into())
    }
}
