//! The corpus list: every article's title, source and date, with a count and a filter.

use crate::app::{AppState, Command};
use crate::corpus::Article;

const ROW_HEIGHT: f32 = 40.0;

/// The list filter's id (Ctrl+F puts the keyboard there).
pub fn filter_id() -> egui::Id {
    egui::Id::unique("corpus_filter")
}

pub fn corpus_list_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    folders_ui(ui, state, commands);
    let only_bundled = state
        .corpus
        .roots()
        .iter()
        .all(|r| r.path.as_os_str() == crate::app::BUNDLED_ROOT);
    if only_bundled && state.load.is_none() {
        ui.label(
            egui::RichText::new(
                "Add your own articles: File → Open folder… (Ctrl+O), or drop a folder here.",
            )
            .weak(),
        );
    }
    ui.separator();
    let total = state.corpus.len();
    let shown = state.view.visible.len();
    let noun = if total == 1 { "article" } else { "articles" };
    let count = if shown == total {
        format!("{total} {noun}")
    } else {
        format!("{shown} of {total} {noun}")
    };
    ui.strong(count);
    let mut filter = state.view.filter.clone();
    let response = ui.add(
        egui::TextEdit::singleline(&mut filter)
            .id(filter_id())
            .hint_text("Filter titles and sources (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    let response = response.labelled_by(ui.label("").id);
    if response.changed() {
        commands.push(Command::SetFilter(filter));
    }
    ui.separator();
    if state.corpus.is_empty() {
        ui.label("No articles yet. Open a folder (Ctrl+O) or drop one here.");
        return;
    }
    if shown == 0 {
        ui.label("No article matches the filter.");
        return;
    }
    // Only the rows on screen are laid out, so 100k articles cost what 30 do.
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if state.selection.list_scroll_pending
        && let Some(pos) = state
            .selection
            .selected
            .and_then(|s| state.view.visible.iter().position(|&v| v == s))
    {
        // Keep the row moved to by the arrow keys in view, a few rows from the top.
        let spacing = ui.spacing().item_spacing.y;
        scroll =
            scroll.vertical_scroll_offset(((pos as f32 - 3.0) * (ROW_HEIGHT + spacing)).max(0.0));
    }
    scroll.show_rows(ui, ROW_HEIGHT, shown, |ui, rows| {
        for row in rows {
            let Some(&index) = state.view.visible.get(row) else {
                continue;
            };
            let Some(article) = state.corpus.get(index) else {
                continue;
            };
            let selected = state.selection.selected == Some(index);
            let copy = state.corpus.dup_status(index).original().is_some();
            let response = article_row_ui(ui, article, selected, copy);
            if response.clicked() {
                commands.push(Command::SelectArticle(index));
            }
        }
    });
}

/// The opened folders with their article counts, and the corpus-wide counts.
fn folders_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.strong("Folders");
    for (i, root) in state.corpus.roots().iter().enumerate() {
        ui.horizontal(|ui| {
            let bundled = root.path.as_os_str() == crate::app::BUNDLED_ROOT;
            if ui
                .small_button("✖")
                .on_hover_text("Close this folder (nothing on disk changes)")
                .clicked()
            {
                commands.push(Command::RemoveRoot(i));
            }
            if !bundled
                && ui
                    .add_enabled(!root.loading, egui::Button::new("⟳").small())
                    .on_hover_text("Read this folder again")
                    .clicked()
            {
                commands.push(Command::ReloadRoot(i));
            }
            if root.loading {
                super::busy::busy_indicator(ui, state.progress_interval);
            }
            let name = root
                .path
                .file_name()
                .map_or_else(|| root.path.to_string_lossy(), |n| n.to_string_lossy());
            ui.label(format!("{name} ({})", root.articles))
                .on_hover_text(root.path.display().to_string());
        });
    }
    let c = &state.facts.counts;
    let copies = c.exact_duplicates + c.near_duplicates;
    ui.label(
        egui::RichText::new(format!(
            "{} duplicates · {} figures · {} quotes · {} speakers",
            copies, c.figures, c.quotes, c.speakers
        ))
        .small(),
    )
    .on_hover_text(format!(
        "{} exact and {} near copies of other stories",
        c.exact_duplicates, c.near_duplicates
    ));
    let mut count_copies = state.settings.count_copies;
    if ui
        .checkbox(&mut count_copies, "Count duplicate stories")
        .on_hover_text(
            "Off: figures, quotes and speakers of a story copied several times count once",
        )
        .changed()
    {
        commands.push(Command::SetCountCopies(count_copies));
    }
}

/// One fixed-height row: the title on one line (elided), source and date under it. Fixed
/// height keeps `show_rows` exact, so scrolling 100k rows stays cheap.
fn article_row_ui(
    ui: &mut egui::Ui,
    article: &Article,
    selected: bool,
    copy: bool,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT - 2.0), egui::Sense::click());
    let meta = format!(
        "{} · {}{}",
        article.source_label(),
        article.date_label(),
        if copy { " · duplicate story" } else { "" }
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            selected,
            format!("{} — {meta}", article.title),
        )
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let fill = if selected {
        visuals.selection.bg_fill
    } else if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        egui::Color32::TRANSPARENT
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, fill);
    let text_color = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let inner = rect.shrink2(egui::vec2(6.0, 3.0));
    let one_line = |text: String, font: egui::FontId, color: egui::Color32| {
        let mut job = egui::text::LayoutJob::simple_singleline(text, font, color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let title = one_line(
        article.title.to_string(),
        egui::TextStyle::Body.resolve(ui.style()),
        text_color,
    );
    let meta = one_line(
        meta,
        egui::TextStyle::Small.resolve(ui.style()),
        visuals.weak_text_color(),
    );
    let meta_top = inner.top() + title.size().y + 1.0;
    painter.galley(inner.left_top(), title, text_color);
    painter.galley(egui::pos2(inner.left(), meta_top), meta, text_color);
    response
}
