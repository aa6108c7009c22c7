//! Commands: what the panels ask for while drawing, applied after drawing.

use std::path::PathBuf;
use std::time::Instant;

use super::{ChartView, ExportOutcome, Focus, NewsLensApp, ThemeChoice, Zoom};
use crate::corpus::load;
use crate::export::ExportFormat;

/// An intent sent by a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the folder dialog (on its own thread).
    OpenFolderDialog,
    /// Load these folders or files in the background.
    OpenPaths(Vec<PathBuf>),
    CancelLoad,
    SelectArticle(usize),
    /// Highlight a byte span of the selected article and scroll to it.
    FocusSpan {
        start: usize,
        end: usize,
    },
    /// Ask where to save (the file dialog confirms replacing a file), then write the chart
    /// shown in this format.
    ExportChart(ExportFormat),
    /// Render the chart shown and put the image on the clipboard.
    CopyChart,
    /// Exported images on a dark background (the window keeps its theme).
    SetExportDark(bool),
    /// Show another chart (an article's, a measure across the corpus, speakers, sources).
    SetChartView(ChartView),
    /// Move the selection up or down the (filtered) list.
    SelectStep(i32),
    /// Put the keyboard in the list filter (Ctrl+F).
    FocusFilter,
    Zoom(Zoom),
    SetTheme(ThemeChoice),
    ToggleAbout,
    /// Open an article (by key) at a byte span: a chart bar's sentence.
    OpenFigure {
        article: PathBuf,
        start: usize,
        end: usize,
    },
    SetFilter(String),
    /// Close an opened folder (its articles leave the list; nothing on disk changes).
    RemoveRoot(usize),
    /// Read an opened folder again.
    ReloadRoot(usize),
    /// Count duplicate stories in corpus-wide numbers, or each story once.
    SetCountCopies(bool),
    ToggleIssues,
    /// Show all quotes of a speaker across the corpus (`None`: the article's quotes).
    ShowSpeaker(Option<String>),
    /// Open a quote's article at the quote.
    OpenQuote {
        article: usize,
        start: usize,
        end: usize,
    },
    /// Merge speaker `alias` into `into` (by hand), or undo the last merge.
    MergeSpeakers {
        alias: String,
        into: String,
    },
    UndoSpeakerMerge,
    ToggleSpeakers,
    /// Forget egui's remembered layout, zoom and scroll state.
    ResetUi,
    DismissNotices,
    /// The search box, the filters and the KWIC lines.
    Search(super::search::SearchCommand),
    /// The Figures and Quotes tables.
    Table(super::tables::TableCommand),
}

impl NewsLensApp {
    /// Applies the queued commands.
    pub fn run_pending(&mut self) {
        for command in std::mem::take(&mut self.pending) {
            self.run_command(command);
        }
    }

    pub fn run_command(&mut self, command: Command) {
        match command {
            Command::OpenFolderDialog => self.open_folder_dialog(),
            Command::OpenPaths(paths) => self.open_paths(paths),
            Command::CancelLoad => {
                if let Some((_, job)) = &self.jobs.load {
                    job.cancel();
                }
                self.jobs.queued_paths.clear();
            }
            Command::RemoveRoot(root) => self.remove_root(root),
            Command::ReloadRoot(root) => {
                if let Some(path) = self.state.corpus.roots().get(root).map(|r| r.path.clone()) {
                    let keep = self.state.selected_article().map(|a| a.path.clone());
                    self.state.corpus.clear_root(root);
                    self.state.corpus_changed();
                    self.state.reselect(keep);
                    self.open_paths(vec![path]);
                }
            }
            Command::SetCountCopies(on) => {
                self.state.settings.count_copies = on;
                self.state.corpus_changed();
            }
            Command::SelectArticle(i) => self.state.select(i),
            Command::FocusSpan { start, end } => {
                self.state.selection.focus = Some(Focus {
                    start,
                    end,
                    scroll_pending: true,
                });
            }
            Command::ExportChart(format) => self.export_chart(format),
            Command::CopyChart => self.copy_chart(),
            Command::SelectStep(step) => {
                let visible = &self.state.view.visible;
                let at = self
                    .state
                    .selection
                    .selected
                    .and_then(|s| visible.iter().position(|&v| v == s));
                let next = match at {
                    Some(p) => p
                        .saturating_add_signed(step as isize)
                        .min(visible.len().saturating_sub(1)),
                    None => 0,
                };
                if let Some(&index) = visible.get(next) {
                    self.state.select(index);
                    self.state.selection.list_scroll_pending = true;
                }
            }
            Command::FocusFilter => {
                if let Some(ctx) = &self.egui_ctx {
                    ctx.memory_mut(|m| m.request_focus(crate::ui::corpus_list::filter_id()));
                }
            }
            Command::Zoom(step) => {
                if let Some(ctx) = &self.egui_ctx {
                    match step {
                        Zoom::In => egui::gui_zoom::zoom_in(ctx),
                        Zoom::Out => egui::gui_zoom::zoom_out(ctx),
                        Zoom::Reset => ctx.set_zoom_factor(1.0),
                    }
                }
            }
            Command::SetTheme(choice) => {
                self.state.settings.theme = choice;
                if let Some(ctx) = &self.egui_ctx {
                    ctx.set_theme(choice.preference());
                }
            }
            Command::ToggleAbout => self.state.panels.show_about = !self.state.panels.show_about,
            Command::SetExportDark(dark) => self.state.settings.export_dark = dark,
            Command::SetChartView(view) => self.state.set_chart_view(view),
            Command::OpenFigure {
                article,
                start,
                end,
            } => match self.state.corpus.index_of(&article) {
                Some(i) => self.run_command(Command::OpenQuote {
                    article: i,
                    start,
                    end,
                }),
                None => self
                    .state
                    .notify(format!("{} is no longer open.", article.display()), false),
            },
            Command::Search(c) => self.run_search_command(c),
            Command::Table(c) => self.run_table_command(c),
            Command::SetFilter(f) => {
                self.state.view.filter = f;
                self.state.refilter();
            }
            Command::ToggleIssues => self.state.panels.show_issues = !self.state.panels.show_issues,
            Command::ToggleSpeakers => {
                self.state.panels.show_speakers = !self.state.panels.show_speakers
            }
            Command::ShowSpeaker(name) => self.state.selection.speaker_view = name,
            Command::OpenQuote {
                article,
                start,
                end,
            } => {
                if self.state.selection.selected != Some(article) {
                    self.state.select(article);
                }
                self.state.selection.focus = Some(Focus {
                    start,
                    end,
                    scroll_pending: true,
                });
            }
            Command::MergeSpeakers { alias, into } => {
                if !alias.eq_ignore_ascii_case(&into) {
                    self.state
                        .settings
                        .speaker_merges
                        .push(crate::corpus::speakers::ManualMerge { alias, into });
                    self.state.corpus_changed();
                }
            }
            Command::UndoSpeakerMerge => {
                if self.state.settings.speaker_merges.pop().is_some() {
                    self.state.corpus_changed();
                }
            }
            Command::ResetUi => {
                if let Some(ctx) = &self.egui_ctx {
                    ctx.memory_mut(|m| *m = Default::default());
                    ctx.set_zoom_factor(1.0);
                }
                self.state.notify("Layout and zoom reset.", false);
            }
            Command::DismissNotices => self.state.notices.clear(),
        }
    }

    fn open_folder_dialog(&mut self) {
        if self.jobs.folder_dialog.is_some() {
            return;
        }
        // The dialog is created on the UI thread (macOS requires it) and awaited on its own
        // thread, so the window keeps painting while it is open.
        let future = rfd::AsyncFileDialog::new()
            .set_title("Open a folder of news articles")
            .pick_folder();
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let wake = self.repaint_handle();
        let spawned = std::thread::Builder::new()
            .name("folder-dialog".into())
            .spawn(move || {
                let picked = pollster::block_on(future).map(|h| h.path().to_path_buf());
                let _ = tx.send(picked);
                wake();
            });
        match spawned {
            Ok(_) => self.jobs.folder_dialog = Some((Instant::now(), rx)),
            Err(e) => self
                .state
                .notify(format!("Could not open the folder dialog: {e}"), true),
        }
    }

    fn remove_root(&mut self, root: usize) {
        if self
            .jobs
            .load
            .as_ref()
            .is_some_and(|(loading, _)| *loading == root)
        {
            self.state
                .notify("Cancel the running load before closing its folder.", false);
            return;
        }
        let keep = self.state.selected_article().map(|a| a.path.clone());
        if let Some(path) = self.state.corpus.roots().get(root).map(|r| r.path.clone()) {
            self.stop_watch(&path);
        }
        self.state.corpus.remove_root(root);
        if let Some((loading, _)) = &mut self.jobs.load
            && *loading > root
        {
            *loading -= 1;
        }
        self.state.corpus_changed();
        self.state.reselect(keep);
    }

    /// Starts loading `paths` one root at a time (each folder listed with its own count);
    /// paths arriving during a load wait for it.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        let mut paths = paths.into_iter();
        let Some(first) = paths.next() else {
            return;
        };
        self.jobs.queued_paths.extend(paths);
        if self.jobs.load.is_some() {
            self.jobs.queued_paths.insert(0, first);
            return;
        }
        // Absolute paths, so the same folder opened twice is one root.
        let path = std::fs::canonicalize(&first).unwrap_or(first);
        if !path.exists() {
            self.state.notify(
                format!("{} no longer exists; it was not opened.", path.display()),
                true,
            );
            let queued = std::mem::take(&mut self.jobs.queued_paths);
            return self.open_paths(queued);
        }
        if path.is_dir() {
            let recent = &mut self.state.settings.recent_folders;
            recent.retain(|r| r != &path);
            recent.insert(0, path.clone());
            recent.truncate(10);
        }
        let root = self.state.corpus.add_root(path.clone());
        self.state.corpus.set_loading(root, true);
        let start_watch = self.watch_starter(&path);
        let wake = self.paced_repaint_handle(self.state.progress_interval);
        match load::spawn_load(vec![path], start_watch, wake) {
            Ok(job) => {
                self.jobs.load = Some((root, job));
                self.state.load = Some(super::LoadProgress {
                    files_done: 0,
                    files_total: 0,
                    bytes_done: 0,
                    articles_before: self.state.corpus.len(),
                    started: Instant::now(),
                });
            }
            Err(e) => self
                .state
                .notify(format!("Could not start loading: {e}"), true),
        }
    }

    /// The chart shown, if it has anything to export.
    fn chart_to_export(&mut self) -> Option<crate::export::chart::ChartSpec> {
        let spec = self.state.charts.chart.clone().filter(|c| !c.is_empty());
        if spec.is_none() {
            self.state.notify("There is nothing to chart here.", false);
        }
        spec
    }

    fn export_chart(&mut self, format: ExportFormat) {
        if self.jobs.export.is_some() {
            return;
        }
        let Some(spec) = self.chart_to_export() else {
            return;
        };
        let dark = self.state.settings.export_dark;
        let file_name = format!(
            "{}.{}",
            crate::export::safe_file_stem(&spec.title),
            format.extension()
        );
        // rfd's dialogs (portal, GTK, zenity, Windows, macOS) all ask before replacing a file.
        let future = rfd::AsyncFileDialog::new()
            .set_title(format!("Save chart as {}", format.description()))
            .add_filter(format.description(), &[format.extension()])
            .set_file_name(file_name)
            .save_file();
        let asked = Instant::now();
        self.spawn_export(move || {
            save_from_dialog(future, asked, "Chart", || {
                crate::render::export_bytes(&spec, format, dark)
                    .map_err(|e| format!("Could not render the chart: {e}"))
            })
        });
    }

    fn copy_chart(&mut self) {
        if self.jobs.export.is_some() {
            return;
        }
        let Some(spec) = self.chart_to_export() else {
            return;
        };
        let dark = self.state.settings.export_dark;
        self.spawn_export(
            move || match crate::render::render_chart_rgba(&spec, 2.0, dark) {
                Ok(image) => {
                    let size = [image.width() as usize, image.height() as usize];
                    ExportOutcome::Copied(egui::ColorImage::from_rgba_unmultiplied(
                        size,
                        image.as_raw(),
                    ))
                }
                Err(e) => ExportOutcome::Failed(format!("Could not render the chart: {e}")),
            },
        );
    }

    /// Runs an export on its own thread; its outcome arrives in [`Self::poll_jobs`].
    pub(super) fn spawn_export(&mut self, work: impl FnOnce() -> ExportOutcome + Send + 'static) {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let wake = self.repaint_handle();
        let spawned = std::thread::Builder::new()
            .name("chart-export".into())
            .spawn(move || {
                let _ = tx.send(work());
                wake();
            });
        match spawned {
            Ok(_) => {
                self.jobs.export = Some(rx);
                self.state.charts.exporting = true;
            }
            Err(e) => self
                .state
                .notify(format!("Could not start the export: {e}"), true),
        }
    }
}

/// Waits for the save dialog `future` (shown at `asked`), then makes the file's bytes and
/// writes them there atomically; `what` names the file in the message (`Chart saved to …`).
pub(super) fn save_from_dialog(
    future: impl std::future::Future<Output = Option<rfd::FileHandle>>,
    asked: Instant,
    what: &str,
    bytes: impl FnOnce() -> Result<Vec<u8>, String>,
) -> ExportOutcome {
    match pollster::block_on(future) {
        Some(handle) => {
            let path = handle.path().to_path_buf();
            let written = bytes().and_then(|bytes| {
                crate::export::write_atomic(&path, &bytes)
                    .map_err(|e| format!("Could not write {}: {e}", path.display()))
            });
            match written {
                Ok(()) => ExportOutcome::Saved(format!("{what} saved to {}", path.display())),
                Err(e) => ExportOutcome::Failed(e),
            }
        }
        None if asked.elapsed() < super::logic::INSTANT_DIALOG => {
            ExportOutcome::Failed(super::logic::NO_DIALOG_HINT.into())
        }
        None => ExportOutcome::Cancelled,
    }
}
