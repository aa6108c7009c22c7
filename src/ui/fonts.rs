//! Fonts. egui's own fonts cover Latin with its accents (São Paulo, Brasília, Bogotá), Greek and
//! Cyrillic, but no Chinese, Japanese or Korean. For a character none of them has, egui asks its
//! font providers, in the order they were added, and the first font found joins the fallbacks:
//!
//! 1. The system's fonts (`egui_system_font_provider`): a desktop with CJK fonts renders with
//!    them, in the style of the user's locale. eframe adds this provider to the window itself;
//!    [`install_fallback_fonts`] adds it to off-screen contexts (tests, chart export).
//! 2. Last, a bundled subset of Noto Sans CJK SC (`assets/fonts/`, SIL Open Font License 1.1,
//!    made by `.ci/subset-cjk-font.sh`): the 6,763 Chinese characters of GB 2312 plus CJK
//!    punctuation, about 1.5 MB. It is only asked when the system has no font for a character,
//!    so that Chinese names and places never show as boxes on a machine without CJK fonts (a
//!    minimal install or a container: the system provider finds nothing there and says nothing).
//!    Japanese kana, Hangul and rarer or traditional characters still need system fonts; the
//!    whole Noto CJK collection would add about 19 MB to the binary.

use std::sync::Arc;

/// The bundled font's name in egui's font list.
pub const BUNDLED_CJK_NAME: &str = "bundled:NotoSansCJKsc-Regular-GB2312";

static BUNDLED_CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular-GB2312.otf");

/// Every character the bundled font maps (written by the subsetting script from its cmap).
static BUNDLED_CJK_CHARS: &str =
    include_str!("../../assets/fonts/NotoSansCJKsc-Regular-GB2312.chars");

/// For contexts eframe did not make (tests, off-screen renders): the system fonts, then the
/// bundled CJK font, as in the window.
pub fn install_fallback_fonts(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(
        egui_system_font_provider::SystemFontProvider::new(),
    ));
    install_bundled_cjk(ctx);
}

/// Adds the bundled CJK font as the last fallback. The window calls this when it is created,
/// after eframe has added the system fonts, so that they are asked first.
pub fn install_bundled_cjk(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(bundled_cjk_for));
}

/// Whether the bundled font has `c`.
pub fn bundled_cjk_has(c: char) -> bool {
    BUNDLED_CJK_CHARS.contains(c)
}

/// The font provider: egui asks at most once per (family, character), and only after every
/// installed font, system fonts included, lacked the character.
fn bundled_cjk_for(request: &egui::FallbackRequest<'_>) -> Option<egui::FontInsert> {
    let c = request.cluster.chars().next()?;
    if !bundled_cjk_has(c) {
        return None;
    }
    Some(egui::FontInsert::new(
        BUNDLED_CJK_NAME,
        egui::FontData::from_static(BUNDLED_CJK),
        vec![egui::InsertFontFamily {
            family: request.family.clone(),
            priority: egui::FontPriority::Lowest,
        }],
    ))
}
