//! The window's search and filters: what the user asked (remembered with the session), the
//! run that answers it (at once on small corpora, else on a worker that a newer query
//! cancels), and the articles every panel then shows.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::corpus::collection::Snapshot;
use crate::search::facets::{self, Facets};
use crate::search::filters::format_amount;
use crate::search::index::SearchIndex;
use crate::search::kwic::{self, KwicLine, KwicOrder};
use crate::search::{self as core, ArticleHits, Filters, Query, QueryOptions, Scope, SourceCount};

/// What the user asked for: remembered with the session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchSettings {
    /// The text in the search box (empty: no search).
    pub query: String,
    pub scope: Scope,
    pub filters: Filters,
}

impl SearchSettings {
    /// Whether anything narrows the corpus.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty() || !self.filters.is_empty()
    }

    /// The active search and filters in one line: `"copper" in quotes · Reuters · from
    /// 1987-01-01 · copies hidden`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.trim().is_empty() {
            let scope = match self.scope {
                Scope::Text => String::new(),
                other => format!(" in {}", other.label()),
            };
            parts.push(format!("“{}”{scope}", self.query.trim()));
        }
        let f = &self.filters;
        if !f.sources.is_empty() {
            parts.push(f.sources.join(" or "));
        }
        if !f.folders.is_empty() {
            let names: Vec<String> = f
                .folders
                .iter()
                .map(|p| {
                    p.file_name()
                        .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
                })
                .collect();
            parts.push(format!("in {}", names.join(" or ")));
        }
        if !f.speaker.trim().is_empty() {
            parts.push(format!("quoting {}", f.speaker.trim()));
        }
        if f.filters_figures() {
            let measure = match (f.measure.trim(), f.family) {
                ("", None) => "any figure".to_string(),
                ("", Some(family)) => format!("a {} figure", family.as_str()),
                (measure, None) => measure.to_string(),
                (measure, Some(family)) => format!("{measure} ({})", family.as_str()),
            };
            let range = match (
                f.min_value.map(format_amount),
                f.max_value.map(format_amount),
            ) {
                (Some(lo), Some(hi)) => format!(" {lo}–{hi}"),
                (Some(lo), None) => format!(" >= {lo}"),
                (None, Some(hi)) => format!(" <= {hi}"),
                (None, None) => String::new(),
            };
            parts.push(format!("with {measure}{range}"));
        }
        if let Some(from) = self.filters.from {
            parts.push(format!("from {from}"));
        }
        if let Some(to) = self.filters.to {
            parts.push(format!("to {to}"));
        }
        if self.filters.hide_duplicates {
            parts.push("copies hidden".into());
        }
        parts.join(" · ")
    }
}

/// The answer to a search: hits, KWIC lines and counts.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    /// The matching articles (corpus indices, in order) with their hits.
    pub found: Vec<ArticleHits>,
    /// One line per hit, in the order chosen.
    pub lines: Vec<KwicLine>,
    pub per_source: Vec<(String, SourceCount)>,
    pub hits: usize,
    pub elapsed: Duration,
}

impl SearchResult {
    /// The hits in article `index` (byte spans), if it matched.
    pub fn hits_in(&self, index: usize) -> Option<&[std::ops::Range<usize>]> {
        self.found
            .binary_search_by_key(&index, |f| f.article)
            .ok()
            .map(|i| self.found[i].hits.as_slice())
    }
}

/// What one run computes.
#[derive(Debug, Default)]
pub struct SearchOutcome {
    /// `None` when there is no query (filters only).
    pub result: Option<SearchResult>,
    /// Corpus indices of the articles passing the filters and the query, in order; `None`
    /// when nothing narrows the corpus.
    pub matched: Option<Vec<usize>>,
    /// How many articles each filter's choices would show.
    pub facets: Facets,
}

/// The search part of the corpus view.
#[derive(Debug, Default)]
pub struct SearchState {
    /// Why the query cannot be run, shown under the box.
    pub error: Option<String>,
    pub outcome: SearchOutcome,
    pub order: KwicOrder,
    /// The KWIC line last opened: F3 and Shift+F3 move from it.
    pub current_line: Option<usize>,
    /// A run is under way on a worker.
    pub running: bool,
    /// The query, filters or corpus changed since the last run started.
    pub dirty: bool,
    /// Counts the changes of the query, filters and corpus: a run's outcome is shown only if
    /// nothing changed since it started.
    pub generation: u64,
    /// What the last worker run shown answered, and when it was shown.
    pub last_shown: Option<(SearchSettings, KwicOrder, Instant)>,
}

impl SearchState {
    /// Whether a run asking `settings` in the current order was shown less than
    /// [`RERUN_WHILE_LOADING`] ago.
    pub fn shown_lately(&self, settings: &SearchSettings) -> bool {
        self.last_shown.as_ref().is_some_and(|(shown, order, at)| {
            shown == settings && *order == self.order && at.elapsed() < RERUN_WHILE_LOADING
        })
    }
}

/// While a folder loads, a search asked the same is run again at most this often for the
/// articles added since (each run over a large corpus takes a core that the load needs).
const RERUN_WHILE_LOADING: Duration = Duration::from_secs(2);

/// A run on a worker, cancelled when dropped or replaced.
pub struct SearchJob {
    /// The [`SearchState::generation`] it answers.
    generation: u64,
    /// The search and KWIC order it answers.
    asked: (SearchSettings, KwicOrder),
    /// The articles it searches.
    articles: Vec<Arc<Article>>,
    cancel: Arc<AtomicBool>,
    results: Receiver<SearchOutcome>,
}

impl Drop for SearchJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl SearchJob {
    /// The outcome once the run has finished: `Empty` while it runs, `Disconnected` if it
    /// died or was cancelled.
    pub fn poll(&self) -> Result<SearchOutcome, TryRecvError> {
        self.results.try_recv()
    }

    /// Whether its outcome still answers `settings` and `order` over `articles`: asked the
    /// same over a corpus that has only grown since (a load adding files). Such a run is
    /// left to finish and shown; the next run adds the newer articles. Restarting it at each
    /// batch of a large load would show no result until the load ends.
    pub fn still_answers(
        &self,
        settings: &SearchSettings,
        order: KwicOrder,
        articles: &[Arc<Article>],
    ) -> bool {
        self.asked.0 == *settings
            && self.asked.1 == order
            && crate::corpus::starts_with_same_articles(articles, &self.articles)
    }
}

/// Parses the query of `settings`: `Ok(None)` when there is none.
pub fn parse(settings: &SearchSettings) -> Result<Option<Query>, String> {
    if settings.query.trim().is_empty() {
        return Ok(None);
    }
    Query::parse(&settings.query, QueryOptions::default())
        .map(Some)
        .map_err(|e| e.to_string())
}

/// What a run searches: the corpus as it was when the run started.
pub struct SearchInput {
    pub snapshot: Snapshot,
    /// The open folders, for the folder counts.
    pub roots: Vec<PathBuf>,
    /// The word index, when there is one (it narrows the articles to scan if up to date).
    pub index: Option<Arc<SearchIndex>>,
}

/// Runs `query` with `settings` over `input`; `None` if cancelled.
pub fn run(
    input: &SearchInput,
    query: Option<&Query>,
    settings: &SearchSettings,
    order: KwicOrder,
    cancel: &AtomicBool,
) -> Option<SearchOutcome> {
    let started = Instant::now();
    let SearchInput {
        snapshot,
        roots,
        index,
    } = input;
    let index = index.as_deref();
    let articles = &snapshot.articles;
    let filters = &settings.filters;
    let unfaceted = |i: usize| filters.admits_unfaceted(&articles[i], snapshot.statuses[i]);
    let found = match query {
        Some(query) => Some(core::search(
            articles,
            index,
            &unfaceted,
            query,
            settings.scope,
            cancel,
        )?),
        None => None,
    };
    let candidates: Vec<usize> = match &found {
        Some(found) => found.iter().map(|f| f.article).collect(),
        None => (0..articles.len()).filter(|&i| unfaceted(i)).collect(),
    };
    let (facets, kept) = facets::count(articles, &candidates, filters, roots, cancel)?;
    let result = found.map(|found| {
        let found: Vec<ArticleHits> = found
            .into_iter()
            .zip(&kept)
            .filter_map(|(f, &keep)| keep.then_some(f))
            .collect();
        let mut lines = kwic::lines(&found);
        kwic::sort(&mut lines, articles, order);
        SearchResult {
            per_source: core::counts_per_source(articles, &found),
            hits: lines.len(),
            lines,
            elapsed: started.elapsed(),
            found,
        }
    });
    let matched = settings.is_active().then(|| {
        candidates
            .into_iter()
            .zip(kept)
            .filter_map(|(i, keep)| keep.then_some(i))
            .collect()
    });
    Some(SearchOutcome {
        result,
        matched,
        facets,
    })
}

/// Starts [`run`] on a worker; `wake` is called when it is done.
pub fn spawn(
    input: SearchInput,
    query: Option<Query>,
    settings: SearchSettings,
    order: KwicOrder,
    generation: u64,
    wake: impl Fn() + Send + 'static,
) -> std::io::Result<SearchJob> {
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, results) = mpsc::sync_channel(1);
    let flag = Arc::clone(&cancel);
    let articles = input.snapshot.articles.clone();
    let asked = (settings.clone(), order);
    std::thread::Builder::new()
        .name("corpus-search".into())
        .spawn(move || {
            if let Some(outcome) = run(&input, query.as_ref(), &settings, order, &flag) {
                let _ = tx.send(outcome);
                wake();
            }
        })?;
    Ok(SearchJob {
        generation,
        asked,
        articles,
        cancel,
        results,
    })
}

/// What the search bar and the KWIC panel ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchCommand {
    /// Put the keyboard in the search box (Ctrl+F).
    Focus,
    SetQuery(String),
    SetScope(Scope),
    SetFilters(Filters),
    /// Clear the query and every filter.
    Clear,
    SetOrder(KwicOrder),
    /// Open the article of KWIC line `n` at its hit.
    OpenLine(usize),
    /// Open the next (1) or previous (-1) hit (F3, Shift+F3).
    StepLine(i32),
    /// Ask where to save the KWIC lines as CSV, then write them.
    ExportCsv,
}

impl super::NewsLensApp {
    pub(super) fn run_search_command(&mut self, command: SearchCommand) {
        let state = &mut self.state;
        match command {
            SearchCommand::Focus => {
                if let Some(ctx) = &self.egui_ctx {
                    ctx.memory_mut(|m| m.request_focus(crate::ui::search_bar::search_id()));
                }
            }
            SearchCommand::SetQuery(query) => {
                state.settings.search.query = query;
                state.search_changed();
            }
            SearchCommand::SetScope(scope) => {
                state.settings.search.scope = scope;
                state.search_changed();
            }
            SearchCommand::SetFilters(filters) => {
                state.settings.search.filters = filters;
                state.search_changed();
            }
            SearchCommand::Clear => {
                state.settings.search = SearchSettings::default();
                state.search_changed();
            }
            SearchCommand::SetOrder(order) => {
                let search = &mut state.view.search;
                search.order = order;
                search.current_line = None;
                if state.corpus.len() > super::derived::SYNC_MAX_ARTICLES {
                    // hundreds of thousands of lines: the search runs again on a worker, in
                    // the new order
                    state.search_changed();
                } else if let Some(result) = &mut search.outcome.result {
                    kwic::sort(&mut result.lines, state.corpus.articles(), order);
                }
            }
            SearchCommand::OpenLine(n) => state.open_line(n),
            SearchCommand::StepLine(step) => {
                let search = &state.view.search;
                let count = search.outcome.result.as_ref().map_or(0, |r| r.lines.len());
                if count > 0 {
                    let next = match search.current_line {
                        Some(at) => (at as i64 + i64::from(step)).rem_euclid(count as i64) as usize,
                        None if step < 0 => count - 1,
                        None => 0,
                    };
                    state.open_line(next);
                }
            }
            SearchCommand::ExportCsv => self.export_kwic(),
        }
    }

    /// Takes in a finished search, and starts one when the query, filters or corpus changed.
    pub(super) fn poll_search(&mut self) {
        if let Some(job) = &self.jobs.search {
            match job.poll() {
                Ok(outcome) => {
                    let state = &self.state;
                    let current = job.generation == state.view.search.generation
                        || job.still_answers(
                            &state.settings.search,
                            state.view.search.order,
                            state.corpus.articles(),
                        );
                    if current {
                        let (settings, order) = job.asked.clone();
                        self.state.view.search.last_shown = Some((settings, order, Instant::now()));
                        self.state.apply_search(outcome);
                    }
                    self.jobs.search = None;
                    self.state.view.search.running = false;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.jobs.search = None;
                    self.state.view.search.running = false;
                }
            }
        }
        if !self.state.view.search.dirty {
            return;
        }
        let state = &self.state;
        if self.jobs.search.as_ref().is_some_and(|job| {
            job.still_answers(
                &state.settings.search,
                state.view.search.order,
                state.corpus.articles(),
            )
        }) {
            // stays dirty: the next run starts when this one is shown
            return;
        }
        if self.jobs.load.is_some() && state.view.search.shown_lately(&state.settings.search) {
            // only new articles to add: stays dirty, runs when the pause is over
            return;
        }
        self.state.view.search.dirty = false;
        let Ok(query) = parse(&self.state.settings.search) else {
            return;
        };
        let settings = self.state.settings.search.clone();
        let order = self.state.view.search.order;
        // Replacing the job drops the older one, which cancels it.
        let generation = self.state.view.search.generation;
        let wake = self.repaint_handle();
        match spawn(
            self.state.search_input(),
            query,
            settings,
            order,
            generation,
            wake,
        ) {
            Ok(job) => {
                self.jobs.search = Some(job);
                self.state.view.search.running = true;
            }
            Err(e) => self
                .state
                .notify(format!("Could not start the search: {e}"), true),
        }
    }

    /// Takes in a finished search index, and starts building one when the corpus is large,
    /// no load runs and the index does not hold every article as it is.
    pub(super) fn poll_index(&mut self) {
        if let Some(rx) = &self.jobs.index {
            match rx.try_recv() {
                Ok(index) => {
                    self.jobs.index = None;
                    self.state.view.index = Some(Arc::new(index));
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => self.jobs.index = None,
            }
        }
        let state = &mut self.state;
        // Not while a load runs, nor beside a recount of the corpus: each holds a large
        // passing structure (the recount, a new speaker index), and their peaks add up.
        let recounting = self.jobs.derived.is_some() || state.facts.derived_dirty;
        if !state.view.index_dirty || self.jobs.load.is_some() || recounting {
            return;
        }
        state.view.index_dirty = false;
        let articles = state.corpus.articles();
        let current = state.view.index.as_ref().and_then(|ix| ix.covers(articles));
        if articles.len() <= super::derived::SYNC_MAX_ARTICLES || current == Some(articles.len()) {
            return;
        }
        let articles = articles.to_vec();
        let (tx, rx) = mpsc::sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                crate::corpus::load::background_priority();
                let started = Instant::now();
                let index = SearchIndex::build(&articles);
                log::info!(
                    "search index: {} articles, {} words, {:.1} MB, built in {:.2} s",
                    articles.len(),
                    index.word_count(),
                    index.postings_bytes() as f64 / 1e6,
                    started.elapsed().as_secs_f64()
                );
                let _ = tx.send(index);
            });
        match spawned {
            Ok(_) => self.jobs.index = Some(rx),
            Err(e) => log::warn!("search index not built: {e}"),
        }
    }

    /// Saves the KWIC lines as CSV where the user says (written atomically).
    fn export_kwic(&mut self) {
        let Some(result) = &self.state.view.search.outcome.result else {
            return;
        };
        let csv = kwic::to_csv(self.state.corpus.articles(), &result.lines);
        let name = format!(
            "{}.csv",
            crate::export::safe_file_stem(&format!("search {}", self.state.settings.search.query))
        );
        let future = rfd::AsyncFileDialog::new()
            .set_title("Save search results as CSV")
            .add_filter("CSV", &["csv"])
            .set_file_name(name)
            .save_file();
        let asked = Instant::now();
        self.spawn_export(move || {
            super::commands::save_from_dialog(future, asked, "Search results", || {
                Ok(csv.into_bytes())
            })
        });
    }
}

impl super::AppState {
    /// Runs the search again after its query, filters or the corpus changed: at once when
    /// nothing narrows the corpus or it is small, else on a worker (picked up by the app's
    /// per-frame logic). Returns whether the result was applied at once.
    pub fn search_changed(&mut self) -> bool {
        let query = match parse(&self.settings.search) {
            Ok(query) => query,
            Err(message) => {
                // the last good result stays while the user finishes typing
                self.view.search.error = Some(message);
                return false;
            }
        };
        self.view.search.error = None;
        self.view.search.generation += 1;
        if self.corpus.len() > super::derived::SYNC_MAX_ARTICLES {
            if !self.settings.search.is_active() {
                // every article shows at once; the counts follow from a worker
                let facets = std::mem::take(&mut self.view.search.outcome.facets);
                self.apply_search(SearchOutcome {
                    facets,
                    ..SearchOutcome::default()
                });
            }
            self.view.search.dirty = true;
            return !self.settings.search.is_active();
        }
        let never = AtomicBool::new(false);
        let order = self.view.search.order;
        match run(
            &self.search_input(),
            query.as_ref(),
            &self.settings.search,
            order,
            &never,
        ) {
            Some(outcome) => {
                self.apply_search(outcome);
                true
            }
            None => false,
        }
    }

    /// The corpus as a search run sees it.
    fn search_input(&self) -> SearchInput {
        SearchInput {
            snapshot: self.corpus.snapshot(),
            roots: self.corpus.roots().iter().map(|r| r.path.clone()).collect(),
            index: self.view.index.clone(),
        }
    }

    /// Shows a finished search: the list, the speakers and the corpus charts follow it.
    pub fn apply_search(&mut self, outcome: SearchOutcome) {
        // the hits of a common word in a large corpus are a vector per article
        super::drop_in_background(std::mem::replace(&mut self.view.search.outcome, outcome));
        self.view.search.current_line = None;
        self.refilter();
        self.refresh_table();
        // While a load runs, the searches it re-runs come back every few seconds; the counts
        // follow at the load's own pace (and at its end).
        if self.load.is_none() || self.recount_due_while_loading() {
            self.refresh_derived();
        }
    }

    /// Corpus indices of the articles passing the search and filters, in order. A search
    /// run over an older corpus can name articles gone since: those are left out.
    pub fn in_view(&self) -> Box<dyn Iterator<Item = usize> + '_> {
        let len = self.corpus.len();
        match &self.view.search.outcome.matched {
            Some(matched) => Box::new(matched.iter().copied().filter(move |&i| i < len)),
            None => Box::new(0..len),
        }
    }

    /// The articles the panels show: those passing the search and filters.
    pub fn view_snapshot(&self) -> Snapshot {
        if self.view.search.outcome.matched.is_none() {
            return self.corpus.snapshot();
        }
        let articles = self.corpus.articles();
        let (articles, statuses) = self
            .in_view()
            // a copy stays a copy even when its original is outside the view
            .map(|i| (Arc::clone(&articles[i]), self.corpus.dup_status(i)))
            .unzip();
        Snapshot { articles, statuses }
    }

    /// Opens the article of KWIC line `n` at its hit.
    fn open_line(&mut self, n: usize) {
        let Some(line) = self
            .view
            .search
            .outcome
            .result
            .as_ref()
            .and_then(|r| r.lines.get(n))
        else {
            return;
        };
        let (article, span) = (line.article, line.span.clone());
        if self.selection.selected != Some(article) {
            self.select(article);
        }
        self.selection.focus = Some(super::Focus {
            start: span.start,
            end: span.end,
            scroll_pending: true,
        });
        self.selection.list_scroll_pending = true;
        self.view.search.current_line = Some(n);
    }
}

#[cfg(test)]
mod tests {
    use super::super::AppState;

    #[test]
    fn a_search_over_an_older_corpus_never_names_articles_gone_since() {
        // A large corpus runs its search on a worker: after a folder closes, the last result
        // can still hold indices past the end until the new one arrives.
        let mut state = AppState::with_seeds();
        state.view.search.outcome.matched = Some(vec![0, 7, 9]);
        assert_eq!(state.in_view().collect::<Vec<_>>(), vec![0]);
        assert_eq!(state.view_snapshot().articles.len(), 1);
        state.refilter();
        assert_eq!(state.view.visible, vec![0]);
    }

    #[test]
    fn a_search_is_not_restarted_while_a_load_only_adds_articles() {
        use crate::app::Command;
        use crate::app::search::{KwicOrder, SearchCommand, SearchSettings, spawn};
        use crate::app::test_support::{large_app, poll_until};
        use crate::corpus::{Article, Origin};
        let mut app = large_app();
        app.run_command(Command::Search(SearchCommand::SetQuery("wheat".into())));
        app.poll_jobs();
        let first = app.jobs.search.as_ref().map(|job| job.generation);
        assert!(first.is_some(), "a worker searches a large corpus");
        // A load adds a batch while the search runs: it is left to finish.
        let text = "late story\n\nsource: wire| published: 1987-03-03\n\nMore wheat was sold.\n";
        let late = Article::from_text("/big/late.txt".into(), Origin::File, text.into(), "UTF-8");
        let root = app.state.corpus.roots().len() - 1;
        app.state.corpus.extend(root, [late.unwrap()]);
        app.state.corpus_changed();
        app.poll_jobs();
        if let Some(job) = &app.jobs.search {
            assert_eq!(Some(job.generation), first, "the running search was kept");
        }
        // What decides it: asked the same over a corpus that only grew.
        let job = spawn(
            app.state.search_input(),
            None,
            app.state.settings.search.clone(),
            KwicOrder::Position,
            0,
            || {},
        )
        .unwrap();
        let settings = app.state.settings.search.clone();
        let mut grown = app.state.corpus.articles().to_vec();
        assert!(job.still_answers(&settings, KwicOrder::Position, &grown));
        grown.push(std::sync::Arc::clone(&grown[0]));
        assert!(job.still_answers(&settings, KwicOrder::Position, &grown));
        assert!(!job.still_answers(&settings, KwicOrder::Date, &grown));
        let other = SearchSettings {
            query: "barley".into(),
            ..settings.clone()
        };
        assert!(!job.still_answers(&other, KwicOrder::Position, &grown));
        grown.remove(1);
        assert!(
            !job.still_answers(&settings, KwicOrder::Position, &grown),
            "one gone"
        );
        grown.truncate(10);
        assert!(!job.still_answers(&settings, KwicOrder::Position, &grown));
        // Its result is shown, then a new run adds the late article.
        let articles = app.state.corpus.len();
        poll_until(&mut app, |app| {
            let search = &app.state.view.search;
            !search.dirty && app.jobs.search.is_none()
        });
        let matched = app.state.view.search.outcome.matched.clone().unwrap();
        assert_eq!(matched.last(), Some(&(articles - 1)), "the late article");
    }

    #[test]
    fn a_search_asked_again_while_loading_waits_for_its_pause() {
        use crate::app::search::{KwicOrder, SearchSettings, SearchState};
        use std::time::{Duration, Instant};
        let copper = SearchSettings {
            query: "copper".into(),
            ..SearchSettings::default()
        };
        let mut state = SearchState::default();
        assert!(!state.shown_lately(&copper), "never shown");
        state.last_shown = Some((copper.clone(), KwicOrder::Position, Instant::now()));
        assert!(state.shown_lately(&copper));
        let tin = SearchSettings {
            query: "tin".into(),
            ..copper.clone()
        };
        assert!(!state.shown_lately(&tin), "a new query runs at once");
        state.order = KwicOrder::Date;
        assert!(!state.shown_lately(&copper), "a new order runs at once");
        state.order = KwicOrder::Position;
        let long_ago = Instant::now().checked_sub(Duration::from_secs(60)).unwrap();
        state.last_shown = Some((copper.clone(), KwicOrder::Position, long_ago));
        assert!(!state.shown_lately(&copper), "the pause is over");
    }
}
