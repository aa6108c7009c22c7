//! Watching open folders: new, changed and deleted files update the corpus within a second or
//! two, without a restart and without reloading everything.
//!
//! The watcher's callback only queues paths (bounded, never blocking); `logic` waits until the
//! folder is quiet for [`QUIET`], then re-reads just those files on a background thread.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, sync_channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::NewsLensApp;
use crate::corpus::load::{IssueReason, LoadIssue, LoadedFile, load_file};

/// How long a folder must be quiet before changed files are re-read (editors write in bursts).
const QUIET: Duration = Duration::from_millis(400);

/// A watch on one opened folder.
pub struct FolderWatch {
    pub root_path: PathBuf,
    events: Receiver<PathBuf>,
    _watcher: notify::RecommendedWatcher,
}

/// Changed files re-read in the background: each path with its new article, or why it is gone.
pub type Refreshed = Vec<(PathBuf, Result<LoadedFile, IssueReason>)>;

/// Starts watching `root` recursively. `wake` is called on each event.
pub fn watch_folder(
    root: &Path,
    wake: impl Fn() + Send + Sync + 'static,
) -> notify::Result<FolderWatch> {
    let (tx, rx) = sync_channel(4096);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            if tx.try_send(path).is_err() {
                log::warn!("too many file changes at once; some were not noticed");
            }
        }
        wake();
    })?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    Ok(FolderWatch {
        root_path: root.to_path_buf(),
        events: rx,
        _watcher: watcher,
    })
}

/// Watch state of the app.
#[derive(Default)]
pub struct Watches {
    pub folders: Vec<FolderWatch>,
    /// Watchers being created on a loading thread, by folder.
    starting: Vec<(PathBuf, Receiver<FolderWatch>)>,
    changed: BTreeSet<PathBuf>,
    last_event: Option<Instant>,
    refresh: Option<Receiver<Refreshed>>,
}

impl NewsLensApp {
    /// What starts watching the folder `root_path`, to run on the loading thread before its
    /// walk (creating a watcher reads the whole tree, too slow for a frame); the watcher
    /// reaches the app through a channel, with the events since. Files given one by one, and
    /// folders already watched, need nothing.
    pub(crate) fn watch_starter(&mut self, root_path: &Path) -> impl FnOnce() + Send + 'static {
        let w = &mut self.jobs.watches;
        let watched = w.folders.iter().any(|f| f.root_path == root_path)
            || w.starting.iter().any(|(p, _)| p == root_path);
        let root = (!watched && root_path.is_dir()).then(|| root_path.to_path_buf());
        let (tx, rx) = sync_channel(1);
        if let Some(root) = &root {
            w.starting.push((root.clone(), rx));
        }
        let wake = self.repaint_handle();
        move || {
            let Some(root) = root else {
                return;
            };
            match watch_folder(&root, wake) {
                // The app may have closed the folder meanwhile: then the watcher just ends.
                Ok(watch) => drop(tx.send(watch)),
                Err(e) => log::warn!("cannot watch {}: {e}", root.display()),
            }
        }
    }

    pub(crate) fn stop_watch(&mut self, root_path: &Path) {
        let w = &mut self.jobs.watches;
        w.folders.retain(|f| f.root_path != root_path);
        w.starting.retain(|(p, _)| p != root_path);
    }

    /// Collects file events; once quiet, re-reads the changed files in the background and
    /// applies the results.
    pub(crate) fn poll_watches(&mut self) {
        let w = &mut self.jobs.watches;
        let mut started = Vec::new();
        w.starting.retain(|(_, rx)| match rx.try_recv() {
            Ok(watch) => {
                started.push(watch);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        w.folders.extend(started);
        for folder in &w.folders {
            while let Ok(path) = folder.events.try_recv() {
                let hidden = path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if !hidden {
                    w.changed.insert(path);
                    w.last_event = Some(Instant::now());
                }
            }
        }
        if let Some(rx) = &w.refresh {
            match rx.try_recv() {
                Ok(results) => {
                    w.refresh = None;
                    self.apply_refreshed(results);
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => w.refresh = None,
            }
            return;
        }
        let w = &mut self.jobs.watches;
        let quiet = w.last_event.is_some_and(|t| t.elapsed() >= QUIET);
        if w.changed.is_empty() || !quiet || self.jobs.load.is_some() {
            if !w.changed.is_empty()
                && let Some(ctx) = &self.egui_ctx
            {
                ctx.request_repaint_after(QUIET);
            }
            return;
        }
        let paths: Vec<PathBuf> = std::mem::take(&mut w.changed).into_iter().collect();
        let (tx, rx) = sync_channel(1);
        let wake = self.repaint_handle();
        let spawned = std::thread::Builder::new()
            .name("folder-refresh".into())
            .spawn(move || {
                crate::corpus::load::background_priority();
                let results = paths
                    .into_iter()
                    .filter(|p| !p.is_dir())
                    .map(|p| {
                        let r = if p.exists() {
                            load_file(&p)
                        } else {
                            Err(IssueReason::Missing)
                        };
                        (p, r)
                    })
                    .collect();
                let _ = tx.send(results);
                wake();
            });
        match spawned {
            Ok(_) => self.jobs.watches.refresh = Some(rx),
            Err(e) => log::warn!("cannot re-read changed files: {e}"),
        }
    }

    fn apply_refreshed(&mut self, results: Refreshed) {
        let keep = self.state.selected_article().map(|a| a.path.clone());
        let mut changed = 0;
        for (path, result) in results {
            // Files the walk would skip stay skipped (other types), unless already loaded.
            let known = self.state.corpus.articles().iter().any(|a| a.path == path);
            match result {
                Ok(loaded) if known || crate::corpus::load::has_text_extension(&path) => {
                    let root = self
                        .state
                        .corpus
                        .roots()
                        .iter()
                        .position(|r| path.starts_with(&r.path));
                    if let Some(root) = root {
                        // A multi-article file may have lost items: replace them all.
                        self.state.corpus.remove_under(&path);
                        changed += loaded.articles.len().max(1);
                        self.state.corpus.extend(root, loaded.articles);
                        self.state.issues.retain(|i| i.path != path);
                        self.state
                            .issues
                            .extend(loaded.skipped.into_iter().map(|what| LoadIssue {
                                path: path.clone(),
                                reason: IssueReason::PartSkipped(what),
                            }));
                    }
                }
                Ok(_) => {}
                Err(IssueReason::Missing) => {
                    changed += self.state.corpus.remove_under(&path);
                }
                Err(reason) => {
                    if known {
                        changed += self.state.corpus.remove_under(&path);
                    }
                    if crate::corpus::load::has_text_extension(&path) {
                        self.state.issues.retain(|i| i.path != path);
                        self.state.issues.push(LoadIssue { path, reason });
                    }
                }
            }
        }
        if changed > 0 {
            self.state.corpus_changed();
            self.state.reselect(keep);
            log::info!("{changed} articles updated from disk");
        }
    }
}
