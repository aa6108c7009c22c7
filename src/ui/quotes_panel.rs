//! The quotes of the selected article: speaker, role, kind and the words; a click scrolls the
//! article to the quote.

use crate::app::Command;
use crate::corpus::Article;
use crate::extract::QuoteKind;

pub fn quotes_panel_ui(ui: &mut egui::Ui, article: Option<&Article>, commands: &mut Vec<Command>) {
    let quotes = article.map_or(&[][..], |a| &a.extraction.quotes[..]);
    ui.strong(format!("Quotes ({})", quotes.len()));
    if quotes.is_empty() {
        ui.label(egui::RichText::new("No quotes in this article.").weak());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("quotes_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, q) in quotes.iter().enumerate() {
                let speaker = if q.speaker.is_empty() {
                    "unknown speaker"
                } else {
                    q.speaker.as_str()
                };
                let kind = match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Reported => "reported",
                };
                ui.push_id(i, |ui| {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(speaker);
                            if !q.role.is_empty() {
                                ui.label(egui::RichText::new(&q.role).italics());
                            }
                            ui.label(
                                egui::RichText::new(format!("{kind} · {}", q.cue))
                                    .small()
                                    .weak(),
                            );
                            if q.confidence < 0.6 {
                                ui.label(egui::RichText::new("check against the text").small())
                                    .on_hover_text(format!(
                                        "confidence {:.0}%",
                                        q.confidence * 100.0
                                    ));
                            }
                        });
                        let shown = match q.kind {
                            QuoteKind::Direct => format!("“{}”", q.text),
                            QuoteKind::Reported => q.text.clone(),
                        };
                        let response = ui
                            .add(
                                egui::Button::new(egui::RichText::new(shown))
                                    .wrap()
                                    .frame(false),
                            )
                            .on_hover_text("Show in the article");
                        if response.clicked() {
                            commands.push(Command::FocusSpan {
                                start: q.start,
                                end: q.end,
                            });
                        }
                    });
                });
            }
        });
}
