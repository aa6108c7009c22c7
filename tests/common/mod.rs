//! What the UI test files share: the app in a harness, and waiting for a load to end.

#![allow(dead_code)] // Each test file uses its own part.

use egui_kittest::Harness;
use newslens::app::NewsLensApp;

/// The real app at the default window size, with the window's fonts, on the bundled articles.
pub fn harness() -> Harness<'static, NewsLensApp> {
    Harness::builder()
        .with_size([1360.0, 820.0])
        .with_context_setup(newslens::ui::fonts::install_fallback_fonts)
        .build_eframe(|cc| NewsLensApp::new(cc, Vec::new()))
}

/// Steps frames until no load runs, none waits and no command is pending, then settles.
pub fn settle_load(h: &mut Harness<'_, NewsLensApp>) {
    for _ in 0..500 {
        h.step();
        let app = h.state();
        if app.jobs.load.is_none() && app.jobs.queued_paths.is_empty() && app.pending.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
}
