//! The search bar: the search box (Ctrl+F), where to look, the filters with their counts, and
//! the active search and filters in one line with a button that clears them.

use chrono::NaiveDate;

use crate::app::search::SearchCommand;
use crate::app::tables::TableCommand;
use crate::app::{AppState, Command};
use crate::export::corpus_tables::TableKind;
use crate::search::{Filters, Scope};

/// The search box's id (Ctrl+F puts the keyboard there).
pub fn search_id() -> egui::Id {
    egui::Id::unique("corpus_search")
}

pub fn search_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let search = &state.settings.search;
    let send = |commands: &mut Vec<Command>, c: SearchCommand| commands.push(Command::Search(c));
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let mut query = search.query.clone();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .id(search_id())
                    .hint_text("words, \"phrases\", OR, -not, prefix*, /regex/   (Ctrl+F)")
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            send(commands, SearchCommand::SetQuery(query));
        }
        scope_ui(ui, search.scope, commands);
        sources_ui(ui, state, commands);
        more_filters_ui(ui, state, commands);
        dates_ui(ui, &search.filters, commands);
        let mut hide = search.filters.hide_duplicates;
        if ui
            .checkbox(&mut hide, "Hide copies")
            .on_hover_text("Leave out exact and near copies of an earlier story")
            .changed()
        {
            let filters = Filters {
                hide_duplicates: hide,
                ..search.filters.clone()
            };
            send(commands, SearchCommand::SetFilters(filters));
        }
        ui.separator();
        for kind in [TableKind::Figures, TableKind::Quotes] {
            let open = state.view.table.as_ref().is_some_and(|t| t.kind == kind);
            if ui
                .selectable_label(open, format!("{} table", kind.title()))
                .on_hover_text("Every row of the articles in view, sortable, saved as CSV")
                .clicked()
            {
                let command = if open {
                    TableCommand::Close
                } else {
                    TableCommand::Open(kind)
                };
                commands.push(Command::Table(command));
            }
        }
    });
    status_line_ui(ui, state, commands);
}

fn scope_ui(ui: &mut egui::Ui, scope: Scope, commands: &mut Vec<Command>) {
    let label = ui.label("in");
    egui::ComboBox::from_id_salt("search_scope")
        .selected_text(scope.label())
        .show_ui(ui, |ui| {
            for choice in Scope::ALL {
                if ui
                    .selectable_label(choice == scope, choice.label())
                    .clicked()
                {
                    commands.push(Command::Search(SearchCommand::SetScope(choice)));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// A menu of sources with how many articles of each the rest of the search keeps.
fn sources_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let filters = &state.settings.search.filters;
    let title = match filters.sources.len() {
        0 => "All sources".to_string(),
        1 => filters.sources[0].clone(),
        n => format!("{n} sources"),
    };
    ui.menu_button(title, |ui| {
        let facets = &state.view.search.outcome.source_facets;
        if facets.is_empty() {
            ui.label("No article passes the other filters.");
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (source, count) in facets {
                    let mut on = filters
                        .sources
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(source));
                    if ui.checkbox(&mut on, format!("{source}  {count}")).changed() {
                        let mut sources = filters.sources.clone();
                        sources.retain(|s| !s.eq_ignore_ascii_case(source));
                        if on {
                            sources.push(source.clone());
                        }
                        let filters = Filters {
                            sources,
                            ..filters.clone()
                        };
                        commands.push(Command::Search(SearchCommand::SetFilters(filters)));
                    }
                }
            });
    });
}

/// Folders, a quoted speaker, and a figure's measure and value range.
fn more_filters_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let filters = &state.settings.search.filters;
    let set = |commands: &mut Vec<Command>, filters: Filters| {
        commands.push(Command::Search(SearchCommand::SetFilters(filters)));
    };
    let count = usize::from(!filters.folders.is_empty())
        + usize::from(!filters.speaker.trim().is_empty())
        + usize::from(filters.filters_figures());
    let title = if count == 0 {
        "More filters".to_string()
    } else {
        format!("More filters ({count})")
    };
    ui.menu_button(title, |ui| {
        ui.strong("Folders (articles in view / in all)");
        let in_view = articles_in_view_per_folder(state);
        for root in state.corpus.roots() {
            let mut on = filters.folders.contains(&root.path);
            let shown = in_view.get(root.path.as_path()).copied().unwrap_or(0);
            let name = format!("{}  {shown} / {}", root.path.display(), root.articles);
            if ui.checkbox(&mut on, name).changed() {
                let mut folders = filters.folders.clone();
                folders.retain(|f| f != &root.path);
                if on {
                    folders.push(root.path.clone());
                }
                set(
                    commands,
                    Filters {
                        folders,
                        ..filters.clone()
                    },
                );
            }
        }
        ui.separator();
        let mut speaker = filters.speaker.clone();
        if text_row(ui, "Quoting", &mut speaker, "a speaker's name") {
            set(
                commands,
                Filters {
                    speaker,
                    ..filters.clone()
                },
            );
        }
        let mut measure = filters.measure.clone();
        if text_row(
            ui,
            "With a figure of",
            &mut measure,
            "a measure: trade value, export quota",
        ) {
            set(
                commands,
                Filters {
                    measure,
                    ..filters.clone()
                },
            );
        }
        if let Some((min_value, max_value)) = value_range_ui(ui, filters) {
            set(
                commands,
                Filters {
                    min_value,
                    max_value,
                    ..filters.clone()
                },
            );
        }
    });
}

/// How many articles in view each folder holds (counted while the menu is open).
fn articles_in_view_per_folder(
    state: &AppState,
) -> std::collections::HashMap<&std::path::Path, usize> {
    let mut counts = std::collections::HashMap::new();
    for i in state.in_view() {
        if let Some(root) = state.corpus.root_of(i) {
            *counts.entry(root.path.as_path()).or_insert(0) += 1;
        }
    }
    counts
}

/// A labelled one-line text field; true when the user changed it.
fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(200.0),
        )
        .labelled_by(label.id)
        .changed()
    })
    .inner
}

/// The value range of the figure filter; `Some` with the new ends when one changed to a
/// number or was emptied.
fn value_range_ui(ui: &mut egui::Ui, filters: &Filters) -> Option<(Option<f64>, Option<f64>)> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let ends = [("between", filters.min_value), ("and", filters.max_value)];
        let mut values = [filters.min_value, filters.max_value];
        for (k, (label, value)) in ends.into_iter().enumerate() {
            let mut text = value.map(|v| v.to_string()).unwrap_or_default();
            let label = ui.label(label);
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text("any")
                        .desired_width(80.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                let parsed = text.trim().replace(',', "").parse::<f64>().ok();
                if text.trim().is_empty() || parsed.is_some() {
                    values[k] = parsed;
                    changed = Some((values[0], values[1]));
                }
            }
        }
    });
    changed
}

/// From and to dates, typed as `YYYY-MM-DD` (kept as typed until they read as a date).
fn dates_ui(ui: &mut egui::Ui, filters: &Filters, commands: &mut Vec<Command>) {
    let from = date_field(ui, "From", "search_from", filters.from);
    let to = date_field(ui, "to", "search_to", filters.to);
    if let Some(from) = from {
        let filters = Filters {
            from,
            ..filters.clone()
        };
        commands.push(Command::Search(SearchCommand::SetFilters(filters)));
    } else if let Some(to) = to {
        let filters = Filters {
            to,
            ..filters.clone()
        };
        commands.push(Command::Search(SearchCommand::SetFilters(filters)));
    }
}

/// A date field; `Some` with the new date (or `None` when emptied) when the user changed it
/// to something that reads as a date.
fn date_field(
    ui: &mut egui::Ui,
    label: &str,
    salt: &str,
    date: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let id = ui.make_persistent_id(salt);
    let shown = date.map(|d| d.to_string()).unwrap_or_default();
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or(shown.clone());
    let label = ui.label(label);
    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let valid = text.trim().is_empty() || parsed.is_some();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .hint_text("YYYY-MM-DD")
        .desired_width(88.0);
    if !valid {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit).labelled_by(label.id);
    if !response.changed() {
        if !response.has_focus() {
            // the filter may have changed elsewhere (Clear)
            ui.data_mut(|d| d.remove::<String>(id));
        }
        return None;
    }
    ui.data_mut(|d| d.insert_temp(id, text.clone()));
    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    match (text.trim().is_empty(), parsed) {
        (true, _) => Some(None),
        (false, Some(d)) if Some(d) != date => Some(Some(d)),
        _ => None,
    }
}

/// The active search and filters in one line, the result's size, and a Clear button.
fn status_line_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let search = &state.view.search;
    let settings = &state.settings.search;
    if let Some(error) = &search.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
        return;
    }
    if !settings.is_active() {
        return;
    }
    ui.horizontal(|ui| {
        let shown = search
            .outcome
            .matched
            .as_ref()
            .map_or(state.corpus.len(), Vec::len);
        let mut line = format!(
            "{} · {shown} of {} articles",
            settings.summary(),
            state.corpus.len()
        );
        if let Some(result) = &search.outcome.result {
            line.push_str(&format!(" · {} hits", result.hits));
        }
        if search.running {
            line.push_str(" · searching…");
        }
        ui.label(egui::RichText::new(line).strong());
        if ui
            .button("✕ Clear search and filters")
            .on_hover_text("Show every article again")
            .clicked()
        {
            commands.push(Command::Search(SearchCommand::Clear));
        }
    });
}
