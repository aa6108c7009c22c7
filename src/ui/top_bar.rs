//! The toolbar (open, save chart, issues, load progress), the notices bar and the issues window.

use std::collections::BTreeMap;

use crate::app::{AppState, Command};

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
        let can_save = state.chart.as_ref().is_some_and(|c| !c.is_empty()) && !state.exporting;
        if ui
            .add_enabled(can_save, egui::Button::new("Save chart PNG…"))
            .on_hover_text("Save the figures chart of this article as a PNG image (Ctrl+S)")
            .clicked()
        {
            commands.push(Command::SaveChartPng);
        }
        let failures = state
            .issues
            .iter()
            .filter(|i| i.reason.is_failure())
            .count();
        let label = format!("Issues ({failures})");
        if ui
            .selectable_label(state.show_issues, label)
            .on_hover_text("Files that were skipped or could not be read, with the reason")
            .clicked()
        {
            commands.push(Command::ToggleIssues);
        }
        if let Some(p) = &state.load {
            ui.separator();
            let fraction = if p.files_total == 0 {
                0.0
            } else {
                p.files_done as f32 / p.files_total as f32
            };
            let secs = p.started.elapsed().as_secs_f64().max(0.001);
            let text = format!(
                "{}/{} files · {:.1} MB · {:.0} files/s",
                p.files_done,
                p.files_total,
                p.bytes_done as f64 / 1e6,
                p.files_done as f64 / secs
            );
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .text(text),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelLoad);
            }
            ui.spinner();
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
        }
        if ui.small_button("Dismiss").clicked() {
            commands.push(Command::DismissNotices);
        }
    });
}

/// Every skipped or failed file, grouped by reason.
pub fn issues_window_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new("Issues")
        .open(&mut open)
        .default_size([560.0, 360.0])
        .show(ui.ctx(), |ui| {
            if state.issues.is_empty() {
                ui.label("No files were skipped.");
                return;
            }
            let mut groups: BTreeMap<String, Vec<&std::path::Path>> = BTreeMap::new();
            for issue in &state.issues {
                let key = issue
                    .reason
                    .to_string()
                    .split(':')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                groups.entry(key).or_default().push(&issue.path);
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (reason, paths) in &groups {
                    egui::CollapsingHeader::new(format!("{reason} ({})", paths.len()))
                        .default_open(groups.len() == 1)
                        .show(ui, |ui| {
                            for (path, issue) in paths.iter().zip(
                                state
                                    .issues
                                    .iter()
                                    .filter(|i| i.reason.to_string().starts_with(reason.as_str())),
                            ) {
                                ui.label(format!("{} — {}", path.to_string_lossy(), issue.reason));
                            }
                        });
                }
            });
        });
    if !open {
        commands.push(Command::ToggleIssues);
    }
}
