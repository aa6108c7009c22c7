//! Apps for tests of background work: a corpus too large for the UI thread, and polling.

use crate::app::{NewsLensApp, Persisted};
use crate::corpus::{Article, Origin};

/// An app holding more articles than are handled on the UI thread: article `i` sells
/// `(i * 7919) % 5000 + 10` tonnes, so values are not in article order.
pub(crate) fn large_app() -> NewsLensApp {
    let mut app = NewsLensApp::with_persisted(Persisted::default(), None);
    let count = crate::app::derived::SYNC_MAX_ARTICLES;
    let articles = (0..count).map(|i| {
        let text = format!(
            "story {i}\n\nsource: wire| published: 1987-03-02\n\n\
             Trader number {i} said {} tonnes of wheat were sold.\n",
            (i * 7919) % 5000 + 10
        );
        Article::from_text(format!("/big/{i}.txt").into(), Origin::File, text, "UTF-8").unwrap()
    });
    let root = app.state.corpus.add_root("/big".into());
    app.state.corpus.extend(root, articles);
    app.state.corpus_changed();
    app
}

/// Polls the app's jobs until `done` holds (at most about five seconds).
pub(crate) fn poll_until(app: &mut NewsLensApp, done: impl Fn(&NewsLensApp) -> bool) {
    for _ in 0..1000 {
        app.poll_jobs();
        if done(app) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the background work did not finish");
}
