//! Desktop habits in the real app: menus with shortcuts, Ctrl+F, arrow keys in the list, zoom,
//! theme override, About, copyable errors, and the first-run hint.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure report.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
mod common;

use common::{harness, settle_load};
use newslens::app::{Command, NewsLensApp};

/// Opens `folder` and waits for the load to end.
fn load(h: &mut Harness<'_, NewsLensApp>, folder: &std::path::Path) {
    h.state_mut()
        .pending
        .push(Command::OpenPaths(vec![folder.to_path_buf()]));
    settle_load(h);
}

#[test]
fn first_run_shows_the_bundled_article_and_how_to_add_folders() {
    let mut h = harness();
    h.run();
    h.get_by_label_contains("Add your own articles: File → Open folder… (Ctrl+O)");
    assert_eq!(h.state().state.selection.selected, Some(0));
}

#[test]
fn menus_show_shortcuts_and_about_shows_the_version() {
    let mut h = harness();
    h.run();
    h.get_by_label("File").click();
    h.run();
    // Menu entries carry their shortcut text (the toolbar has another "Open folder…").
    assert!(h.query_all_by_label_contains("Open folder…").count() >= 2);
    h.get_by_label_contains("Copy chart image");
    h.get_by_label_contains("Save chart SVG…");
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About newslens").click();
    h.run();
    assert!(h.state().state.panels.show_about);
    h.get_by_label_contains(&format!("newslens {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label_contains("Licences");
}

#[test]
fn ctrl_f_puts_the_keyboard_in_the_search_box() {
    let mut h = harness();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    let focused = h
        .ctx
        .memory(|m| m.has_focus(newslens::ui::search_bar::search_id()));
    assert!(focused, "the search box has the keyboard");
}

#[test]
fn arrow_keys_move_through_the_list() {
    let dir = tempfile::tempdir().unwrap();
    for (i, title) in ["alpha wheat", "beta soy", "gamma corn"].iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("{i}.txt")),
            format!("{title}\n\nsource: wire| published: 1987-03-0{}\n\nTraders said {title} prices rose.\n", i + 1),
        )
        .unwrap();
    }
    let mut h = harness();
    h.run();
    load(&mut h, dir.path());
    assert_eq!(h.state().state.corpus.len(), 4);
    let start = h.state().state.selection.selected.unwrap();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let after = h.state().state.selection.selected.unwrap();
    assert_ne!(after, start);
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(h.state().state.selection.selected, Some(start));
    // Typing in the search box keeps the arrows for the text field.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().state.selection.selected, Some(start));
}

#[test]
fn zoom_and_theme_from_the_view_menu() {
    let mut h = harness();
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Zoom in").click();
    h.run();
    assert!(h.ctx.zoom_factor() > 1.0);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Actual size").click();
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme: dark").click();
    h.run();
    assert_eq!(
        h.state().state.settings.theme,
        newslens::app::ThemeChoice::Dark
    );
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark
    );
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn errors_are_notices_with_copyable_details() {
    let mut h = harness();
    h.run();
    h.state_mut()
        .state
        .notify("Could not write /x/chart.png: permission denied", true);
    h.run();
    h.get_by_label("Copy details").click();
    h.step();
    let copied =
        h.output().platform_output.commands.iter().any(
            |c| matches!(c, egui::OutputCommand::CopyText(t) if t.contains("permission denied")),
        );
    assert!(copied, "the message went to the clipboard");
}
