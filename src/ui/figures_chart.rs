//! The figures chart: one small horizontal bar chart per unit (money in USD, lengths in km,
//! counts...), so different units never share a value axis. Each bar is labelled with what it
//! measures and its value as a reader would say it (`> 300 bn USD`). Hovering a bar shows its
//! sentence; clicking it scrolls the article there.
//!
//! The same drawing code renders exported PNGs off-screen ([`render_chart_png`]), so the file
//! matches the screen, minus hover labels.

use egui::{Align2, Color32, RichText, Vec2b};
use egui_plot::{Bar, BarChart, GridInput, GridMark, Plot, PlotPoint, Text};

use crate::app::{AppState, Command};
use crate::export::chart::{ChartGroup, ChartSpec, axis_tick_text};
use crate::extract::Family;

/// Points per bar row, and the fixed part of each small chart (axis, margins).
const ROW_PT: f32 = 38.0;
const CHART_BASE_PT: f32 = 64.0;
/// The legend row above each small chart.
const LEGEND_PT: f32 = 26.0;
/// Logical width of exported images (scaled by the export scale).
pub const EXPORT_WIDTH_PT: f32 = 760.0;

/// A colour per family, the same on screen and in exports.
pub fn family_color(family: Family) -> Color32 {
    match family {
        Family::Currency => Color32::from_rgb(31, 119, 180),
        Family::Percent => Color32::from_rgb(148, 103, 189),
        Family::Length | Family::Area => Color32::from_rgb(44, 160, 44),
        Family::Mass | Family::Volume => Color32::from_rgb(140, 86, 75),
        Family::Time => Color32::from_rgb(127, 127, 127),
        Family::Count | Family::Ordinal => Color32::from_rgb(255, 127, 14),
        Family::Speed | Family::Temperature | Family::Energy => Color32::from_rgb(214, 39, 40),
        Family::Number => Color32::from_rgb(23, 190, 207),
    }
}

/// The chart panel of the selected article.
pub fn figures_panel_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(spec) = &state.chart else {
        ui.label(RichText::new("Select an article to chart its figures.").weak());
        return;
    };
    ui.horizontal(|ui| {
        ui.strong(format!("Figures ({})", spec.bar_count()));
        ui.label(
            RichText::new("hover a bar for its sentence, click to show it")
                .small()
                .weak(),
        );
    });
    if spec.is_empty() {
        ui.label(RichText::new("No figures to chart in this article.").weak());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("chart_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some((start, end)) = chart_ui(ui, spec, true) {
                commands.push(Command::FocusSpan { start, end });
            }
        });
}

/// Draws the chart: title, one small chart per group, caption. When `interactive`, returns
/// the sentence span of a clicked bar. Non-interactive drawing (exports) shows no hover label.
pub fn chart_ui(ui: &mut egui::Ui, spec: &ChartSpec, interactive: bool) -> Option<(usize, usize)> {
    let mut clicked = None;
    ui.add(egui::Label::new(RichText::new(&spec.title).strong().size(15.0)).wrap());
    for (gi, group) in spec.groups.iter().enumerate() {
        if let Some(span) = group_ui(ui, gi, group, interactive) {
            clicked = Some(span);
        }
    }
    ui.label(RichText::new(&spec.caption).size(12.0).weak());
    clicked
}

fn group_ui(
    ui: &mut egui::Ui,
    index: usize,
    group: &ChartGroup,
    interactive: bool,
) -> Option<(usize, usize)> {
    let n = group.bars.len();
    let log = group.log_scale;
    let to_axis = |v: f64| {
        if log {
            if v > 1.0 { v.log10() } else { 0.0 }
        } else {
            v
        }
    };
    let color = family_color(group.family);
    let max_x = group
        .bars
        .iter()
        .map(|b| to_axis(b.high.unwrap_or(b.value)))
        .fold(0.0f64, f64::max);
    let max_x = if max_x > 0.0 { max_x } else { 1.0 };
    // Row i (top to bottom) sits at y = n-1-i.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let bars: Vec<Bar> = group
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(y_of(i), to_axis(b.value))
                .name(&b.label)
                .width(0.42)
                .fill(color)
        })
        .collect();
    let range_bars: Vec<Bar> = group
        .bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let high = b.high?;
            let low = to_axis(b.value);
            Some(
                Bar::new(y_of(i), to_axis(high) - low)
                    .base_offset(low)
                    .width(0.42)
                    .fill(color.gamma_multiply(0.35)),
            )
        })
        .collect();
    let text_color = ui.visuals().text_color();
    let axis_label = if log {
        format!("{} (log scale)", group.axis_label)
    } else {
        group.axis_label.clone()
    };
    let summary = format!(
        "{} chart: {}",
        group.title,
        group
            .bars
            .iter()
            .map(|b| format!("{} {}", b.label, b.value_text))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let plot = Plot::new(("figures_group", index))
        .height(CHART_BASE_PT + ROW_PT * n as f32)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .show_axes(Vec2b::new(true, false))
        .show_grid(Vec2b::new(true, false))
        .x_axis_label(axis_label)
        .x_axis_formatter(move |mark, _| axis_tick_text(mark.value, log))
        .include_x(0.0)
        // Room on the right for the value labels.
        .include_x(max_x * if log { 1.3 } else { 1.45 })
        .include_y(-0.55)
        .include_y(n as f64 - 0.2);
    // Log axes tick at every power of ten; linear axes use egui_plot's decimal ticks.
    let plot = if log {
        plot.x_grid_spacer(log_grid_spacer)
    } else {
        plot
    };
    let labels: Vec<(f64, String, f64, String)> = group
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let end = to_axis(b.high.unwrap_or(b.value));
            (y_of(i), b.label.clone(), end, b.value_text.clone())
        })
        .collect();
    let chart_name = group.title.clone();
    let has_range = !range_bars.is_empty();
    legend_ui(ui, color, &group.title, has_range);
    let response = plot.show(ui, move |plot_ui| {
        plot_ui.bar_chart(
            BarChart::new(chart_name, bars)
                .horizontal()
                .color(color)
                .allow_hover(false),
        );
        if has_range {
            plot_ui.bar_chart(
                BarChart::new("range (low – high)", range_bars)
                    .horizontal()
                    .color(color.gamma_multiply(0.35))
                    .allow_hover(false),
            );
        }
        for (y, label, end, value) in labels {
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(0.0, y + 0.24),
                    RichText::new(label).size(13.0),
                )
                .color(text_color)
                .anchor(Align2::LEFT_BOTTOM)
                .allow_hover(false),
            );
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(end + max_x * 0.015, y),
                    RichText::new(value).size(13.0).strong(),
                )
                .color(text_color)
                .anchor(Align2::LEFT_CENTER)
                .allow_hover(false),
            );
        }
        plot_ui.pointer_coordinate()
    });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    if !interactive {
        return None;
    }
    // Which bar row is under the pointer: rows are one unit apart, bars 0.42 thick.
    let hovered = response.inner.and_then(|p| {
        let row_y = p.y.round();
        let i = n as f64 - 1.0 - row_y;
        ((p.y - row_y).abs() <= 0.3 && i >= 0.0 && (i as usize) < n).then_some(i as usize)
    });
    let bar = hovered.and_then(|i| group.bars.get(i))?;
    let response = response.response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.strong(format!("{}: {}", bar.label, bar.value_text));
        ui.label(&bar.sentence);
        ui.label(RichText::new("click to show in the article").small().weak());
    });
    response.clicked().then_some(bar.sentence_span)
}

/// The legend of one small chart, drawn above it so it never covers a bar or a value.
fn legend_ui(ui: &mut egui::Ui, color: Color32, title: &str, has_range: bool) {
    ui.horizontal(|ui| {
        swatch(ui, color);
        ui.label(RichText::new(title).strong());
        if has_range {
            ui.add_space(12.0);
            swatch(ui, color.gamma_multiply(0.35));
            ui.label("range: low – high");
        }
    });
}

fn swatch(ui: &mut egui::Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// Grid marks at each power of ten of a log10 axis.
fn log_grid_spacer(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let first = lo.ceil().max(0.0) as i32;
    let last = hi.floor().min(300.0) as i32;
    // Label every power when there is room, every other power when there are many.
    let step = if last - first > 8 { 2 } else { 1 };
    (first..=last)
        .map(|k| GridMark {
            value: f64::from(k),
            step_size: f64::from(if k % step == 0 { step } else { 1 }),
        })
        .collect()
}

/// Height in points the chart needs when drawn at [`EXPORT_WIDTH_PT`].
pub fn export_height_pt(spec: &ChartSpec) -> f32 {
    let groups: f32 = spec
        .groups
        .iter()
        .map(|g| CHART_BASE_PT + ROW_PT * g.bars.len() as f32 + LEGEND_PT)
        .sum();
    // Title, caption and panel margins.
    groups + 64.0
}

/// Renders the chart off-screen (no window, no display) at `scale` pixels per point and
/// returns PNG bytes. Fails with a readable message when no graphics adapter exists.
pub fn render_chart_png(spec: &ChartSpec, scale: f32, dark: bool) -> Result<Vec<u8>, String> {
    let render_state = pollster::block_on(create_render_state())?;
    let renderer = egui_kittest::wgpu::WgpuTestRenderer::from_render_state(render_state);
    let size = egui::vec2(EXPORT_WIDTH_PT, export_height_pt(spec));
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
                chart_ui(ui, &spec, false);
            });
        });
    harness.run_steps(2);
    let image = harness.render()?;
    let (w, h) = image.dimensions();
    crate::export::encode_png(w, h, image.as_raw()).map_err(|e| e.to_string())
}

async fn create_render_state() -> Result<egui_wgpu::RenderState, String> {
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    let instance = setup.new_instance().await;
    egui_wgpu::RenderState::create(
        &egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        },
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    )
    .await
    .map_err(|e| {
        format!(
            "no graphics adapter is available to render the chart ({e}); install a GPU driver or \
             Mesa (Debian: mesa-vulkan-drivers libvulkan1)"
        )
    })
}
