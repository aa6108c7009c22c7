//! The corpus list: every article's title, source and date, with a count and a filter.

use crate::app::{AppState, Command};

const ROW_HEIGHT: f32 = 40.0;

pub fn corpus_list_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let total = state.articles.len();
    let shown = state.visible.len();
    let noun = if total == 1 { "article" } else { "articles" };
    let count = if shown == total {
        format!("{total} {noun}")
    } else {
        format!("{shown} of {total} {noun}")
    };
    ui.strong(count);
    let mut filter = state.filter.clone();
    let response = ui.add(
        egui::TextEdit::singleline(&mut filter)
            .hint_text("Filter titles and sources")
            .desired_width(f32::INFINITY),
    );
    let response = response.labelled_by(ui.label("").id);
    if response.changed() {
        commands.push(Command::SetFilter(filter));
    }
    ui.separator();
    if state.articles.is_empty() {
        ui.label("No articles yet. Open a folder (Ctrl+O) or drop one here.");
        return;
    }
    if shown == 0 {
        ui.label("No article matches the filter.");
        return;
    }
    // Only the rows on screen are laid out, so 100k articles cost what 30 do.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, shown, |ui, rows| {
            for row in rows {
                let Some(&index) = state.visible.get(row) else {
                    continue;
                };
                let Some(article) = state.articles.get(index) else {
                    continue;
                };
                let selected = state.selected == Some(index);
                let mut job = egui::text::LayoutJob::default();
                let style = ui.style();
                egui::RichText::new(truncate(&article.title, 60))
                    .strong()
                    .append_to(
                        &mut job,
                        style,
                        egui::FontSelection::Default,
                        egui::Align::LEFT,
                    );
                egui::RichText::new(format!(
                    "\n{} · {}",
                    article.source_label(),
                    article.date_label()
                ))
                .small()
                .weak()
                .append_to(
                    &mut job,
                    style,
                    egui::FontSelection::Default,
                    egui::Align::LEFT,
                );
                let button = egui::Button::selectable(selected, job)
                    .min_size(egui::vec2(ui.available_width(), ROW_HEIGHT - 4.0));
                let response = ui
                    .add(button)
                    .on_hover_text(article.path.display().to_string());
                if response.clicked() {
                    commands.push(Command::SelectArticle(index));
                }
            }
        });
}

fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max_chars).collect();
        t.push('…');
        t
    }
}
