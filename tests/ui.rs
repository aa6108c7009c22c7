//! The real app in a test harness: find widgets by their accessible labels, click, check state.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benches: a panic is a failure report.

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
mod common;

use common::{harness, settle_load};
use newslens::app::{Command, NewsLensApp, Persisted};

#[test]
fn opens_on_the_seed_with_quotes_and_chart() {
    let mut h = harness();
    h.run();
    assert_eq!(h.state().state.selection.selected, Some(0));
    h.get_by_label("1 article");
    h.get_by_label_contains("Quotes (6)");
    // A quote, by its words.
    h.get_by_label_contains("topics we're working is collaboration in food");
    // The chart groups, by their accessible summaries.
    h.get_by_label_contains("Money (USD) chart: trade value · Latin America > 300 bn USD");
    h.get_by_label_contains("Lengths (km) chart: coast length · Chile > 4,500 km");
    h.get_by_label_contains("consulate count · Chile 5");
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
    assert_eq!(h.state().state.selection.selected, Some(0));
    let quote = h.get_by_label_contains("topics we're working is collaboration in food");
    quote.scroll_to_me();
    h.run();
    h.get_by_label_contains("topics we're working is collaboration in food")
        .click();
    h.run();
    let app = h.state();
    let focus = app
        .state
        .selection
        .focus
        .expect("a quote click focuses its span");
    let text = &app.state.corpus.articles()[0].text[focus.start..focus.end];
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
    let focus = app
        .state
        .selection
        .focus
        .expect("a bar click focuses its sentence");
    let sentence = &app.state.corpus.articles()[0].text[focus.start..focus.end];
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
        // The load runs between frames: step and wait, do not settle.
        h.step();
        if h.state().jobs.load.is_none() && h.state().state.corpus.len() == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let app = h.state();
    assert_eq!(app.state.corpus.len(), 2);
    assert_eq!(app.state.issues.len(), 1);
    assert_eq!(
        app.state.settings.recent_folders,
        vec![dir.path().to_path_buf()]
    );
    h.get_by_label("2 articles");
    h.get_by_label_contains("Issues (1)");
}

#[test]
fn the_filter_narrows_the_list() {
    let mut h = harness();
    h.run();
    h.state_mut()
        .run_command(Command::SetFilter("no such title".into()));
    h.run();
    h.get_by_label_contains("0 of 1 article");
    h.get_by_label("No article matches the filter.");
}

#[test]
fn the_session_is_remembered_across_launches() {
    use eframe::App as _;
    let dir = tempfile::tempdir().unwrap();
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(
        folder.join("a.txt"),
        "Alpha\n\nsource: X| published: 2020-01-01\n\nBody.\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("b.txt"),
        "Beta\n\nsource: Y| published: 2020-01-02\n\nBody.\n",
    )
    .unwrap();

    // First launch: open the folder, select "Beta", close (eframe calls `save`).
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![folder.clone()]));
    settle_load(&mut h);
    let beta = h
        .state()
        .state
        .corpus
        .index_of(&folder.join("b.txt"))
        .unwrap();
    h.state_mut().run_command(Command::SelectArticle(beta));
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);
    let saved: Persisted = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    assert_eq!(saved.open_folders, vec![folder.clone()]);
    assert_eq!(saved.last_article, Some(folder.join("b.txt")));

    // Second launch from the stored state: the folder reopens and "Beta" is selected again.
    let mut h = Harness::builder()
        .with_size([1360.0, 820.0])
        .with_context_setup(newslens::ui::fonts::install_fallback_fonts)
        .build_eframe(move |cc| NewsLensApp::with_persisted(saved, Some(cc.egui_ctx.clone())));
    settle_load(&mut h);
    let app = h.state();
    assert_eq!(app.state.corpus.len(), 3);
    assert_eq!(&*app.state.selected_article().unwrap().title, "Beta");

    // A folder that has disappeared is reported, not fatal.
    let gone = Persisted {
        open_folders: vec![folder.join("vanished")],
        ..Persisted::default()
    };
    let mut h = Harness::builder()
        .with_context_setup(newslens::ui::fonts::install_fallback_fonts)
        .build_eframe(move |cc| NewsLensApp::with_persisted(gone, Some(cc.egui_ctx.clone())));
    h.run();
    assert!(
        h.state()
            .state
            .notices
            .iter()
            .any(|n| n.text.contains("no longer exists"))
    );
    assert_eq!(h.state().state.corpus.len(), 1);
}

#[test]
fn closing_a_folder_removes_its_articles_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Alpha\n\nBody.\n").unwrap();
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    settle_load(&mut h);
    assert_eq!(h.state().state.corpus.len(), 2);
    assert_eq!(h.state().state.corpus.roots().len(), 2);
    h.get_all_by_label("✖").nth(1).unwrap().click();
    h.run();
    assert_eq!(h.state().state.corpus.len(), 1);
    assert_eq!(h.state().state.corpus.roots().len(), 1);
    assert!(dir.path().join("a.txt").exists(), "nothing on disk changes");
}

#[test]
fn file_changes_in_an_open_folder_update_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(folder.join("a.txt"), "Alpha\n\nFirst body.\n").unwrap();
    std::fs::write(folder.join("b.txt"), "Beta\n\nSecond body.\n").unwrap();
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![folder.clone()]));
    settle_load(&mut h);
    assert_eq!(h.state().state.corpus.len(), 3);

    std::fs::write(folder.join("c.txt"), "Gamma\n\nA new file.\n").unwrap();
    std::fs::write(
        folder.join("a.txt"),
        "Alpha revised\n\nFirst body, edited.\n",
    )
    .unwrap();
    std::fs::remove_file(folder.join("b.txt")).unwrap();

    let titles = |h: &Harness<'_, NewsLensApp>| {
        let mut t: Vec<String> = h.state().state.corpus.articles()[1..]
            .iter()
            .map(|a| a.title.to_string())
            .collect();
        t.sort();
        t
    };
    let expected = vec!["Alpha revised".to_string(), "Gamma".to_string()];
    for _ in 0..500 {
        h.step();
        if titles(&h) == expected {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(titles(&h), expected);
}

#[test]
fn a_speaker_shows_all_their_quotes_and_merges_can_be_undone() {
    let mut h = harness();
    h.run();
    // luis schmidt is quoted twice in the seed (a caption and "told us").
    h.get_all_by_label("luis schmidt")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run();
    h.get_all_by_label("luis schmidt").next().unwrap().click();
    h.run();
    assert_eq!(
        h.state().state.selection.speaker_view.as_deref(),
        Some("luis schmidt")
    );
    h.get_by_label_contains("luis schmidt (2 quotes in 1 articles)");
    h.get_by_label("← This article").click();
    h.run();
    assert_eq!(h.state().state.selection.speaker_view, None);

    let before = h.state().state.facts.speakers.speakers.len();
    h.state_mut().run_command(Command::MergeSpeakers {
        alias: "xie hongzhou".into(),
        into: "lin songtian".into(),
    });
    assert_eq!(h.state().state.facts.speakers.speakers.len(), before - 1);
    h.state_mut().run_command(Command::UndoSpeakerMerge);
    assert_eq!(h.state().state.facts.speakers.speakers.len(), before);
    h.state_mut().run_command(Command::ToggleSpeakers);
    h.run();
    h.get_by_label("Undo last merge");
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
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

/// Three articles of our own from two sources, for the search tests.
fn search_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        (
            "a.txt",
            "Copper exports rise",
            "Reuters",
            "Chile said copper exports rose 12 pct to 1.2 billion dlrs.",
        ),
        (
            "b.txt",
            "Tin quota talks",
            "Xinhua",
            "Malaysia has an export quota of 28,526 tonnes of tin.",
        ),
        (
            "c.txt",
            "Copper price",
            "Reuters",
            "The copper price fell to 60 cents a lb in London.",
        ),
    ];
    for (file, title, source, body) in articles {
        std::fs::write(
            dir.path().join(file),
            format!("{title}\nsource: {source}| published: 1987-03-02\n\n{body}\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn typing_a_query_fills_the_kwic_lines_and_a_click_opens_the_hit() {
    let dir = search_folder();
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    settle_load(&mut h);
    h.query_all_by_label("Search")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the search box")
        .click();
    h.run();
    h.query_all_by_label("Search")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .unwrap()
        .type_text("copper -tin");
    h.run();
    assert_eq!(h.state().state.settings.search.query, "copper -tin");
    h.get_by_label_contains("4 hits in 2 articles");
    // The list follows the search: two of four articles (three here, the bundled seed).
    h.get_by_label("2 of 4 articles");
    h.get_by_label_contains("“copper -tin” · 2 of 4 articles · 4 hits");
    let line = h
        .query_all_by_label_contains("The copper price fell to 60 cents")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("a KWIC line of c.txt's body");
    line.click();
    h.run();
    let app = h.state();
    let selected = app.state.selection.selected.expect("the article opened");
    let article = &app.state.corpus.articles()[selected];
    assert!(article.path.ends_with("c.txt"));
    let focus = app.state.selection.focus.expect("the hit is focused");
    assert_eq!(&article.text[focus.start..focus.end], "copper");
    assert!(!focus.scroll_pending, "the article scrolled to the hit");
    // F3 goes on to the next hit, in the other article's title or body.
    h.key_press(egui::Key::F3);
    h.run();
    assert_ne!(h.state().state.selection.focus, Some(focus));
}

#[test]
fn a_source_filter_changes_the_corpus_chart() {
    use newslens::app::ChartView;
    use newslens::app::search::SearchCommand;
    use newslens::export::chart::ChartKind;
    let dir = search_folder();
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    settle_load(&mut h);
    h.state_mut().run_command(Command::SetChartView(ChartView {
        kind: ChartKind::Sources,
        ..ChartView::default()
    }));
    h.run();
    let bars = |h: &Harness<'_, NewsLensApp>| {
        let chart = h
            .state()
            .state
            .charts
            .chart
            .clone()
            .expect("a sources chart");
        chart
            .groups
            .iter()
            .flat_map(|g| g.bars.iter().map(|b| b.label.clone()))
            .collect::<Vec<_>>()
    };
    let all = bars(&h);
    assert!(all.iter().any(|b| b.contains("Xinhua")), "{all:?}");
    // Pick Reuters in the sources menu, which shows each source's count.
    h.get_by_label("All sources").click();
    h.run();
    h.get_by_label("Reuters  2").click();
    h.run();
    assert_eq!(
        h.state().state.settings.search.filters.sources,
        vec!["Reuters".to_string()]
    );
    let filtered = bars(&h);
    assert!(
        !filtered.iter().any(|b| b.contains("Xinhua")),
        "{filtered:?}"
    );
    assert!(
        filtered.iter().any(|b| b.contains("Reuters")),
        "{filtered:?}"
    );
    h.get_by_label_contains("Reuters · 2 of 4 articles");
    // The folders menu counts what is in view: two of the folder's three articles.
    h.get_by_label("More filters").click();
    h.run();
    h.get_by_label_contains("  2 / 3");
    h.key_press(egui::Key::Escape);
    h.run();
    // One click clears it.
    h.state_mut()
        .run_command(Command::Search(SearchCommand::Clear));
    h.run();
    assert_eq!(bars(&h), all);
}

#[test]
fn the_figures_table_follows_the_search_sorts_and_opens_a_row() {
    use newslens::app::search::SearchCommand;
    use newslens::app::tables::TableCommand;
    let dir = search_folder();
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    settle_load(&mut h);
    h.get_by_label("Figures table").click();
    h.run();
    let all = h.state().state.view.table.as_ref().unwrap().rows.len();
    h.state_mut()
        .run_command(Command::Search(SearchCommand::SetQuery("copper".into())));
    h.run();
    let rows = h.state().state.view.table.as_ref().unwrap().rows.len();
    assert!(rows > 0 && rows < all, "{rows} of {all}");
    h.get_by_label_contains(&format!("{rows} rows"));
    // Sort by value, largest first, then open the top row.
    h.get_by_label("value").click();
    h.run();
    h.get_by_label("value ↑").click();
    h.run();
    let row = h
        .query_all_by_label_contains("1.2 bn")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the 1.2 billion dlrs row on top");
    row.click();
    h.run();
    let app = h.state();
    let selected = app.state.selection.selected.unwrap();
    let table = app.state.view.table.as_ref().unwrap();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            newslens::export::corpus_tables::cells(app.state.corpus.articles(), table.kind, *r)
        })
        .collect();
    assert!(
        app.state.corpus.articles()[selected]
            .path
            .ends_with("a.txt"),
        "{:?} {rows:?}",
        table.current
    );
    let focus = app.state.selection.focus.unwrap();
    let text = &app.state.corpus.articles()[selected].text[focus.start..focus.end];
    assert!(text.starts_with("Chile said copper exports rose"), "{text}");
    h.state_mut()
        .run_command(Command::Table(TableCommand::SetFilter("zzz".into())));
    h.run();
    h.get_by_label_contains("0 rows");
}

#[test]
fn the_more_filters_menu_counts_speakers_and_figures_and_a_click_filters() {
    use newslens::extract::Family;
    let dir = search_folder();
    let mut h = harness();
    h.state_mut()
        .run_command(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    settle_load(&mut h);
    // The speakers quoted in the corpus, with the articles quoting each: a click picks one.
    h.get_by_label("More filters").click();
    h.run();
    h.get_by_label("Chile  1").click();
    h.run();
    let filters = || h.state().state.settings.search.filters.clone();
    assert_eq!(filters().speaker, "Chile");
    h.get_by_label_contains("quoting Chile · 1 of 4 articles");
    // The menu stays open while filters are picked. Figure families are counted among the
    // articles quoting Chile: one has money figures.
    h.get_by_label("currency  1").click();
    h.run();
    let filters = h.state().state.settings.search.filters.clone();
    assert_eq!(filters.family, Some(Family::Currency));
    h.get_by_label_contains("with a currency figure · 1 of 4 articles");
    // A bound typed as an amount: no figure of Chile's article reaches 2 billion dollars.
    h.get_by_label("between").click();
    h.run();
    h.get_by_label("between").type_text("2 billion");
    h.run();
    let filters = h.state().state.settings.search.filters.clone();
    assert_eq!(filters.min_value, Some(2e9));
    h.get_by_label_contains("with a currency figure >= 2 billion · 0 of 4 articles");
}
