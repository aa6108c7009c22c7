//! Commands: what the panels ask for while drawing, applied after drawing.

use std::path::PathBuf;
use std::time::Instant;

use super::{Focus, NewsLensApp};
use crate::corpus::load;

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
    /// Ask where to save, then write the selected article's chart as PNG.
    SaveChartPng,
    SetFilter(String),
    ToggleIssues,
    DismissNotices,
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
                if let Some(job) = &self.jobs.load {
                    job.cancel();
                }
                self.jobs.queued_paths.clear();
            }
            Command::SelectArticle(i) => self.state.select(i),
            Command::FocusSpan { start, end } => {
                self.state.focus = Some(Focus {
                    start,
                    end,
                    scroll_pending: true,
                });
            }
            Command::SaveChartPng => self.save_chart_png(),
            Command::SetFilter(f) => {
                self.state.filter = f;
                self.state.refilter();
            }
            Command::ToggleIssues => self.state.show_issues = !self.state.show_issues,
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

    /// Starts loading `paths`, or queues them behind the running load.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        for p in &paths {
            if p.is_dir() {
                self.persisted.recent_folders.retain(|r| r != p);
                self.persisted.recent_folders.insert(0, p.clone());
                self.persisted.recent_folders.truncate(10);
            }
        }
        if self.jobs.load.is_some() {
            self.jobs.queued_paths.extend(paths);
            return;
        }
        match load::spawn_load(paths, self.repaint_handle()) {
            Ok(job) => {
                self.jobs.load = Some(job);
                self.state.load = Some(super::LoadProgress {
                    files_done: 0,
                    files_total: 0,
                    bytes_done: 0,
                    bytes_total: 0,
                    started: Instant::now(),
                });
            }
            Err(e) => self
                .state
                .notify(format!("Could not start loading: {e}"), true),
        }
    }

    fn save_chart_png(&mut self) {
        if self.jobs.export.is_some() {
            return;
        }
        let Some(spec) = self.state.chart.clone().filter(|c| !c.is_empty()) else {
            self.state
                .notify("This article has no figures to chart.", false);
            return;
        };
        let file_name = format!("{}.png", crate::export::safe_file_stem(&spec.title));
        let future = rfd::AsyncFileDialog::new()
            .set_title("Save chart as PNG")
            .add_filter("PNG image", &["png"])
            .set_file_name(file_name)
            .save_file();
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let wake = self.repaint_handle();
        let asked = Instant::now();
        let spawned = std::thread::Builder::new()
            .name("chart-export".into())
            .spawn(move || {
                let result = match pollster::block_on(future) {
                    Some(handle) => {
                        let path = handle.path().to_path_buf();
                        crate::ui::figures_chart::render_chart_png(&spec, 2.0, false)
                            .map_err(|e| format!("Could not render the chart: {e}"))
                            .and_then(|png| {
                                crate::export::write_atomic(&path, &png)
                                    .map_err(|e| format!("Could not write {}: {e}", path.display()))
                            })
                            .map(|()| format!("Chart saved to {}", path.display()))
                    }
                    None if asked.elapsed().as_millis() < 50 => {
                        Err(super::logic::NO_DIALOG_HINT.into())
                    }
                    None => Ok(String::new()),
                };
                let _ = tx.send(result);
                wake();
            });
        match spawned {
            Ok(_) => {
                self.jobs.export = Some(rx);
                self.state.exporting = true;
            }
            Err(e) => self
                .state
                .notify(format!("Could not start the export: {e}"), true),
        }
    }
}
