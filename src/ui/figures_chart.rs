//! The figures chart: small multiples drawn from a [`ChartSpec`], so different units never
//! share a value axis. Three layouts: horizontal bars labelled with what they measure and
//! their value as a reader would say it (`> 300 bn USD`); columns for time sequences and long
//! groups; and a timeline of points by published date, one colour per source. Hovering shows
//! the sentence; clicking opens the article at it.
//!
//! The same drawing code ([`chart_ui`]) renders exported PNGs off-screen in [`crate::render`]
//! (rasterized on the CPU by [`crate::render::raster`]), so the file matches the screen, minus
//! hover labels. SVG, CSV and JSON come from the same [`ChartSpec`].

use std::path::PathBuf;

use egui::{Align2, Color32, RichText, Stroke, Vec2b};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, Line, MarkerShape, Plot, PlotPoint, PlotPoints,
    Points, Text,
};

use crate::app::{AppState, ChartView, Command};
use crate::export::ExportFormat;
use crate::export::chart::{
    ChartBar, ChartGroup, ChartKind, ChartSpec, Layout, axis_tick_text, axis_ticks, palette,
};
use crate::export::svg::{date_text, date_ticks, day_number, timeline_range};
use crate::extract::Family;

/// A colour per family, the same on screen and in exports.
pub fn family_color(family: Family) -> Color32 {
    rgb(palette::family_rgb(family))
}

fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// What a click on the chart asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartClick {
    /// Open this article at this byte span (a figure's sentence).
    Article {
        article: PathBuf,
        start: usize,
        end: usize,
    },
    /// Show this speaker's quotes.
    Speaker(String),
}

impl ChartClick {
    fn of(bar: &ChartBar) -> Option<Self> {
        if let Some(o) = &bar.origin {
            return Some(Self::Article {
                article: o.article.clone(),
                start: o.sentence_span.0,
                end: o.sentence_span.1,
            });
        }
        bar.speaker.clone().map(Self::Speaker)
    }

    fn command(self) -> Command {
        match self {
            Self::Article {
                article,
                start,
                end,
            } => Command::OpenFigure {
                article,
                start,
                end,
            },
            Self::Speaker(name) => Command::ShowSpeaker(Some(name)),
        }
    }
}

/// The chart panel: view picker, export actions and the chart.
pub fn figures_panel_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    view_picker(ui, state, commands);
    let Some(spec) = &state.charts.chart else {
        ui.label(RichText::new("Select an article to chart its figures.").weak());
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{} bars", spec.bar_count()));
        export_actions(ui, state, spec, commands);
    });
    if spec.is_empty() {
        let empty = match spec.kind {
            ChartKind::Article => "No figures to chart in this article.",
            ChartKind::Measure => "No figures with this measure in the open folders.",
            ChartKind::Speakers => "Nobody is quoted in the open folders.",
            ChartKind::Sources => "No articles are open.",
        };
        ui.label(RichText::new(empty).weak());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("chart_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(click) = chart_ui(ui, spec, true) {
                commands.push(click.command());
            }
        });
}

fn view_picker(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let view = &state.settings.chart_view;
    ui.horizontal_wrapped(|ui| {
        for (kind, label, hint) in [
            (
                ChartKind::Article,
                "Article",
                "The figures of the selected article",
            ),
            (
                ChartKind::Measure,
                "Measure",
                "One measure across every open article, by source or by date",
            ),
            (ChartKind::Speakers, "Speakers", "The people quoted most"),
            (
                ChartKind::Sources,
                "Sources",
                "Articles and figures per source and per month",
            ),
        ] {
            if ui
                .selectable_label(view.kind == kind, label)
                .on_hover_text(hint)
                .clicked()
                && view.kind != kind
            {
                commands.push(Command::SetChartView(ChartView {
                    kind,
                    ..view.clone()
                }));
            }
        }
    });
    if view.kind != ChartKind::Measure {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Measure:");
        let selected = if view.measure.is_empty() {
            "choose…".to_string()
        } else {
            view.measure.clone()
        };
        egui::ComboBox::from_id_salt("measure_picker")
            .selected_text(selected)
            .width(220.0)
            .show_ui(ui, |ui| measure_list_ui(ui, state, commands))
            .response
            .on_hover_text("Measures used by more than one figure, most used first")
            .labelled_by(label.id);
        let mut timeline = view.timeline;
        if ui
            .checkbox(&mut timeline, "by date")
            .on_hover_text("A timeline of values by published date, one colour per source")
            .changed()
        {
            commands.push(Command::SetChartView(ChartView {
                timeline,
                ..view.clone()
            }));
        }
    });
}

/// How many measures the picker lists at once (the search box finds the rest).
const MEASURES_LISTED: usize = 200;

/// The measure picker's list: a search box, then the measures that contain its text, with
/// how many articles use each.
fn measure_list_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let view = &state.settings.chart_view;
    let search_id = egui::Id::unique("measure_search");
    let mut search: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
    let field = ui
        .horizontal(|ui| {
            let label = ui.label("Find:");
            ui.add(
                egui::TextEdit::singleline(&mut search)
                    .hint_text("a measure")
                    .desired_width(160.0),
            )
            .labelled_by(label.id)
        })
        .inner;
    if field.changed() {
        ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    }
    let needle = search.trim().to_lowercase();
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            let matching = state
                .charts
                .measures
                .iter()
                .filter(|(m, _)| needle.is_empty() || m.to_lowercase().contains(&needle));
            for (measure, articles) in matching.take(MEASURES_LISTED) {
                let text = format!(
                    "{measure} ({articles} article{})",
                    if *articles == 1 { "" } else { "s" }
                );
                if ui
                    .selectable_label(&view.measure == measure, text)
                    .clicked()
                {
                    commands.push(Command::SetChartView(ChartView {
                        measure: measure.clone(),
                        ..view.clone()
                    }));
                }
            }
        });
}

fn export_actions(
    ui: &mut egui::Ui,
    state: &AppState,
    spec: &ChartSpec,
    commands: &mut Vec<Command>,
) {
    let enabled = !spec.is_empty() && !state.charts.exporting;
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button("Export", |ui| {
            for (format, label) in [
                (ExportFormat::Png { scale: 1 }, "PNG image, 1× …"),
                (ExportFormat::Png { scale: 2 }, "PNG image, 2× …"),
                (ExportFormat::Png { scale: 3 }, "PNG image, 3× …"),
                (ExportFormat::Svg, "SVG vector image …"),
                (ExportFormat::Csv, "CSV data with sources …"),
                (ExportFormat::Json, "JSON data with sources …"),
            ] {
                let button = egui::Button::new(label);
                let button = if format == (ExportFormat::Png { scale: 2 }) {
                    button.shortcut_text(ui.ctx().format_shortcut(&super::SAVE_SHORTCUT))
                } else {
                    button
                };
                if ui.add(button).clicked() {
                    commands.push(Command::ExportChart(format));
                    ui.close();
                }
            }
            ui.separator();
            let mut dark = state.settings.export_dark;
            if ui
                .checkbox(&mut dark, "Dark background")
                .on_hover_text("For exported images only; the window keeps its theme")
                .changed()
            {
                commands.push(Command::SetExportDark(dark));
            }
        })
        .response
        .on_hover_text("Save the chart as an image or its data as a table");
        if ui
            .button("Copy image")
            .on_hover_text(format!(
                "Copy the chart to the clipboard ({})",
                ui.ctx().format_shortcut(&super::COPY_CHART_SHORTCUT)
            ))
            .clicked()
        {
            commands.push(Command::CopyChart);
        }
    });
    if state.charts.exporting {
        super::busy::busy_indicator(ui, state.progress_interval);
    }
}

/// Draws the chart: title, one small chart per group, caption. When `interactive`, returns
/// what a click on a bar or point asks for. Non-interactive drawing (exports) shows no hover
/// label.
pub fn chart_ui(ui: &mut egui::Ui, spec: &ChartSpec, interactive: bool) -> Option<ChartClick> {
    let mut clicked = None;
    ui.add(egui::Label::new(RichText::new(&spec.title).strong().size(15.0)).wrap());
    for (gi, group) in spec.groups.iter().enumerate() {
        legend_ui(ui, group);
        let click = match group.layout {
            Layout::Rows => rows_ui(ui, gi, group, interactive),
            Layout::Columns => columns_ui(ui, gi, group, interactive),
            Layout::Timeline => timeline_ui(ui, gi, group, interactive),
        };
        clicked = clicked.or(click);
    }
    ui.label(RichText::new(&spec.caption).size(12.0).weak());
    clicked
}

/// The accessible summary of a group: its title and every bar with its value.
fn summary(group: &ChartGroup) -> String {
    format!(
        "{} chart: {}",
        group.title,
        group
            .bars
            .iter()
            .take(60)
            .map(|b| format!("{} {}", b.label, b.display_value()))
            .collect::<Vec<_>>()
            .join("; ")
    )
}

/// A plot with zoom, drag and crosshair off (charts are for reading and clicking).
fn base_plot(id: (&str, usize), height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .x_axis_label(String::new())
        .y_axis_label(String::new())
}

/// Horizontal bars, one row each: label above the bar, value at its end.
fn rows_ui(
    ui: &mut egui::Ui,
    index: usize,
    group: &ChartGroup,
    interactive: bool,
) -> Option<ChartClick> {
    let n = group.bars.len();
    let log = group.log_scale;
    let color = family_color(group.family);
    let max_x = group.axis_max();
    // Row i (top to bottom) sits at y = n-1-i.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let bars: Vec<Bar> = group
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| value_bar(group, b, y_of(i), 0.42))
        .collect();
    let range_color = color.gamma_multiply(palette::RANGE_ALPHA);
    let range_bars: Vec<Bar> = group
        .bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let low = group.to_axis(b.value);
            let high = group.to_axis(b.high?);
            Some(
                Bar::new(y_of(i), high - low)
                    .base_offset(low)
                    .width(0.42)
                    .fill(range_color),
            )
        })
        .collect();
    let text_color = ui.visuals().text_color();
    let tick_color = ui.visuals().weak_text_color();
    let ticks = axis_ticks(max_x, log);
    // Value labels under the rows, and no grid lines: they would cross the bar labels, which
    // sit above each bar; the value at each bar's end says what a grid line would.
    let tick_marks = ticks.clone();
    let axis = AxisHints::new_x()
        .label(group.axis_title())
        .formatter(move |mark, _| axis_tick_text(mark.value, log))
        .label_spacing(ROW_TICK_LABEL_SPACING);
    let plot = base_plot(("figures_rows", index), group.plot_height_pt())
        .show_axes(Vec2b::new(true, false))
        .show_grid(Vec2b::new(false, false))
        .custom_x_axes(vec![axis])
        .x_grid_spacer(fixed_spacer(ticks))
        .include_x(0.0)
        // Room on the right for the value labels.
        .include_x(max_x * if log { 1.3 } else { 1.45 })
        .include_y(-0.55)
        .include_y(n as f64 - 0.2);
    let labels: Vec<(f64, String, f64, String)> = group
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let end = group.to_axis(b.end());
            (y_of(i), b.label.clone(), end, b.display_value())
        })
        .collect();
    let chart_name = group.title.clone();
    let response = plot.show(ui, move |plot_ui| {
        plot_ui.bar_chart(
            BarChart::new(chart_name, bars)
                .horizontal()
                .color(color)
                .allow_hover(false),
        );
        if !range_bars.is_empty() {
            plot_ui.bar_chart(
                BarChart::new("range (low – high)", range_bars)
                    .horizontal()
                    .color(range_color)
                    .allow_hover(false),
            );
        }
        // Short tick marks along the bottom edge, under the last row.
        for t in tick_marks {
            plot_ui.line(
                Line::new("", vec![[t, -0.55], [t, -0.45]])
                    .color(tick_color)
                    .width(1.0)
                    .allow_hover(false),
            );
        }
        for (y, label, end, value) in labels {
            plot_ui.text(plot_label(
                PlotPoint::new(0.0, y + 0.24),
                RichText::new(label).size(13.0),
                text_color,
                Align2::LEFT_BOTTOM,
            ));
            plot_ui.text(plot_label(
                PlotPoint::new(end + max_x * 0.015, y),
                RichText::new(value).size(13.0).strong(),
                text_color,
                Align2::LEFT_CENTER,
            ));
        }
        plot_ui.pointer_coordinate()
    });
    // Which bar row is under the pointer: rows are one unit apart, bars 0.42 thick.
    let hovered = response.inner.and_then(|p| {
        let row_y = p.y.round();
        let i = n as f64 - 1.0 - row_y;
        ((p.y - row_y).abs() <= 0.3 && i >= 0.0 && (i as usize) < n).then_some(i as usize)
    });
    finish_group(response.response, group, interactive, hovered)
}

/// Vertical columns in a fixed-height plot.
fn columns_ui(
    ui: &mut egui::Ui,
    index: usize,
    group: &ChartGroup,
    interactive: bool,
) -> Option<ChartClick> {
    let n = group.bars.len();
    let log = group.log_scale;
    let color = family_color(group.family);
    let max_y = group.axis_max();
    let bars: Vec<Bar> = group
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| value_bar(group, b, i as f64, 0.7))
        .collect();
    let every = group.label_every();
    let labels: Vec<String> = group.bars.iter().map(|b| b.label.clone()).collect();
    let values: Vec<(f64, f64, String)> = if group.labels_each_column() {
        group
            .bars
            .iter()
            .enumerate()
            .map(|(i, b)| (i as f64, group.to_axis(b.end()), b.display_value()))
            .collect()
    } else {
        Vec::new()
    };
    let text_color = ui.visuals().text_color();
    let ticks = axis_ticks(max_y, log);
    let column_marks: Vec<GridMark> = (0..n)
        .step_by(every)
        .map(|i| GridMark {
            value: i as f64,
            step_size: every as f64,
        })
        .collect();
    let plot = base_plot(("figures_columns", index), group.plot_height_pt())
        .show_axes(Vec2b::new(true, true))
        .show_grid(Vec2b::new(false, true))
        .y_axis_label(group.axis_title())
        .x_axis_label(group.category_label.clone())
        .y_axis_min_width(48.0)
        .y_axis_formatter(move |mark, _| axis_tick_text(mark.value, log))
        .y_grid_spacer(fixed_spacer(ticks))
        .x_grid_spacer(move |_| column_marks.clone())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .include_y(0.0)
        .include_y(max_y * 1.1);
    let chart_name = group.title.clone();
    let response = plot.show(ui, move |plot_ui| {
        plot_ui.bar_chart(
            BarChart::new(chart_name, bars)
                .color(color)
                .allow_hover(false),
        );
        for (x, top, value) in values {
            plot_ui.text(plot_label(
                PlotPoint::new(x, top),
                RichText::new(value).size(11.0).strong(),
                text_color,
                Align2::CENTER_BOTTOM,
            ));
        }
        plot_ui.pointer_coordinate()
    });
    let hovered = response.inner.and_then(|p| {
        let i = p.x.round();
        ((p.x - i).abs() <= 0.4 && i >= 0.0 && (i as usize) < n).then_some(i as usize)
    });
    finish_group(response.response, group, interactive, hovered)
}

/// Points by published date, one colour per source, conflicting values ringed in red.
fn timeline_ui(
    ui: &mut egui::Ui,
    index: usize,
    group: &ChartGroup,
    interactive: bool,
) -> Option<ChartClick> {
    let log = group.log_scale;
    let max_y = group.axis_max();
    let points: Vec<(usize, [f64; 2])> = group
        .bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let d = b.date?;
            Some((i, [day_number(d) as f64, group.to_axis(b.value)]))
        })
        .collect();
    let days = points.iter().map(|(_, p)| p[0] as i64);
    let (first, last) = days.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let (lo, hi) = if first <= last {
        timeline_range(first, last)
    } else {
        (0, 1)
    };
    let date_marks: Vec<GridMark> = date_ticks(lo, hi)
        .into_iter()
        .map(|d| GridMark {
            value: d as f64,
            step_size: ((hi - lo) / 5).max(1) as f64,
        })
        .collect();
    let mut series: Vec<Vec<[f64; 2]>> = vec![Vec::new(); group.series.len().max(1)];
    let mut conflicts = Vec::new();
    for (i, p) in &points {
        let b = &group.bars[*i];
        if let Some(s) = series.get_mut(b.series) {
            s.push(*p);
        }
        if b.conflict {
            conflicts.push(*p);
        }
    }
    let names = group.series.clone();
    let ticks = axis_ticks(max_y, log);
    let plot = base_plot(("figures_timeline", index), group.plot_height_pt())
        .show_axes(Vec2b::new(true, true))
        .show_grid(Vec2b::new(true, true))
        .x_axis_label("published")
        .y_axis_label(group.axis_title())
        .y_axis_min_width(48.0)
        .y_axis_formatter(move |mark, _| axis_tick_text(mark.value, log))
        .y_grid_spacer(fixed_spacer(ticks))
        .x_grid_spacer(move |_| date_marks.clone())
        .x_axis_formatter(|mark, _| date_text(mark.value.round() as i64))
        .include_x(lo as f64)
        .include_x(hi as f64)
        .include_y(0.0)
        .include_y(max_y * 1.1);
    let positions: Vec<(usize, [f64; 2])> = points.clone();
    let response = plot.show(ui, move |plot_ui| {
        for (si, pts) in series.into_iter().enumerate() {
            let name = names.get(si).cloned().unwrap_or_default();
            plot_ui.points(
                Points::new(name, PlotPoints::from(pts))
                    .shape(MarkerShape::Circle)
                    .radius(4.5)
                    .filled(true)
                    .color(rgb(palette::series_rgb(si)))
                    .allow_hover(false),
            );
        }
        if !conflicts.is_empty() {
            plot_ui.points(
                Points::new("conflict", PlotPoints::from(conflicts))
                    .shape(MarkerShape::Circle)
                    .radius(8.0)
                    .filled(false)
                    .color(rgb(palette::CONFLICT_RGB))
                    .allow_hover(false),
            );
        }
        // The point nearest the pointer, within 10 points on screen.
        let pointer = plot_ui.pointer_coordinate()?;
        let at = plot_ui.screen_from_plot(pointer);
        positions
            .iter()
            .map(|(i, p)| {
                let pos = plot_ui.screen_from_plot(PlotPoint::new(p[0], p[1]));
                (*i, pos.distance(at))
            })
            .filter(|(_, d)| *d <= 10.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    });
    finish_group(response.response, group, interactive, response.inner)
}

/// A bar of `group` at `position`: the family colour, outlined in red when it conflicts.
fn value_bar(group: &ChartGroup, b: &ChartBar, position: f64, width: f64) -> Bar {
    let bar = Bar::new(position, group.to_axis(b.value))
        .name(&b.label)
        .width(width)
        .fill(family_color(group.family));
    if b.conflict {
        bar.stroke(Stroke::new(2.0, rgb(palette::CONFLICT_RGB)))
    } else {
        bar
    }
}

/// Names a group's plot for accessibility and, when interactive, shows the hovered bar's
/// sentence and returns its click.
fn finish_group(
    response: egui::Response,
    group: &ChartGroup,
    interactive: bool,
    hovered: Option<usize>,
) -> Option<ChartClick> {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, summary(group)));
    if !interactive {
        return None;
    }
    let bar = group.bars.get(hovered?)?;
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(380.0);
        ui.strong(format!("{}: {}", bar.label, bar.display_value()));
        if let Some(o) = &bar.origin {
            if !o.title.is_empty() {
                ui.label(RichText::new(&o.title).italics());
            }
            ui.label(&o.sentence);
            ui.label(
                RichText::new(format!("{} · {}", o.source, o.path))
                    .small()
                    .weak(),
            );
            ui.label(
                RichText::new("click to open the article here")
                    .small()
                    .weak(),
            );
        } else if bar.speaker.is_some() {
            ui.label(RichText::new("click to list these quotes").small().weak());
        }
    });
    if response.clicked() {
        ChartClick::of(bar)
    } else {
        None
    }
}

/// The legend of one small chart, drawn above it so it never covers a bar or a value.
fn legend_ui(ui: &mut egui::Ui, group: &ChartGroup) {
    let color = family_color(group.family);
    ui.horizontal_wrapped(|ui| {
        // Timeline points are coloured by series, so the title has no swatch of its own.
        if group.layout != Layout::Timeline {
            swatch(ui, color);
        }
        ui.label(RichText::new(&group.title).strong());
        if group.layout == Layout::Timeline {
            for (i, s) in group.series.iter().enumerate() {
                ui.add_space(8.0);
                swatch(ui, rgb(palette::series_rgb(i)));
                ui.label(s);
            }
        } else if group.has_range() {
            ui.add_space(12.0);
            swatch(ui, color.gamma_multiply(palette::RANGE_ALPHA));
            ui.label("range: low – high");
        }
        if group.has_conflict() {
            ui.add_space(12.0);
            swatch(ui, rgb(palette::CONFLICT_RGB));
            ui.label("* conflicting values on the same date");
        }
    });
}

/// Fixed text inside a plot (a bar's label or value): no legend entry, no hover.
fn plot_label(at: PlotPoint, text: RichText, color: Color32, anchor: Align2) -> Text {
    Text::new("", at, text)
        .color(color)
        .anchor(anchor)
        .allow_hover(false)
}

fn swatch(ui: &mut egui::Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// Tick labels on a rows chart's value axis are drawn when ticks are at least this far apart
/// (points); they fade in up to the upper end. egui_plot's default (60–80) hides the labels of
/// a report-width chart with eight ticks.
const ROW_TICK_LABEL_SPACING: std::ops::RangeInclusive<f32> = 28.0..=36.0;

/// Grid marks at exactly `ticks` (the same ticks as SVG exports).
fn fixed_spacer(ticks: Vec<f64>) -> impl Fn(GridInput) -> Vec<GridMark> + 'static {
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    move |_| {
        ticks
            .iter()
            .map(|&value| GridMark {
                value,
                step_size: step,
            })
            .collect()
    }
}
