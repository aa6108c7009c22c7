//! Everything derived from the whole corpus (counts, the speaker index, corpus-wide charts):
//! a full pass over every article. Small corpora compute it at once; large ones on a worker
//! thread from a snapshot, so a frame never waits for it while a big folder loads.

use std::sync::mpsc::Receiver;

use crate::corpus::collection::{Snapshot, counts_of};
use crate::corpus::speakers::{ManualMerge, SpeakerIndex, build};
use crate::corpus::{CorpusCounts, starts_with_same_articles};
use crate::export::chart::{ChartKind, ChartSpec, FigureFilter};
use crate::export::views;

use super::ChartView;

/// Up to this many articles, derived data is computed on the UI thread (well under a
/// millisecond per hundred articles); above, on a worker.
pub const SYNC_MAX_ARTICLES: usize = 2_000;

/// What the derivation needs besides the articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub merges: Vec<ManualMerge>,
    pub count_copies: bool,
    pub view: ChartView,
    pub corpus_name: String,
}

/// The result of one derivation.
pub struct Derived {
    pub counts: CorpusCounts,
    pub speakers: SpeakerIndex,
    /// The corpus-wide chart of `view` (none for the article view), with the measures on offer
    /// and the view as completed (the measure picked when none was chosen).
    pub chart: Option<CorpusChart>,
    /// How long the derivation took.
    pub took: std::time::Duration,
}

pub struct CorpusChart {
    pub view: ChartView,
    pub spec: ChartSpec,
    pub measures: Vec<(String, usize)>,
}

/// Counts, speakers and the corpus chart of `snapshot`.
pub fn derive(snapshot: &Snapshot, inputs: &Inputs) -> Derived {
    let started = std::time::Instant::now();
    let counts = counts_of(snapshot, inputs.count_copies);
    let speakers = build(snapshot, &inputs.merges, inputs.count_copies);
    let chart = corpus_chart(snapshot, &speakers, inputs);
    Derived {
        counts,
        speakers,
        chart,
        took: started.elapsed(),
    }
}

/// The corpus-wide chart of `inputs.view`; `None` for the article view.
pub fn corpus_chart(
    snapshot: &Snapshot,
    speakers: &SpeakerIndex,
    inputs: &Inputs,
) -> Option<CorpusChart> {
    let counted = || snapshot.counted(inputs.count_copies);
    let mut view = inputs.view.clone();
    let name = &inputs.corpus_name;
    let mut measures = Vec::new();
    let spec = match view.kind {
        ChartKind::Article => return None,
        ChartKind::Measure => {
            measures = views::measures(counted());
            if view.measure.is_empty()
                && let Some((top, _)) = measures.first()
            {
                view.measure = top.clone();
            }
            let filter = FigureFilter {
                family: None,
                measure: Some(view.measure.clone()),
            };
            views::measure_chart(counted(), &filter, view.timeline, name)
        }
        ChartKind::Speakers => views::speakers_chart(speakers, views::TOP_SPEAKERS, name),
        ChartKind::Sources => views::sources_chart(counted(), name),
    };
    Some(CorpusChart {
        view,
        spec,
        measures,
    })
}

/// What a derivation was made from: the same articles (the same `Arc`s, with the same
/// duplicate statuses) and inputs give the same result, so it need not run again.
#[derive(Debug)]
pub struct Basis {
    snapshot: Snapshot,
    inputs: Inputs,
}

impl Basis {
    /// Whether a derivation of `snapshot` and `inputs` would give the same result as this one.
    pub fn same_as(&self, snapshot: &Snapshot, inputs: &Inputs) -> bool {
        let mine = &self.snapshot;
        self.inputs == *inputs
            && mine.statuses == snapshot.statuses
            && mine.articles.len() == snapshot.articles.len()
            && starts_with_same_articles(&snapshot.articles, &mine.articles)
    }
}

/// Runs [`derive`] on a worker thread; `wake` is called when the result, and what it was made
/// from, are ready.
pub fn spawn(
    snapshot: Snapshot,
    inputs: Inputs,
    wake: impl Fn() + Send + 'static,
) -> std::io::Result<Receiver<(Derived, Basis)>> {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("corpus-derived".into())
        .spawn(move || {
            crate::corpus::load::background_priority();
            let derived = derive(&snapshot, &inputs);
            let _ = tx.send((derived, Basis { snapshot, inputs }));
            wake();
        })?;
    Ok(rx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{NewsLensApp, Persisted};
    use crate::corpus::{Article, Origin};

    #[test]
    fn large_corpora_are_counted_on_a_worker() {
        let mut app = NewsLensApp::with_persisted(Persisted::default(), None);
        let articles = (0..SYNC_MAX_ARTICLES).map(|i| {
            let text = format!(
                "story {i}\n\nsource: wire| published: 1987-03-02\n\n\
                 Trader number {i} said {} tonnes of wheat were sold.\n",
                i + 10
            );
            Article::from_text(format!("/big/{i}.txt").into(), Origin::File, text, "UTF-8").unwrap()
        });
        let root = app.state.corpus.add_root("/big".into());
        app.state.corpus.extend(root, articles);
        let before = app.state.facts.counts.articles;
        app.state.corpus_changed();
        // Not computed on this thread: the old counts stay until the worker answers.
        assert!(app.state.facts.derived_dirty);
        assert_eq!(app.state.facts.counts.articles, before);
        for _ in 0..1000 {
            app.poll_jobs();
            if !app.state.facts.derived_dirty && app.jobs.derived.is_none() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(app.state.facts.counts.articles, SYNC_MAX_ARTICLES + 1);
        assert!(app.state.facts.counts.figures >= SYNC_MAX_ARTICLES);
    }

    fn recount_done(app: &NewsLensApp) -> bool {
        !app.state.facts.derived_dirty && app.jobs.derived.is_none()
    }

    #[test]
    fn a_recount_of_what_was_counted_is_skipped_and_any_change_recounts() {
        let mut app = crate::app::test_support::large_app();
        crate::app::test_support::poll_until(&mut app, recount_done);
        assert!(app.state.facts.derived_from.is_some());
        // Asked again with nothing changed: no worker starts.
        app.state.refresh_derived();
        app.poll_jobs();
        assert!(recount_done(&app));
        // A setting the counts depend on.
        app.state.settings.count_copies = !app.state.settings.count_copies;
        app.state.refresh_derived();
        app.poll_jobs();
        assert!(app.jobs.derived.is_some());
        crate::app::test_support::poll_until(&mut app, recount_done);
        // An article edited in place: as many articles as before is not enough to skip.
        let corpus = &mut app.state.corpus;
        let (len, figures) = (corpus.len(), app.state.facts.counts.figures);
        let path = corpus.articles()[len - 1].path.clone();
        let text = "story\n\nsource: wire| published: 1987-03-02\n\nNothing sold.\n";
        let edited = Article::from_text(path, Origin::File, text.into(), "UTF-8").unwrap();
        corpus.insert(1, edited);
        assert_eq!(app.state.corpus.len(), len);
        app.state.refresh_derived();
        app.poll_jobs();
        assert!(app.jobs.derived.is_some());
        crate::app::test_support::poll_until(&mut app, recount_done);
        assert_eq!(app.state.facts.counts.figures, figures - 1);
    }
}
