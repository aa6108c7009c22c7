//! The quotes panel: the selected article's quotes, or every quote of one speaker across the
//! corpus. A click on a quote opens its article at the quote; a click on a speaker shows all
//! their quotes.

use crate::app::{AppState, Command};
use crate::corpus::Article;
use crate::extract::{Quote, QuoteKind};

pub fn quotes_panel_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    if let Some(name) = &state.selection.speaker_view {
        speaker_quotes_ui(ui, state, name, commands);
        return;
    }
    let article = state.selected_article();
    let quotes = article.map_or(&[][..], |a| &a.extraction.quotes[..]);
    ui.horizontal(|ui| {
        ui.strong(format!("Quotes ({})", quotes.len()));
        if ui
            .small_button("Speakers…")
            .on_hover_text("Everyone quoted in the open folders")
            .clicked()
        {
            commands.push(Command::ToggleSpeakers);
        }
    });
    let (Some(article), Some(index)) = (article, state.selection.selected) else {
        ui.label(egui::RichText::new("Select an article to see its quotes.").weak());
        return;
    };
    if quotes.is_empty() {
        ui.label(egui::RichText::new("No quotes in this article.").weak());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("quotes_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, q) in quotes.iter().enumerate() {
                ui.push_id(i, |ui| {
                    quote_card_ui(ui, index, article, q, false, commands)
                });
            }
        });
}

fn speaker_quotes_ui(ui: &mut egui::Ui, state: &AppState, name: &str, commands: &mut Vec<Command>) {
    let speaker = state.facts.speakers.find(name);
    ui.horizontal(|ui| {
        if ui.small_button("← This article").clicked() {
            commands.push(Command::ShowSpeaker(None));
        }
        ui.strong(format!(
            "{} ({} quotes in {} articles)",
            speaker.map_or(name, |s| s.name.as_str()),
            speaker.map_or(0, |s| s.quotes),
            speaker.map_or(0, |s| s.articles)
        ));
    });
    let Some(speaker) = speaker else {
        ui.label(egui::RichText::new("No quotes by this speaker in the open folders.").weak());
        return;
    };
    if !speaker.aliases.is_empty() {
        ui.label(
            egui::RichText::new(format!("also written: {}", speaker.aliases.join(", ")))
                .small()
                .weak(),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("speaker_quotes_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, r) in speaker.refs.iter().enumerate() {
                let Some(article) = state.corpus.get(r.article) else {
                    continue;
                };
                let Some(q) = article.extraction.quotes.get(r.quote) else {
                    continue;
                };
                ui.push_id(i, |ui| {
                    quote_card_ui(ui, r.article, article, q, true, commands);
                });
            }
        });
}

fn quote_card_ui(
    ui: &mut egui::Ui,
    article_index: usize,
    article: &Article,
    q: &Quote,
    show_article: bool,
    commands: &mut Vec<Command>,
) {
    let speaker = if q.speaker.is_empty() {
        "unknown speaker"
    } else {
        q.speaker.as_str()
    };
    let kind = match q.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Reported => "reported",
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if show_article {
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} · {}",
                    article.title,
                    article.source_label(),
                    article.date_label()
                ))
                .small()
                .weak(),
            );
        }
        ui.horizontal_wrapped(|ui| {
            if q.speaker_resolved && !show_article {
                if ui
                    .link(egui::RichText::new(speaker).strong())
                    .on_hover_text("All quotes of this speaker in the open folders")
                    .clicked()
                {
                    commands.push(Command::ShowSpeaker(Some(q.speaker.to_string())));
                }
            } else {
                ui.strong(speaker);
            }
            if !q.role.is_empty() {
                ui.label(egui::RichText::new(q.role.as_str()).italics());
            }
            ui.label(
                egui::RichText::new(format!("{kind} · {}", q.cue))
                    .small()
                    .weak(),
            );
            if q.confidence < 0.6 {
                ui.label(egui::RichText::new("check against the text").small())
                    .on_hover_text(format!("confidence {:.0}%", q.confidence * 100.0));
            }
        });
        let shown = match q.kind {
            QuoteKind::Direct => format!("“{}”", q.text(&article.text)),
            QuoteKind::Reported => q.text(&article.text).to_string(),
        };
        let response = ui
            .add(
                egui::Button::new(egui::RichText::new(shown))
                    .wrap()
                    .frame(false),
            )
            .on_hover_text("Show in the article");
        if response.clicked() {
            commands.push(Command::OpenQuote {
                article: article_index,
                start: q.span().start,
                end: q.span().end,
            });
        }
    });
}

/// The speaker index: everyone quoted, with counts; select two to merge them by hand.
pub fn speakers_window_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut open = true;
    let picked_id = egui::Id::unique("speaker_merge_pick");
    let mut picked: Vec<String> = ui.data(|d| d.get_temp(picked_id)).unwrap_or_default();
    egui::Window::new("Speakers")
        .open(&mut open)
        .default_size([560.0, 420.0])
        .show(ui.ctx(), |ui| {
            ui.label(format!(
                "{} speakers. Tick two names of the same person, then merge.",
                state.facts.speakers.speakers.len()
            ));
            ui.horizontal(|ui| {
                let can_merge = picked.len() == 2;
                let label = if can_merge {
                    format!("Merge “{}” into “{}”", picked[0], picked[1])
                } else {
                    "Merge".to_string()
                };
                if ui
                    .add_enabled(can_merge, egui::Button::new(label))
                    .clicked()
                {
                    commands.push(Command::MergeSpeakers {
                        alias: picked[0].clone(),
                        into: picked[1].clone(),
                    });
                    picked.clear();
                }
                if ui
                    .add_enabled(
                        !state.settings.speaker_merges.is_empty(),
                        egui::Button::new("Undo last merge"),
                    )
                    .clicked()
                {
                    commands.push(Command::UndoSpeakerMerge);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                // The most quoted first; the long tail is reachable by the filter in future.
                for s in state.facts.speakers.speakers.iter().take(500) {
                    ui.horizontal(|ui| {
                        let mut on = picked.contains(&s.name);
                        if ui
                            .checkbox(&mut on, "")
                            .on_hover_text("Select to merge")
                            .changed()
                        {
                            if on {
                                picked.push(s.name.clone());
                                if picked.len() > 2 {
                                    picked.remove(0);
                                }
                            } else {
                                picked.retain(|p| p != &s.name);
                            }
                        }
                        if ui.link(&s.name).clicked() {
                            commands.push(Command::ShowSpeaker(Some(s.name.clone())));
                        }
                        ui.label(
                            egui::RichText::new(format!(
                                "{} quotes · {} articles · {}",
                                s.quotes,
                                s.articles,
                                s.roles.first().map_or("", String::as_str)
                            ))
                            .small()
                            .weak(),
                        );
                    });
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(picked_id, picked));
    if !open {
        commands.push(Command::ToggleSpeakers);
    }
}
