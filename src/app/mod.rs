//! The window's state, its background jobs and the commands the panels send.
//!
//! - [`NewsLensApp`] (this file): state and constructor.
//! - [`logic`]: per-frame work that is not drawing: draining background jobs and dialogs.
//! - [`commands`]: what the panels ask for, applied after drawing.
//! - The drawing itself is in [`crate::ui`].

pub mod commands;
pub mod derived;
pub mod logic;
pub mod search;
pub mod startup;
pub mod tables;
#[cfg(test)]
mod test_support;
pub mod watch;

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::corpus::load::{LoadIssue, LoadJob};
use crate::corpus::{Article, Corpus, seeds};
use crate::export::chart::{ChartKind, ChartSpec, chart_for_article};
pub use commands::Command;

/// The window's theme: the system's, or fixed by the user (View menu).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// A zoom step (View menu; the same keys work everywhere through egui).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    In,
    Out,
    Reset,
}

/// Which chart the chart panel shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartView {
    #[serde(with = "kind_name")]
    pub kind: ChartKind,
    /// The measure of the corpus-wide measure chart (`trade value`); empty: the most common.
    pub measure: String,
    /// Draw the measure as a timeline by date instead of bars per source.
    pub timeline: bool,
}

/// [`ChartKind`] by name in the remembered settings (the core type has no serde names).
mod kind_name {
    use crate::export::chart::ChartKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(kind: &ChartKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match kind {
            ChartKind::Article => "article",
            ChartKind::Measure => "measure",
            ChartKind::Speakers => "speakers",
            ChartKind::Sources => "sources",
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ChartKind, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "measure" => ChartKind::Measure,
            "speakers" => ChartKind::Speakers,
            "sources" => ChartKind::Sources,
            _ => ChartKind::Article,
        })
    }
}

/// The application id: window class, `.desktop` file name and storage folder.
pub const APP_ID: &str = "newslens";

/// While a load runs, corpus-wide counts and the speaker index (a pass over every article)
/// are refreshed at most this often, or every other progress frame when those are rarer, or
/// five times as long as the last refresh took (a pass over 100,000 articles takes a good
/// part of a second, and the load needs the cores); the list itself updates at every frame.
const DERIVED_REFRESH: Duration = Duration::from_millis(500);

/// How often progress is drawn while work runs in the background (a load's batches, busy
/// indicators): ten times a second.
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// [`PROGRESS_INTERVAL`] on a software renderer (virtual machines, remote desktops), where one
/// frame of the window takes about a quarter of a second of CPU (llvmpipe, 1360×820): at ten
/// frames a second, drawing the progress of a load took most of the CPU the load needed.
pub const PROGRESS_INTERVAL_SOFTWARE: Duration = Duration::from_secs(1);

/// What is remembered across launches. Never the corpus itself. The app keeps its only copy
/// in [`AppState::settings`] and saves it as it is; the serde names are the saved format.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Folders opened recently, most recent first.
    pub recent_folders: Vec<PathBuf>,
    /// Folders open when the app last closed: reopened at start (filled when saving).
    pub open_folders: Vec<PathBuf>,
    /// Path of the article selected when the app last closed (filled when saving; cleared
    /// once that article is selected again).
    pub last_article: Option<PathBuf>,
    /// Count duplicate stories in corpus-wide numbers (default: each story once).
    pub count_copies: bool,
    /// Speakers merged by hand, in order (the last one is undone first).
    pub speaker_merges: Vec<crate::corpus::speakers::ManualMerge>,
    /// The chart shown, and whether images are exported on a dark background.
    pub chart_view: ChartView,
    pub export_dark: bool,
    /// The theme chosen in the View menu.
    pub theme: ThemeChoice,
    /// The search and filters every panel follows.
    pub search: search::SearchSettings,
}

/// The root under which the bundled articles are listed.
pub const BUNDLED_ROOT: &str = "bundled articles";

/// A byte span of the selected article to highlight and scroll to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    pub start: usize,
    pub end: usize,
    /// Set when the article should scroll to the span on the next frame.
    pub scroll_pending: bool,
}

/// A message for the user, shown without blocking anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// Progress of the running folder load.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProgress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    /// Articles open when the load started (the difference is what it added).
    pub articles_before: usize,
    pub started: Instant,
}

impl LoadProgress {
    /// The progress line after `elapsed`: files and MB so far, and files, MB and articles per
    /// second.
    pub fn summary(&self, articles_now: usize, elapsed: std::time::Duration) -> String {
        let secs = elapsed.as_secs_f64().max(0.001);
        let articles = articles_now.saturating_sub(self.articles_before);
        format!(
            "{}/{} files · {:.1} MB · {:.0} files/s · {:.1} MB/s · {:.0} articles/s",
            self.files_done,
            self.files_total,
            self.bytes_done as f64 / 1e6,
            self.files_done as f64 / secs,
            self.bytes_done as f64 / 1e6 / secs,
            articles as f64 / secs
        )
    }
}

/// Everything the panels draw, in named parts.
pub struct AppState {
    /// The open articles, folder by folder.
    pub corpus: Corpus,
    /// The remembered settings, kept only here: menus and commands change them in place and
    /// the app saves them as they are.
    pub settings: Persisted,
    pub view: CorpusView,
    pub selection: Selection,
    pub charts: Charts,
    pub facts: CorpusFacts,
    pub panels: Panels,
    /// Files skipped or failed, across all loads.
    pub issues: Vec<LoadIssue>,
    pub load: Option<LoadProgress>,
    pub notices: Vec<Notice>,
    /// How often background progress is drawn: [`PROGRESS_INTERVAL`], or
    /// [`PROGRESS_INTERVAL_SOFTWARE`] when the window is drawn on the CPU.
    pub progress_interval: Duration,
}

/// The corpus as the panels show it: narrowed by the search and filters (asked for in
/// `settings.search`), and in the list also by the quick title filter.
#[derive(Debug, Default)]
pub struct CorpusView {
    /// Case-insensitive quick filter of the list on titles and sources.
    pub filter: String,
    /// Indices of articles passing the search, the filters and `filter`, in list order.
    pub visible: Vec<usize>,
    /// The search's result, KWIC lines and facet counts.
    pub search: search::SearchState,
    /// Words to articles, built on a worker after a large corpus loads (searches scan
    /// without it until then).
    pub index: Option<std::sync::Arc<crate::search::index::SearchIndex>>,
    /// The corpus changed since the index was last checked.
    pub index_dirty: bool,
    /// The Figures or Quotes table, when open.
    pub table: Option<tables::TableView>,
}

/// What the user has picked out: an article, a span of it, a speaker.
#[derive(Debug, Default)]
pub struct Selection {
    /// Index into the corpus's articles.
    pub selected: Option<usize>,
    pub focus: Option<Focus>,
    /// Set when the list should scroll to the selected row on the next frame.
    pub list_scroll_pending: bool,
    /// When set, the quotes panel shows this speaker's quotes across the corpus.
    pub speaker_view: Option<String>,
}

/// The chart panel's contents. Which chart it shows is `settings.chart_view`.
#[derive(Debug, Default)]
pub struct Charts {
    /// The chart shown: the selected article's, or a corpus-wide one (built when the
    /// selection, the corpus or the view changes, never per frame).
    pub chart: Option<ChartSpec>,
    /// Measures of the open corpus, most frequent first (for the measure picker).
    pub measures: Vec<(String, usize)>,
    /// Set while a chart export runs.
    pub exporting: bool,
}

/// Facts about the whole corpus, recomputed when it changes (not per frame; see [`derived`]).
#[derive(Debug)]
pub struct CorpusFacts {
    /// Corpus-wide counts.
    pub counts: crate::corpus::CorpusCounts,
    /// Everyone quoted, recomputed when the corpus or the merges change.
    pub speakers: crate::corpus::speakers::SpeakerIndex,
    /// When counts and the speaker index were last recomputed.
    pub derived_at: Instant,
    /// How long the last recount took (while a load runs, recounts are spaced so they take
    /// a fifth of a core at most).
    pub derive_took: Duration,
    /// What the counts on show were made from, when made on a worker: a recount of the same
    /// is skipped (after a load, the load's end and the search run it starts each asked for
    /// one, a second or so each at 100,000 articles).
    pub derived_from: Option<derived::Basis>,
    /// Counts, speakers and corpus charts are out of date (large corpora: recomputed on a
    /// worker).
    pub derived_dirty: bool,
}

impl Default for CorpusFacts {
    fn default() -> Self {
        Self {
            counts: Default::default(),
            speakers: Default::default(),
            derived_at: Instant::now(),
            derive_took: Duration::ZERO,
            derived_from: None,
            derived_dirty: false,
        }
    }
}

/// Which windows are open over the main panels.
#[derive(Debug, Default)]
pub struct Panels {
    /// The version and licences.
    pub show_about: bool,
    /// The files skipped or failed.
    pub show_issues: bool,
    /// Everyone quoted, with merges.
    pub show_speakers: bool,
}

impl AppState {
    /// The state on the embedded seeds, with the first article selected.
    pub fn with_seeds() -> Self {
        let (articles, failed) = seeds::load();
        let mut state = Self {
            corpus: Corpus::from_articles(PathBuf::from(BUNDLED_ROOT), articles),
            settings: Persisted::default(),
            view: CorpusView::default(),
            selection: Selection::default(),
            charts: Charts::default(),
            facts: CorpusFacts::default(),
            panels: Panels::default(),
            issues: Vec::new(),
            load: None,
            notices: Vec::new(),
            progress_interval: PROGRESS_INTERVAL,
        };
        for (name, reason) in failed {
            state.notices.push(Notice {
                text: format!("bundled article {name}: {reason}"),
                is_error: true,
            });
        }
        state.corpus_changed();
        state.select(0);
        state
    }

    /// Refreshes everything derived from the corpus (after loads and removals), keeping the
    /// selection on the same article if it is still there.
    pub fn corpus_changed(&mut self) {
        self.view.index_dirty = true;
        // a search run at once has refreshed the rest already
        if !self.search_changed() {
            self.refilter();
            self.refresh_table();
            self.refresh_derived();
        }
    }

    /// While a load runs, whether the corpus may be recounted now (see [`DERIVED_REFRESH`]).
    pub fn recount_due_while_loading(&self) -> bool {
        let spacing = DERIVED_REFRESH
            .max(self.progress_interval * 2)
            .max(self.facts.derive_took * 5);
        self.facts.derived_at.elapsed() >= spacing
    }

    /// Recomputes counts, speakers and the corpus chart of the articles in view: at once on
    /// a small corpus, else on a worker.
    pub fn refresh_derived(&mut self) {
        self.facts.derived_at = Instant::now();
        if self.corpus.len() <= derived::SYNC_MAX_ARTICLES {
            let result = derived::derive(&self.view_snapshot(), &self.derived_inputs());
            self.apply_derived(result);
        } else {
            // Picked up by the app's per-frame logic, which runs it on a worker.
            self.facts.derived_dirty = true;
        }
    }

    /// What a derivation of the current corpus needs.
    pub fn derived_inputs(&self) -> derived::Inputs {
        derived::Inputs {
            merges: self.settings.speaker_merges.clone(),
            count_copies: self.settings.count_copies,
            view: self.settings.chart_view.clone(),
            corpus_name: self.corpus_name(),
        }
    }

    /// Takes in a finished derivation. A corpus chart is shown only if its view is still the
    /// one asked for.
    pub fn apply_derived(&mut self, d: derived::Derived) {
        self.facts.derive_took = d.took;
        // (A worker's result sets it again after this.)
        drop_in_background(self.facts.derived_from.take());
        log::debug!(
            "corpus recount of {} articles took {:.0} ms",
            self.corpus.len(),
            d.took.as_secs_f64() * 1e3
        );
        let old_counts = std::mem::replace(&mut self.facts.counts, d.counts);
        let old_speakers = std::mem::replace(&mut self.facts.speakers, d.speakers);
        // Freeing the speaker index of a large corpus (every name, alias and quote
        // reference) takes longer than a frame.
        drop_in_background((old_counts, old_speakers));
        let asked = &self.settings.chart_view;
        if let Some(c) = d.chart
            && c.view.kind == asked.kind
            && c.view.timeline == asked.timeline
            && (asked.measure.is_empty() || c.view.measure == asked.measure)
        {
            self.show_corpus_chart(c);
        }
    }

    fn show_corpus_chart(&mut self, c: derived::CorpusChart) {
        self.settings.chart_view = c.view;
        self.charts.chart = Some(c.spec);
        self.charts.measures = c.measures;
    }

    /// Switches the chart panel to `view`.
    pub fn set_chart_view(&mut self, view: ChartView) {
        self.settings.chart_view = view;
        self.rebuild_chart();
    }

    /// Builds the chart the panel shows, from the current view (at once: the user asked).
    pub fn rebuild_chart(&mut self) {
        if self.settings.chart_view.kind == ChartKind::Article {
            self.charts.chart = self.selected_article().map(chart_for_article);
            return;
        }
        let snapshot = self.view_snapshot();
        if let Some(c) =
            derived::corpus_chart(&snapshot, &self.facts.speakers, &self.derived_inputs())
        {
            self.show_corpus_chart(c);
        }
    }

    /// The open folders' names, for captions: `reuters21578 + bundled articles`.
    pub fn corpus_name(&self) -> String {
        let names: Vec<String> = self
            .corpus
            .roots()
            .iter()
            .map(|r| {
                r.path.file_name().map_or_else(
                    || r.path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                )
            })
            .collect();
        match names.len() {
            0 => "no folders".into(),
            1..=3 => names.join(" + "),
            n => format!("{} + {} more folders", names[..2].join(" + "), n - 2),
        }
    }

    /// Re-selects the article at `path` after indices changed (or clears the selection).
    pub fn reselect(&mut self, path: Option<PathBuf>) {
        match path.and_then(|p| self.corpus.index_of(&p)) {
            Some(i) if Some(i) != self.selection.selected => self.select(i),
            Some(_) => {}
            None => {
                self.selection.selected = None;
                if self.settings.chart_view.kind == ChartKind::Article {
                    self.charts.chart = None;
                }
                self.selection.focus = None;
            }
        }
    }

    pub fn selected_article(&self) -> Option<&Article> {
        self.selection.selected.and_then(|i| self.corpus.get(i))
    }

    /// Selects an article (ignored if out of range) and builds its chart.
    pub fn select(&mut self, index: usize) {
        if let Some(article) = self.corpus.get(index) {
            self.selection.selected = Some(index);
            if self.settings.chart_view.kind == ChartKind::Article {
                self.charts.chart = Some(chart_for_article(article));
            }
            self.selection.focus = None;
        }
    }

    /// Recomputes `view.visible`: the articles passing the search and filters, then the
    /// quick filter on titles and sources.
    pub fn refilter(&mut self) {
        let needle = self.view.filter.trim().to_lowercase();
        let articles = self.corpus.articles();
        let passes = |i: usize| {
            let a = &articles[i];
            needle.is_empty()
                || a.title.to_lowercase().contains(&needle)
                || a.source_label().to_lowercase().contains(&needle)
        };
        let visible = self.in_view().filter(|&i| passes(i)).collect();
        self.view.visible = visible;
    }

    pub fn notify(&mut self, text: impl Into<String>, is_error: bool) {
        let text = text.into();
        if is_error {
            log::warn!("{text}");
        } else {
            log::info!("{text}");
        }
        self.notices.push(Notice { text, is_error });
        // Keep the list short: old notices are in the log.
        if self.notices.len() > 5 {
            self.notices.remove(0);
        }
    }
}

/// How a chart export or copy ended.
pub enum ExportOutcome {
    /// Written; the message says where.
    Saved(String),
    /// Rendered for the clipboard.
    Copied(egui::ColorImage),
    /// The user closed the dialog.
    Cancelled,
    Failed(String),
}

/// Background work whose results arrive on later frames.
#[derive(Default)]
pub struct Jobs {
    /// The running load and the root it fills.
    pub load: Option<(usize, LoadJob)>,
    /// Folders waiting for the running load to finish.
    pub queued_paths: Vec<PathBuf>,
    pub folder_dialog: Option<(Instant, Receiver<Option<PathBuf>>)>,
    pub export: Option<Receiver<ExportOutcome>>,
    /// The running derivation of counts, speakers and corpus charts.
    pub derived: Option<Receiver<(derived::Derived, derived::Basis)>>,
    /// The open table's rows being built on a worker (large corpora).
    pub table: Option<Receiver<Vec<crate::export::corpus_tables::TableRow>>>,
    /// The running search (a newer one replaces and cancels it).
    pub search: Option<search::SearchJob>,
    /// The search index being built.
    pub index: Option<Receiver<crate::search::index::SearchIndex>>,
    pub watches: watch::Watches,
}

/// The application: state (with the remembered settings) and running jobs.
pub struct NewsLensApp {
    pub state: AppState,
    pub jobs: Jobs,
    /// Commands queued by panels during drawing, applied at the end of the frame.
    pub pending: Vec<Command>,
    pub(crate) egui_ctx: Option<egui::Context>,
}

impl NewsLensApp {
    /// The app on the seeds, plus `paths` (loaded in the background).
    pub fn new(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        let persisted = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::with_persisted(persisted, Some(cc.egui_ctx.clone()));
        let software = cc.wgpu_render_state.as_ref().is_some_and(|render| {
            render.adapter.get_info().device_type == eframe::wgpu::DeviceType::Cpu
        });
        if software {
            log::info!("software renderer: progress drawn once a second while work runs");
            app.state.progress_interval = PROGRESS_INTERVAL_SOFTWARE;
        }
        if !paths.is_empty() {
            app.pending.push(Command::OpenPaths(paths));
        }
        app
    }

    /// The app without a window context (tests and headless use).
    pub fn with_persisted(mut settings: Persisted, egui_ctx: Option<egui::Context>) -> Self {
        if let Some(ctx) = &egui_ctx {
            ctx.set_theme(settings.theme.preference());
        }
        // Folders open last time come back (a vanished one is reported, not fatal).
        let reopen = settings.open_folders.clone();
        // The remembered chart view is switched to once the corpus is counted, as the View
        // menu would.
        let chart_view = std::mem::take(&mut settings.chart_view);
        let mut state = AppState::with_seeds();
        state.settings = settings;
        state.corpus_changed();
        state.set_chart_view(chart_view);
        let mut pending = Vec::new();
        if !reopen.is_empty() {
            pending.push(Command::OpenPaths(reopen));
        }
        Self {
            state,
            jobs: Jobs::default(),
            pending,
            egui_ctx,
        }
    }

    /// Runs a callback-safe repaint request (background threads call this to wake the UI).
    fn repaint_handle(&self) -> impl Fn() + Send + Sync + 'static {
        self.paced_repaint_handle(Duration::ZERO)
    }

    /// [`Self::repaint_handle`] for a stream of events: a frame at most every `interval`
    /// (a load sends dozens of batches a second, and each frame of a software-rendered window
    /// takes CPU the load needs). A zero interval asks for a frame at once.
    fn paced_repaint_handle(&self, interval: Duration) -> impl Fn() + Send + Sync + 'static {
        let ctx = self.egui_ctx.clone();
        move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint_after(interval);
            }
        }
    }
}

impl eframe::App for NewsLensApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ctx.clone());
        }
        self.poll_jobs();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.pending.push(Command::OpenPaths(dropped));
        }
        self.run_pending();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::app_ui(ui, &self.state, &mut self.pending);
        // The article scrolled to the focused span while drawing: do it once only.
        if let Some(focus) = &mut self.state.selection.focus {
            focus.scroll_pending = false;
        }
        self.state.selection.list_scroll_pending = false;
        self.run_pending();
        // Once: log the start-up time (and quit here under benches/startup.sh).
        startup::first_frame_done(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let open_folders = self
            .state
            .corpus
            .roots()
            .iter()
            .map(|r| r.path.clone())
            .filter(|p| p.as_os_str() != BUNDLED_ROOT)
            .collect();
        let last_article = self.state.selected_article().map(|a| a.path.clone());
        let settings = &mut self.state.settings;
        settings.open_folders = open_folders;
        settings.last_article = last_article;
        eframe::set_value(storage, eframe::APP_KEY, settings);
    }
}

/// Frees `value` on a short-lived thread of its own, so that the UI thread does not spend a
/// frame on it.
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    // If no thread can be started, the closure, and so the value, is freed here instead.
    let _ = std::thread::Builder::new()
        .name("free-old-state".into())
        .spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_progress_counts_only_the_articles_this_load_added() {
        let p = LoadProgress {
            files_done: 200,
            files_total: 1000,
            bytes_done: 8_000_000,
            articles_before: 1,
            started: Instant::now(),
        };
        let line = p.summary(401, std::time::Duration::from_secs(4));
        assert!(
            line.starts_with("200/1000 files · 8.0 MB · 50 files/s · 2.0 MB/s"),
            "{line}"
        );
        assert!(line.ends_with("· 100 articles/s"), "{line}");
    }
}
