//! Fonts: egui's bundled fonts have no CJK; the system's fonts fill in, as in the window.

use std::sync::Arc;

/// Adds the system font provider to a context (the window gets it from eframe already).
pub fn install_fallback_fonts(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(
        egui_system_font_provider::SystemFontProvider::new(),
    ));
}
