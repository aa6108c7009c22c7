//! The search bar: the search box (Ctrl+F), where to look, the filters with their counts, and
//! the active search and filters in one line with a button that clears them.

use chrono::NaiveDate;

use crate::app::search::SearchCommand;
use crate::app::tables::TableCommand;
use crate::app::{AppState, Command};
use crate::export::corpus_tables::TableKind;
use crate::extract::Family;
use crate::search::filters::{format_amount, parse_amount};
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
            set_filters(commands, filters);
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

/// Asks for the search to use `filters`.
fn set_filters(commands: &mut Vec<Command>, filters: Filters) {
    commands.push(Command::Search(SearchCommand::SetFilters(filters)));
}

/// A menu button whose menu stays open while the user ticks, picks and types in it; a click
/// outside it (or Escape) closes it.
fn filter_menu(ui: &mut egui::Ui, title: String, content: impl FnOnce(&mut egui::Ui)) {
    use egui::containers::menu::{MenuButton, MenuConfig};
    let config = MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    MenuButton::new(title).config(config).ui(ui, content);
}

/// A menu of sources with how many articles of each the rest of the search keeps.
fn sources_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let filters = &state.settings.search.filters;
    let title = match filters.sources.len() {
        0 => "All sources".to_string(),
        1 => filters.sources[0].clone(),
        n => format!("{n} sources"),
    };
    filter_menu(ui, title, |ui| {
        let facets = &state.view.search.outcome.facets.sources;
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
                        set_filters(commands, filters);
                    }
                }
            });
    });
}

/// Folders, a quoted speaker, and a figure's measure, family and value range, each with how
/// many articles its choices would show.
fn more_filters_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let filters = &state.settings.search.filters;
    let count = usize::from(!filters.folders.is_empty())
        + usize::from(!filters.speaker.trim().is_empty())
        + usize::from(filters.filters_figures());
    let title = if count == 0 {
        "More filters".to_string()
    } else {
        format!("More filters ({count})")
    };
    filter_menu(ui, title, |ui| {
        let facets = &state.view.search.outcome.facets;
        folders_ui(ui, state, commands);
        ui.separator();
        let mut speaker = filters.speaker.clone();
        let typed = text_row(ui, "Quoting", &mut speaker, "a speaker's name");
        let picked = choices_ui(ui, "speakers", &facets.speakers, &filters.speaker);
        if let Some(speaker) = picked.or(typed.then_some(speaker)) {
            set_filters(
                commands,
                Filters {
                    speaker,
                    ..filters.clone()
                },
            );
        }
        ui.separator();
        let mut measure = filters.measure.clone();
        let typed = text_row(
            ui,
            "With a figure of",
            &mut measure,
            "a measure: trade value",
        );
        let picked = choices_ui(ui, "measures", &facets.measures, &filters.measure);
        if let Some(measure) = picked.or(typed.then_some(measure)) {
            set_filters(
                commands,
                Filters {
                    measure,
                    ..filters.clone()
                },
            );
        }
        if let Some(family) = family_ui(ui, filters, &facets.families) {
            set_filters(
                commands,
                Filters {
                    family,
                    ..filters.clone()
                },
            );
        }
        if let Some((min_value, max_value)) = value_range_ui(ui, filters) {
            set_filters(
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

/// The open folders, each with how many articles the rest of the search keeps in it.
fn folders_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let filters = &state.settings.search.filters;
    ui.strong("Folders (articles the other filters keep / in all)");
    let counts = &state.view.search.outcome.facets.folders;
    for root in state.corpus.roots() {
        let mut on = filters.folders.contains(&root.path);
        let shown = counts
            .iter()
            .find(|(path, _)| path == &root.path)
            .map_or(0, |(_, n)| *n);
        let name = format!("{}  {shown} / {}", root.path.display(), root.articles);
        if ui.checkbox(&mut on, name).changed() {
            let mut folders = filters.folders.clone();
            folders.retain(|f| f != &root.path);
            if on {
                folders.push(root.path.clone());
            }
            let filters = Filters {
                folders,
                ..filters.clone()
            };
            set_filters(commands, filters);
        }
    }
}

/// The most frequent choices of a facet as buttons with their counts; `Some` with the choice
/// clicked (or an empty text when the chosen one is clicked again, to clear it).
fn choices_ui(
    ui: &mut egui::Ui,
    what: &str,
    choices: &[(String, usize)],
    chosen: &str,
) -> Option<String> {
    if choices.is_empty() {
        ui.weak(format!("No {what} in the articles the other filters keep."));
        return None;
    }
    let mut picked = None;
    egui::ScrollArea::vertical()
        .id_salt(what)
        .max_height(120.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.set_max_width(420.0);
                for (name, count) in choices {
                    let on = name.eq_ignore_ascii_case(chosen.trim());
                    if ui
                        .selectable_label(on, format!("{name}  {count}"))
                        .clicked()
                    {
                        picked = Some(if on { String::new() } else { name.clone() });
                    }
                }
            });
        });
    picked
}

/// The figure families with their counts; `Some` with the new choice when one is clicked
/// (the chosen one again: any family).
fn family_ui(
    ui: &mut egui::Ui,
    filters: &Filters,
    counts: &[(Family, usize)],
) -> Option<Option<Family>> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.set_max_width(420.0);
        ui.label("of the family");
        for &(family, count) in counts {
            let on = filters.family == Some(family);
            let text = format!("{}  {count}", family.as_str());
            if ui.selectable_label(on, text).clicked() {
                picked = Some((!on).then_some(family));
            }
        }
    });
    picked
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

/// The value range of the figure filter, typed as numbers or amounts (`300 mln`, `$1.5
/// billion`); `Some` with the new ends when one changed to something that reads as an amount
/// or was emptied.
fn value_range_ui(ui: &mut egui::Ui, filters: &Filters) -> Option<(Option<f64>, Option<f64>)> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let ends = [
            ("between", "search_min_value", filters.min_value),
            ("and", "search_max_value", filters.max_value),
        ];
        let mut values = [filters.min_value, filters.max_value];
        for (k, (label, salt, value)) in ends.into_iter().enumerate() {
            let shown = value.map(format_amount).unwrap_or_default();
            if let Some(new) = parsed_field(ui, label, salt, shown, "any", 96.0, parse_amount) {
                values[k] = new;
                changed = Some((values[0], values[1]));
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
        set_filters(commands, filters);
    } else if let Some(to) = to {
        let filters = Filters {
            to,
            ..filters.clone()
        };
        set_filters(commands, filters);
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
    let shown = date.map(|d| d.to_string()).unwrap_or_default();
    let parse = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    parsed_field(ui, label, salt, shown, "YYYY-MM-DD", 88.0, parse)
}

/// A labelled text field for a value, kept as typed (in red while it does not read as one)
/// until it does; `Some` with the new value (or `None` when emptied) when the user changed it
/// to something `parse` reads.
fn parsed_field<T>(
    ui: &mut egui::Ui,
    label: &str,
    salt: &str,
    shown: String,
    hint: &str,
    width: f32,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<Option<T>> {
    let id = ui.make_persistent_id(salt);
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or(shown);
    let label = ui.label(label);
    let valid = text.trim().is_empty() || parse(text.trim()).is_some();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .hint_text(hint)
        .desired_width(width);
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
    if text.trim().is_empty() {
        return Some(None);
    }
    parse(text.trim()).map(Some)
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
