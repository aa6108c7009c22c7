//! Off-screen rendering of a chart to PNG or RGBA pixels, without a window: exports from the
//! window and the `chart` command both come here.
//!
//! egui draws the chart with the window's own drawing code ([`figures_chart::chart_ui`]) in an
//! off-screen context, and [`raster`] fills egui's triangles on the CPU, so the file matches
//! the screen, minus hover labels, and no graphics adapter or display is needed. SVG, CSV and
//! JSON exports are written from the same [`ChartSpec`] by [`crate::export`].

pub mod raster;

use crate::export::chart::{ChartSpec, layout};
use crate::export::{ExportFormat, svg, table};
use crate::ui::figures_chart;

/// The bytes of an export of `spec`: PNG rendered off-screen, or SVG, CSV, JSON text.
pub fn export_bytes(spec: &ChartSpec, format: ExportFormat, dark: bool) -> Result<Vec<u8>, String> {
    match format {
        ExportFormat::Png { scale } => render_chart_png(spec, f32::from(scale), dark),
        ExportFormat::Svg => Ok(svg::chart_svg(spec, dark).into_bytes()),
        ExportFormat::Csv => Ok(table::to_csv(spec).into_bytes()),
        ExportFormat::Json => Ok(table::to_json(spec).into_bytes()),
    }
}

/// Renders the chart off-screen (no window, no display) at `scale` pixels per point and
/// returns PNG bytes. Fails with a readable message when the image would be too large.
pub fn render_chart_png(spec: &ChartSpec, scale: f32, dark: bool) -> Result<Vec<u8>, String> {
    let image = render_chart_rgba(spec, scale, dark)?;
    let (w, h) = image.dimensions();
    crate::export::encode_png(w, h, image.as_raw()).map_err(|e| e.to_string())
}

/// The tallest image an export renders, in pixels: the usual limit of GPUs and image tools
/// (ImageMagick refuses taller images by default); a taller chart would not paste anywhere.
const MAX_EXPORT_PIXELS: f32 = 16_384.0;

/// Renders the chart off-screen to RGBA pixels at `scale` pixels per point: egui draws it as
/// on screen and the CPU fills egui's triangles, so no graphics adapter or display is needed.
pub fn render_chart_rgba(
    spec: &ChartSpec,
    scale: f32,
    dark: bool,
) -> Result<image::RgbaImage, String> {
    let mut harness = chart_harness(spec, scale, dark, raster::CpuRenderer::default())?;
    harness.render()
}

/// An off-screen harness showing the chart exactly as exports draw it, rendered by `renderer`
/// (the CPU one for exports; tests compare it with the GPU one).
pub fn chart_harness(
    spec: &ChartSpec,
    scale: f32,
    dark: bool,
    renderer: impl egui_kittest::TestRenderer + 'static,
) -> Result<egui_kittest::Harness<'static>, String> {
    let size = egui::vec2(layout::EXPORT_WIDTH_PT, spec.export_height_pt() + 20.0);
    if size.y * scale > MAX_EXPORT_PIXELS {
        return Err(format!(
            "the chart is too tall for one image at {scale}× ({:.0} px; at most \
             {MAX_EXPORT_PIXELS:.0}); export a smaller scale, SVG, or narrow it down with a \
             measure",
            size.y * scale
        ));
    }
    let theme = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    let spec = spec.clone();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(size)
        .with_pixels_per_point(scale)
        .with_theme(theme)
        .with_accessibility_check(false)
        .with_context_setup(crate::ui::fonts::install_fallback_fonts)
        .renderer(renderer)
        .build_ui(move |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                figures_chart::chart_ui(ui, &spec, false);
            });
        });
    harness.run_steps(2);
    Ok(harness)
}
