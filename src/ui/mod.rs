//! Drawing. Every panel reads prepared state and pushes [`Command`]s; none does I/O,
//! extraction or sorting while painting.

pub mod article_panel;
pub mod busy;
pub mod corpus_list;
pub mod figures_chart;
pub mod fonts;
pub mod kwic_panel;
pub mod quotes_panel;
pub mod search_bar;
pub mod tables_window;
pub mod top_bar;

use crate::app::search::SearchCommand;
use crate::app::{AppState, Command};

/// Colours shared by the article highlights and the chart.
pub mod palette {
    use egui::Color32;

    pub const FIGURE_BG_LIGHT: Color32 = Color32::from_rgb(255, 236, 179);
    pub const FIGURE_BG_DARK: Color32 = Color32::from_rgb(102, 77, 0);
    pub const QUOTE_BG_LIGHT: Color32 = Color32::from_rgb(214, 234, 248);
    pub const QUOTE_BG_DARK: Color32 = Color32::from_rgb(21, 67, 96);
    pub const FOCUS_BG_LIGHT: Color32 = Color32::from_rgb(255, 205, 210);
    pub const FOCUS_BG_DARK: Color32 = Color32::from_rgb(120, 40, 50);
    pub const SEARCH_BG_LIGHT: Color32 = Color32::from_rgb(200, 230, 201);
    pub const SEARCH_BG_DARK: Color32 = Color32::from_rgb(27, 94, 32);

    pub fn figure_bg(dark: bool) -> Color32 {
        if dark {
            FIGURE_BG_DARK
        } else {
            FIGURE_BG_LIGHT
        }
    }
    pub fn quote_bg(dark: bool) -> Color32 {
        if dark { QUOTE_BG_DARK } else { QUOTE_BG_LIGHT }
    }
    pub fn focus_bg(dark: bool) -> Color32 {
        if dark { FOCUS_BG_DARK } else { FOCUS_BG_LIGHT }
    }
    /// Search hits in the article and the KWIC lines.
    pub fn search_bg(dark: bool) -> Color32 {
        if dark {
            SEARCH_BG_DARK
        } else {
            SEARCH_BG_LIGHT
        }
    }
}

/// The whole window: toolbar, corpus list, article, quotes and chart.
pub fn app_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    shortcuts(ui, commands);
    egui::Panel::top("menu").show(ui, |ui| top_bar::menu_bar_ui(ui, state, commands));
    egui::Panel::top("toolbar").show(ui, |ui| top_bar::top_bar_ui(ui, state, commands));
    egui::Panel::top("search").show(ui, |ui| search_bar::search_bar_ui(ui, state, commands));
    if !state.notices.is_empty() {
        egui::Panel::bottom("notices").show(ui, |ui| top_bar::notices_ui(ui, state, commands));
    }
    if state.view.search.outcome.result.is_some() {
        egui::Panel::bottom("kwic")
            .resizable(true)
            .default_size(240.0)
            .size_range(120.0..=700.0)
            .show(ui, |ui| kwic_panel::kwic_panel_ui(ui, state, commands));
    }
    egui::Panel::left("corpus")
        .default_size(300.0)
        .size_range(180.0..=600.0)
        .show(ui, |ui| corpus_list::corpus_list_ui(ui, state, commands));
    egui::Panel::right("figures_and_quotes")
        .default_size(460.0)
        .size_range(280.0..=900.0)
        .show(ui, |ui| side_ui(ui, state, commands));
    egui::CentralPanel::default().show(ui, |ui| {
        article_panel::article_panel_ui(ui, state, commands);
    });
    if state.panels.show_issues {
        top_bar::issues_window_ui(ui, state, commands);
    }
    if state.panels.show_speakers {
        quotes_panel::speakers_window_ui(ui, state, commands);
    }
    if state.panels.show_about {
        top_bar::about_window_ui(ui, commands);
    }
    if state.view.table.is_some() {
        tables_window::table_window_ui(ui, state, commands);
    }
}

/// The right side: quotes above, the figures chart below.
fn side_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let half = (ui.available_height() * 0.45).max(120.0);
    ui.push_id("quotes", |ui| {
        ui.set_max_height(half);
        quotes_panel::quotes_panel_ui(ui, state, commands);
    });
    ui.separator();
    ui.push_id("figures", |ui| {
        figures_chart::figures_panel_ui(ui, state, commands);
    });
}

/// Ctrl+O (Cmd+O on macOS): open a folder.
pub const OPEN_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
/// Ctrl+F: search the corpus (focus the search box).
pub const FIND_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
/// F3: the next search hit.
pub const NEXT_HIT_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::F3);
/// Shift+F3: the previous search hit.
pub const PREVIOUS_HIT_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::SHIFT, egui::Key::F3);
/// Ctrl+S: save the chart as a PNG at 2×.
pub const SAVE_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
/// Ctrl+Shift+C: copy the chart image.
pub const COPY_CHART_SHORTCUT: egui::KeyboardShortcut = egui::KeyboardShortcut::new(
    egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
    egui::Key::C,
);

fn shortcuts(ui: &egui::Ui, commands: &mut Vec<Command>) {
    ui.input_mut(|i| {
        // The most specific shortcut first: Ctrl+Shift+C before anything matching Ctrl+C.
        if i.consume_shortcut(&COPY_CHART_SHORTCUT) {
            commands.push(Command::CopyChart);
        }
        if i.consume_shortcut(&OPEN_SHORTCUT) {
            commands.push(Command::OpenFolderDialog);
        }
        if i.consume_shortcut(&SAVE_SHORTCUT) {
            commands.push(Command::ExportChart(crate::export::ExportFormat::Png {
                scale: 2,
            }));
        }
        if i.consume_shortcut(&FIND_SHORTCUT) {
            commands.push(Command::Search(SearchCommand::Focus));
        }
        if i.consume_shortcut(&PREVIOUS_HIT_SHORTCUT) {
            commands.push(Command::Search(SearchCommand::StepLine(-1)));
        }
        if i.consume_shortcut(&NEXT_HIT_SHORTCUT) {
            commands.push(Command::Search(SearchCommand::StepLine(1)));
        }
    });
    // Up and down move through the article list unless a text field has the keyboard.
    if !ui.ctx().text_edit_focused() {
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) {
                commands.push(Command::SelectStep(1));
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) {
                commands.push(Command::SelectStep(-1));
            }
        });
    }
}
