//! The menu bar, the toolbar (open, save chart, issues, load progress), the notices bar, and
//! the issues and About windows.

use std::collections::BTreeMap;

use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_OUT, ZOOM_RESET};

use super::{COPY_CHART_SHORTCUT, FIND_SHORTCUT, OPEN_SHORTCUT, SAVE_SHORTCUT};
use crate::app::{AppState, Command, ThemeChoice, Zoom};
use crate::export::ExportFormat;

/// A menu entry with its shortcut shown; true when clicked (the menu then closes).
fn entry(ui: &mut egui::Ui, label: &str, shortcut: Option<&egui::KeyboardShortcut>) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    let clicked = ui.add(button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// File, View and Help menus: every action with its shortcut.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if entry(ui, "Open folder…", Some(&OPEN_SHORTCUT)) {
                commands.push(Command::OpenFolderDialog);
            }
            ui.menu_button("Open recent", |ui| {
                if state.settings.recent_folders.is_empty() {
                    ui.label("No recent folders");
                }
                for path in &state.settings.recent_folders {
                    if entry(ui, &path.display().to_string(), None) {
                        commands.push(Command::OpenPaths(vec![path.clone()]));
                    }
                }
            });
            ui.separator();
            let can_export = state.charts.chart.as_ref().is_some_and(|c| !c.is_empty());
            ui.add_enabled_ui(can_export && !state.charts.exporting, |ui| {
                if entry(ui, "Save chart PNG…", Some(&SAVE_SHORTCUT)) {
                    commands.push(Command::ExportChart(ExportFormat::Png { scale: 2 }));
                }
                if entry(ui, "Save chart SVG…", None) {
                    commands.push(Command::ExportChart(ExportFormat::Svg));
                }
                if entry(ui, "Save chart data (CSV)…", None) {
                    commands.push(Command::ExportChart(ExportFormat::Csv));
                }
                if entry(ui, "Copy chart image", Some(&COPY_CHART_SHORTCUT)) {
                    commands.push(Command::CopyChart);
                }
            });
            ui.separator();
            if entry(ui, "Quit", None) {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            if entry(ui, "Find articles", Some(&FIND_SHORTCUT)) {
                commands.push(Command::FocusFilter);
            }
            ui.separator();
            if entry(ui, "Zoom in", Some(&ZOOM_IN)) {
                commands.push(Command::Zoom(Zoom::In));
            }
            if entry(ui, "Zoom out", Some(&ZOOM_OUT)) {
                commands.push(Command::Zoom(Zoom::Out));
            }
            if entry(ui, "Actual size", Some(&ZOOM_RESET)) {
                commands.push(Command::Zoom(Zoom::Reset));
            }
            ui.separator();
            for (choice, label) in [
                (ThemeChoice::System, "Theme: follow the system"),
                (ThemeChoice::Light, "Theme: light"),
                (ThemeChoice::Dark, "Theme: dark"),
            ] {
                if ui.radio(state.settings.theme == choice, label).clicked() {
                    commands.push(Command::SetTheme(choice));
                    ui.close();
                }
            }
            ui.separator();
            if entry(ui, "Issues…", None) {
                commands.push(Command::ToggleIssues);
            }
            if entry(ui, "Speakers…", None) {
                commands.push(Command::ToggleSpeakers);
            }
            if entry(ui, "Reset UI", None) {
                commands.push(Command::ResetUi);
            }
        });
        ui.menu_button("Help", |ui| {
            if entry(ui, "About newslens", None) {
                commands.push(Command::ToggleAbout);
            }
        });
    });
}

/// Help → About: version, licence, and the licences of bundled data and fonts.
pub fn about_window_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new("About newslens")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ui.ctx(), |ui| {
            ui.heading(format!("newslens {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop explorer for folders of news articles: read them, see who is quoted saying what, chart the figures they mention. Works offline; never writes into the folders it reads.");
            ui.separator();
            ui.strong("Licences");
            ui.label(format!("newslens: {}.", env!("CARGO_PKG_LICENSE")));
            ui.label("Bundled article (seeds/): a CGTN news report, included as a sample for reading and testing; its copyright stays with its publisher.");
            ui.label("Interface fonts (from egui): Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT), Noto Emoji and Emoji Icon Font (SIL Open Font Licence 1.1). Chinese falls back to a bundled subset of Noto Sans CJK SC (SIL Open Font Licence 1.1) when the system has no such font; other scripts use the system's fonts.");
            ui.label("Libraries: egui, eframe and egui_plot (MIT or Apache-2.0), rfd (MIT), and others listed in Cargo.lock, each under its own licence.");
        });
    if !open {
        commands.push(Command::ToggleAbout);
    }
}

pub fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("newslens");
        ui.separator();
        if ui
            .button("Open folder…")
            .on_hover_text(
                "Read a folder of articles (Ctrl+O). You can also drop folders on the window.",
            )
            .clicked()
        {
            commands.push(Command::OpenFolderDialog);
        }
        let can_save =
            state.charts.chart.as_ref().is_some_and(|c| !c.is_empty()) && !state.charts.exporting;
        if ui
            .add_enabled(can_save, egui::Button::new("Save chart PNG…"))
            .on_hover_text(format!(
                "Save the chart on the right as a PNG image at 2× ({})",
                ui.ctx().format_shortcut(&SAVE_SHORTCUT)
            ))
            .clicked()
        {
            commands.push(Command::ExportChart(ExportFormat::Png { scale: 2 }));
        }
        let failures = state
            .issues
            .iter()
            .filter(|i| i.reason.is_failure())
            .count();
        let label = format!("Issues ({failures})");
        if ui
            .selectable_label(state.panels.show_issues, label)
            .on_hover_text("Files that were skipped or could not be read, with the reason")
            .clicked()
        {
            commands.push(Command::ToggleIssues);
        }
        if ui
            .button("Reset UI")
            .on_hover_text("Forget remembered panel sizes, zoom and scroll positions")
            .clicked()
        {
            commands.push(Command::ResetUi);
        }
        if let Some(p) = &state.load {
            ui.separator();
            let fraction = if p.files_total == 0 {
                0.0
            } else {
                p.files_done as f32 / p.files_total as f32
            };
            let text = p.summary(state.corpus.len(), p.started.elapsed());
            ui.add(
                egui::ProgressBar::new(fraction)
                    // Wide enough for the whole line, so no figure is cut off.
                    .desired_width(480.0)
                    .text(text),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelLoad);
            }
            super::busy::busy_indicator(ui, state.progress_interval);
        }
    });
}

pub fn notices_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if let Some(n) = state.notices.last() {
            let color = if n.is_error {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.label(egui::RichText::new(&n.text).color(color));
            if n.is_error
                && ui
                    .small_button("Copy details")
                    .on_hover_text("Copy this message, e.g. for a bug report")
                    .clicked()
            {
                ui.ctx().copy_text(n.text.clone());
            }
        }
        if state.notices.len() > 1 {
            ui.label(
                egui::RichText::new(format!("(+{} earlier)", state.notices.len() - 1))
                    .small()
                    .weak(),
            )
            .on_hover_text(
                state
                    .notices
                    .iter()
                    .rev()
                    .skip(1)
                    .map(|n| n.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        if ui.small_button("Dismiss").clicked() {
            commands.push(Command::DismissNotices);
        }
    });
}

/// Every skipped or failed file, grouped by reason, with counts.
pub fn issues_window_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new("Issues")
        .open(&mut open)
        .default_size([620.0, 380.0])
        .show(ui.ctx(), |ui| {
            if state.issues.is_empty() {
                ui.label("No file was skipped.");
                return;
            }
            let mut groups: BTreeMap<&str, Vec<&crate::corpus::load::LoadIssue>> = BTreeMap::new();
            for issue in &state.issues {
                groups.entry(issue.reason.kind()).or_default().push(issue);
            }
            ui.label(format!(
                "{} files skipped or unreadable; everything else loaded.",
                state.issues.len()
            ));
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (kind, issues) in &groups {
                    egui::CollapsingHeader::new(format!("{kind} ({})", issues.len()))
                        .default_open(groups.len() == 1)
                        .show(ui, |ui| {
                            // Long groups show their first thousand rows; the count is above.
                            for issue in issues.iter().take(1000) {
                                ui.label(format!(
                                    "{} — {}",
                                    issue.path.to_string_lossy(),
                                    issue.reason
                                ));
                            }
                        });
                }
            });
        });
    if !open {
        commands.push(Command::ToggleIssues);
    }
}
