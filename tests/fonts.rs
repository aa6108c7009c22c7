//! Chinese and accented Portuguese titles render with real glyphs, not boxes: the real app on a
//! folder with one article of each, rendered off-screen. Once with the fonts the window has (the
//! system's, then the bundled CJK font), once as on a machine whose fonts have no CJK.
//!
//! Set `NEWSLENS_TEST_RENDERS` to a folder to keep the rendered windows as PNG files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure report.

use std::sync::Arc;

use egui::FontProvider as _;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
mod common;

use common::settle_load;
use newslens::app::{Command, NewsLensApp};

const CHINESE: &str = "中国与拉丁美洲的贸易：智利大使谈合作";
const PORTUGUESE: &str = "São Paulo e Brasília: exportações de soja crescem";

/// A folder with one article titled in Chinese and one in Portuguese.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("zh.txt"),
        format!(
            "{CHINESE}\n\nsource: 新华社| published: 2024-05-02\n\n\
             智利驻华大使表示，两国在铜和农产品贸易方面的合作不断加深。\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pt.txt"),
        format!(
            "{PORTUGUESE}\n\nsource: Folha de São Paulo| published: 2024-05-03\n\n\
             As exportações de soja do Brasil cresceram 12% em abril, segundo a Associação.\n"
        ),
    )
    .unwrap();
    dir
}

/// The real app, rendered with wgpu (software rendering here), with the folder loaded and the
/// Chinese article selected so its title is also the article heading.
fn app_on_folder(
    dir: &std::path::Path,
    fonts: fn(&egui::Context),
) -> Harness<'static, NewsLensApp> {
    let mut h = Harness::builder()
        .with_size([1360.0, 820.0])
        .with_context_setup(fonts)
        .wgpu()
        .build_eframe(|cc| NewsLensApp::new(cc, Vec::new()));
    h.state_mut()
        .run_command(Command::OpenPaths(vec![dir.to_path_buf()]));
    settle_load(&mut h);
    assert_eq!(
        h.state().state.corpus.len(),
        3,
        "the seed and the two articles"
    );
    let zh = h
        .state()
        .state
        .corpus
        .articles()
        .iter()
        .position(|a| &*a.title == CHINESE)
        .expect("the Chinese title, as written");
    h.state_mut().run_command(Command::SelectArticle(zh));
    h.run();
    h
}

/// Both titles are on screen (found by their accessible labels), every character of them has a
/// glyph, and the window renders. Returns the fonts that drew a few of the Chinese characters.
fn check_titles_render(h: &mut Harness<'_, NewsLensApp>, name: &str) -> Vec<String> {
    for title in [CHINESE, PORTUGUESE] {
        assert!(
            h.query_all_by_label_contains(title).next().is_some(),
            "no widget is labelled with {title:?}"
        );
    }
    let font = egui::FontId::proportional(14.0);
    let mut drawn_by = Vec::new();
    h.ctx.fonts_mut(|fonts| {
        for title in [CHINESE, PORTUGUESE] {
            let missing: String = title
                .chars()
                .filter(|&c| !fonts.has_glyph(&font, c))
                .collect();
            assert!(missing.is_empty(), "no glyph for {missing:?} of {title:?}");
        }
        let characters = fonts.characters(&egui::FontFamily::Proportional);
        for c in ['中', '贸', '谈', '：'] {
            drawn_by.extend(characters.get(&c).into_iter().flatten().cloned());
        }
    });
    let image = h.render().expect("the window renders");
    assert_eq!(image.dimensions(), (1360, 820));
    if let Some(dir) = std::env::var_os("NEWSLENS_TEST_RENDERS") {
        image
            .save(std::path::Path::new(&dir).join(format!("{name}.png")))
            .unwrap();
    }
    drawn_by
}

#[test]
fn chinese_and_portuguese_titles_render_with_the_window_fonts() {
    let dir = folder();
    let mut h = app_on_folder(dir.path(), newslens::ui::fonts::install_fallback_fonts);
    let fonts = check_titles_render(&mut h, "fonts-window");
    eprintln!("Chinese drawn by {fonts:?}"); // the system's CJK font where there is one
    assert!(!fonts.is_empty(), "some font draws Chinese");
}

/// A machine without CJK fonts: the system's fonts, which find nothing for CJK characters (as
/// fontconfig without CJK fonts does), then the bundled font.
fn fonts_without_system_cjk(ctx: &egui::Context) {
    let system = egui_system_font_provider::SystemFontProvider::new();
    ctx.add_font_provider(Arc::new(move |request: &egui::FallbackRequest<'_>| {
        let c = request.cluster.chars().next()?;
        let cjk = ('\u{2e80}'..='\u{9fff}').contains(&c)
            || ('\u{f900}'..='\u{faff}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c);
        if cjk { None } else { system.font_for(request) }
    }));
    newslens::ui::fonts::install_bundled_cjk(ctx);
}

/// Without CJK system fonts, Chinese comes from the bundled font.
#[test]
fn chinese_titles_render_without_cjk_system_fonts() {
    let dir = folder();
    let mut h = app_on_folder(dir.path(), fonts_without_system_cjk);
    let fonts = check_titles_render(&mut h, "fonts-no-system-cjk");
    assert!(
        fonts
            .iter()
            .all(|f| f == newslens::ui::fonts::BUNDLED_CJK_NAME),
        "{fonts:?}"
    );
    assert!(!fonts.is_empty());
}

#[test]
fn the_bundled_font_covers_common_chinese_and_its_punctuation() {
    use newslens::ui::fonts::bundled_cjk_has;
    for c in CHINESE
        .chars()
        .chain("，。、《》“”陈伟习近平广州重庆".chars())
    {
        assert!(bundled_cjk_has(c), "{c:?}");
    }
    // Latin and kana are left to egui's fonts and the system's.
    assert!(!bundled_cjk_has('a'));
    assert!(!bundled_cjk_has('の'));
}
