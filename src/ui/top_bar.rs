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
            .on_hover_text("Save the chart on the right as a PNG image at 2× (Ctrl+S)")
            .clicked()
        {
            commands.push(Command::ExportChart(crate::export::ExportFormat::Png {
                scale: 2,
            }));
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
            let secs = p.started.elapsed().as_secs_f64().max(0.001);
            let text = format!(
                "{}/{} files · {:.1} MB · {:.0} files/s · {:.1} MB/s",
                p.files_done,
                p.files_total,
                p.bytes_done as f64 / 1e6,
                p.files_done as f64 / secs,
                p.bytes_done as f64 / 1e6 / secs
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
