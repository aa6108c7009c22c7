//! Per-frame work that is not drawing: draining the background load, the folder dialog and
//! the chart export.

use std::sync::mpsc::TryRecvError;
use std::time::{Duration, Instant};

use super::{ExportOutcome, NewsLensApp};
use crate::corpus::load::LoadEvent;

/// Shown when a file dialog returns at once: rfd found neither a desktop portal nor zenity.
pub const NO_DIALOG_HINT: &str = "No file dialog is available on this system. Drag a folder \
onto the window, pass folders on the command line, or install xdg-desktop-portal-gtk or zenity.";

/// A dialog answering faster than this was never shown to the user.
pub(crate) const INSTANT_DIALOG: Duration = Duration::from_millis(50);

/// Time a frame spends taking in loaded articles at most (checked between events of at most
/// a few hundred articles each), so a fast load never stalls a frame; the rest waits for the
/// next frame. When progress is drawn less often than ten times a second, a frame takes in
/// a tenth of the interval instead, so the load's events never pile up between frames.
const LOAD_BUDGET_PER_FRAME: Duration = Duration::from_millis(4);

/// Job polling slower than this in one frame is logged (at debug level) with its parts.
const SLOW_JOBS: Duration = Duration::from_millis(8);

impl NewsLensApp {
    /// Drains every background job's results into the state.
    pub fn poll_jobs(&mut self) {
        let started = Instant::now();
        self.poll_load();
        let load = started.elapsed();
        self.poll_folder_dialog();
        self.poll_export();
        self.poll_watches();
        let others = started.elapsed();
        self.poll_index();
        self.poll_search();
        self.poll_table();
        let search = started.elapsed();
        self.poll_derived();
        let all = started.elapsed();
        // A frame has 16 ms; say where they went when the jobs alone take half of that.
        if all > SLOW_JOBS {
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            log::debug!(
                "slow frame work: load {:.1} ms, dialogs/export/watch {:.1} ms, index, search and \
                 table {:.1} ms, derived {:.1} ms",
                ms(load),
                ms(others - load),
                ms(search - others),
                ms(all - search)
            );
        }
    }

    /// Takes in a finished derivation, and starts one when the corpus changed since.
    fn poll_derived(&mut self) {
        if let Some(rx) = &self.jobs.derived {
            match rx.try_recv() {
                Ok((result, basis)) => {
                    self.jobs.derived = None;
                    self.state.apply_derived(result);
                    self.state.facts.derived_from = Some(basis);
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => self.jobs.derived = None,
            }
        }
        if !self.state.facts.derived_dirty {
            return;
        }
        self.state.facts.derived_dirty = false;
        let inputs = self.state.derived_inputs();
        let snapshot = self.state.view_snapshot();
        let facts = &self.state.facts;
        if facts
            .derived_from
            .as_ref()
            .is_some_and(|b| b.same_as(&snapshot, &inputs))
        {
            log::debug!("corpus recount skipped: the articles and settings are those counted");
            return;
        }
        // While a load runs, its next progress frame shows the counts (no frame of their own).
        let pace = match self.state.load {
            Some(_) => self.state.progress_interval,
            None => Duration::ZERO,
        };
        match super::derived::spawn(snapshot, inputs, self.paced_repaint_handle(pace)) {
            Ok(rx) => self.jobs.derived = Some(rx),
            Err(e) => self
                .state
                .notify(format!("Could not update corpus counts: {e}"), true),
        }
    }

    fn poll_load(&mut self) {
        let Some((root, job)) = &self.jobs.load else {
            return;
        };
        let root = *root;
        let mut finished = None;
        let mut added = false;
        let started = Instant::now();
        let budget = LOAD_BUDGET_PER_FRAME.max(self.state.progress_interval / 10);
        loop {
            if started.elapsed() >= budget {
                if let Some(ctx) = &self.egui_ctx {
                    ctx.request_repaint();
                }
                break;
            }
            let event = match job.events.try_recv() {
                Ok(e) => e,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    finished = Some((Duration::ZERO, true));
                    break;
                }
            };
            match event {
                LoadEvent::Started { files_total } => {
                    if let Some(p) = &mut self.state.load {
                        p.files_total = files_total;
                    }
                    self.state.corpus.reserve(files_total);
                }
                LoadEvent::Articles(articles) => {
                    self.state.corpus.extend(root, articles);
                    added = true;
                }
                LoadEvent::Issues(issues) => self.state.issues.extend(issues),
                LoadEvent::Progress {
                    files_done,
                    bytes_done,
                } => {
                    if let Some(p) = &mut self.state.load {
                        p.files_done = files_done;
                        p.bytes_done = bytes_done;
                    }
                }
                LoadEvent::Finished { elapsed, cancelled } => {
                    finished = Some((elapsed, cancelled));
                    break;
                }
            }
        }
        if added {
            // When the load also finished, the recount below does it once.
            if finished.is_none() && self.state.recount_due_while_loading() {
                self.state.corpus_changed();
            } else {
                self.state.refilter();
            }
            // The article selected in a previous session, once it arrives.
            if let Some(last) = self.state.settings.last_article.clone()
                && let Some(i) = self.state.corpus.index_of(&last)
            {
                self.state.select(i);
                self.state.settings.last_article = None;
            }
        }
        if let Some((elapsed, cancelled)) = finished {
            self.jobs.load = None;
            self.state.corpus.set_loading(root, false);
            let loaded = self.state.load.take().map_or(0, |p| p.files_done);
            let failures = self
                .state
                .issues
                .iter()
                .filter(|i| i.reason.is_failure())
                .count();
            let what = if cancelled {
                "Load cancelled"
            } else {
                "Loaded"
            };
            self.state.notify(
                format!(
                    "{what}: {loaded} files read in {:.1} s; {} articles in all; {failures} files could not be read (see Issues).",
                    elapsed.as_secs_f64(),
                    self.state.corpus.len()
                ),
                false,
            );
            self.state.corpus_changed();
            let queued = std::mem::take(&mut self.jobs.queued_paths);
            self.open_paths(queued);
        }
    }

    fn poll_folder_dialog(&mut self) {
        let Some((asked, rx)) = &self.jobs.folder_dialog else {
            return;
        };
        let answer = match rx.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => None,
        };
        let instant = asked.elapsed() < INSTANT_DIALOG;
        self.jobs.folder_dialog = None;
        match answer {
            Some(path) => self.open_paths(vec![path]),
            None if instant => self.state.notify(NO_DIALOG_HINT, true),
            None => log::info!("folder dialog cancelled"),
        }
    }

    fn poll_export(&mut self) {
        let Some(rx) = &self.jobs.export else {
            return;
        };
        let outcome = match rx.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                ExportOutcome::Failed("The chart export stopped unexpectedly.".into())
            }
        };
        self.jobs.export = None;
        self.state.charts.exporting = false;
        match outcome {
            ExportOutcome::Saved(msg) => self.state.notify(msg, false),
            ExportOutcome::Copied(image) => {
                let [w, h] = image.size;
                match &self.egui_ctx {
                    Some(ctx) => {
                        ctx.copy_image(image);
                        self.state.notify(
                            format!("Chart copied to the clipboard ({w}×{h} pixels)."),
                            false,
                        );
                    }
                    None => self.state.notify("No window to copy the chart from.", true),
                }
            }
            ExportOutcome::Cancelled => {}
            ExportOutcome::Failed(msg) => self.state.notify(msg, true),
        }
    }
}
