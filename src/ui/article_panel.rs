//! The article: title, source, date and paragraphs, with quotes and figures highlighted and
//! the focused sentence (from a click on a quote or a bar) marked and scrolled to.

use std::ops::Range;

use egui::text::{CCursor, LayoutJob, TextFormat};

use crate::app::{AppState, Command};
use crate::corpus::Article;
use crate::ui::palette;

pub fn article_panel_ui(ui: &mut egui::Ui, state: &AppState, _commands: &mut Vec<Command>) {
    let Some(article) = state.selected_article() else {
        ui.centered_and_justified(|ui| ui.label("Select an article in the list."));
        return;
    };
    // the search's hits in this article, highlighted
    let hits = state
        .view
        .search
        .outcome
        .result
        .as_ref()
        .and_then(|r| state.selection.selected.and_then(|i| r.hits_in(i)))
        .unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt(("article", state.selection.selected))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(&*article.title).heading()).wrap());
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} · {}",
                    article.source_label(),
                    article.date_label(),
                    article.display_path()
                ))
                .weak(),
            );
            ui.horizontal_wrapped(|ui| {
                let dark = ui.visuals().dark_mode;
                legend_chip(ui, palette::quote_bg(dark), "quote");
                legend_chip(ui, palette::figure_bg(dark), "figure");
                if !hits.is_empty() {
                    legend_chip(ui, palette::search_bg(dark), "search hit");
                }
                ui.label(
                    egui::RichText::new(format!(
                        "{} quotes · {} figures",
                        article.extraction.quotes.len(),
                        article.extraction.figures.len()
                    ))
                    .weak(),
                );
            });
            ui.separator();
            let focus = state.selection.focus;
            for para in article.paragraphs() {
                let focus_here = focus
                    .filter(|f| f.start < para.end && f.end > para.start)
                    .map(|f| f.start.max(para.start)..f.end.min(para.end));
                let job = paragraph_job(ui, article, para.clone(), hits, focus_here.clone());
                let (pos, galley, response) = egui::Label::new(job).wrap().layout_in_ui(ui);
                if let (Some(f), Some(focus)) = (focus_here, focus)
                    && focus.scroll_pending
                {
                    let local =
                        |b: usize| CCursor::new(article.text[para.start..b].chars().count());
                    let top = galley.pos_from_cursor(local(f.start));
                    let bottom = galley.pos_from_cursor(local(f.end));
                    let rect = top.union(bottom).translate(pos.to_vec2());
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
                ui.painter().galley(pos, galley, ui.visuals().text_color());
                let _ = response;
                ui.add_space(8.0);
            }
        });
}

fn legend_chip(ui: &mut egui::Ui, color: egui::Color32, text: &str) {
    ui.label(
        egui::RichText::new(format!(" {text} "))
            .background_color(color)
            .color(egui::Color32::BLACK),
    );
}

/// The paragraph as a layout job with highlight backgrounds. Line breaks inside a paragraph
/// (hard-wrapped files) become spaces, so byte offsets stay aligned with the source text.
fn paragraph_job(
    ui: &egui::Ui,
    article: &Article,
    para: Range<usize>,
    hits: &[Range<usize>],
    focus: Option<Range<usize>>,
) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    let ex = &article.extraction;
    let clip = |s: usize, e: usize| (s.max(para.start), e.min(para.end));
    let mut cuts = vec![para.start, para.end];
    let mut spans: Vec<(usize, usize, egui::Color32)> = Vec::new();
    for q in &ex.quotes {
        let span = q.span();
        if span.start < para.end && span.end > para.start {
            let (s, e) = clip(span.start, span.end);
            spans.push((s, e, palette::quote_bg(dark)));
        }
    }
    for f in &ex.figures {
        let span = f.span();
        if span.start < para.end && span.end > para.start {
            let (s, e) = clip(span.start, span.end);
            spans.push((s, e, palette::figure_bg(dark)));
        }
    }
    for hit in hits
        .iter()
        .filter(|h| h.start < para.end && h.end > para.start)
    {
        let (s, e) = clip(hit.start, hit.end);
        spans.push((s, e, palette::search_bg(dark)));
    }
    if let Some(f) = &focus {
        spans.push((f.start, f.end, palette::focus_bg(dark)));
    }
    for (s, e, _) in &spans {
        cuts.push(*s);
        cuts.push(*e);
    }
    cuts.retain(|&c| article.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        // Later spans win: figures over quotes, search hits over both, the focus over all.
        let background = spans
            .iter()
            .rev()
            .find(|(a, b, _)| *a <= s && e <= *b)
            .map_or(egui::Color32::TRANSPARENT, |(_, _, c)| *c);
        let is_focus = focus.as_ref().is_some_and(|f| f.start <= s && e <= f.end);
        let segment = article.text[s..e].replace(['\n', '\r'], " ");
        job.append(
            &segment,
            0.0,
            TextFormat {
                font_id: font.clone(),
                color: if background == egui::Color32::TRANSPARENT {
                    text_color
                } else if dark {
                    egui::Color32::WHITE
                } else {
                    egui::Color32::BLACK
                },
                background,
                underline: if is_focus {
                    egui::Stroke::new(1.5, text_color)
                } else {
                    egui::Stroke::NONE
                },
                ..Default::default()
            },
        );
    }
    job
}
