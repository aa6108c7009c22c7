//! SVG export of a [`ChartSpec`]: vector shapes, text as text, laid out like the screen (the
//! same sizes, ticks, colours, legends above each small chart, and the caption inside).

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::chart::{
    ChartBar, ChartGroup, ChartSpec, Layout, axis_tick_text, axis_ticks, layout, palette,
};

/// Colours of one export theme.
struct Theme {
    background: &'static str,
    text: &'static str,
    weak: &'static str,
    grid: &'static str,
}

const LIGHT: Theme = Theme {
    background: "#ffffff",
    text: "#1e1e1e",
    weak: "#6b6b6b",
    grid: "#dcdcdc",
};

const DARK: Theme = Theme {
    background: "#1b1b1b",
    text: "#e6e6e6",
    weak: "#a0a0a0",
    grid: "#3c3c3c",
};

const FONT: &str = "Ubuntu, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const MARGIN: f32 = 16.0;
/// Room left of column and timeline plots for the value axis.
const Y_AXIS_PT: f32 = 64.0;
/// Room below a plot for tick labels and the axis label.
const X_AXIS_PT: f32 = 44.0;

/// The chart as a standalone SVG document, `EXPORT_WIDTH_PT` wide, in light or dark.
pub fn chart_svg(spec: &ChartSpec, dark: bool) -> String {
    let theme = if dark { &DARK } else { &LIGHT };
    let width = layout::EXPORT_WIDTH_PT;
    let title_lines = wrap(&spec.title, 84);
    let extra_title = (title_lines.len().saturating_sub(1)) as f32 * 20.0;
    let height = spec.export_height_pt() + extra_title;
    let mut svg = String::with_capacity(4096 + spec.bar_count() * 400);
    let _ = write!(
        svg,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}">
<title>{}</title>
<rect width="100%" height="100%" fill="{}"/>
"#,
        esc(&spec.title),
        theme.background
    );
    let mut y = MARGIN;
    for line in &title_lines {
        y += 18.0;
        text(&mut svg, MARGIN, y, line, 15.0, theme.text, "start", true);
        y += 2.0;
    }
    y += 8.0;
    for group in &spec.groups {
        y = legend(&mut svg, group, y, theme);
        match group.layout {
            Layout::Rows => rows(&mut svg, group, y, theme),
            Layout::Columns => columns(&mut svg, group, y, theme),
            Layout::Timeline => timeline(&mut svg, group, y, theme),
        }
        y += group.plot_height_pt();
    }
    text(
        &mut svg,
        MARGIN,
        y + 16.0,
        &spec.caption,
        12.0,
        theme.weak,
        "start",
        false,
    );
    svg.push_str("</svg>\n");
    svg
}

/// The legend row above a group; returns where the plot starts.
fn legend(svg: &mut String, g: &ChartGroup, y: f32, theme: &Theme) -> f32 {
    let mid = y + layout::LEGEND_PT / 2.0;
    let mut x = MARGIN;
    let item = |svg: &mut String, x: &mut f32, fill: Option<String>, label: &str, strong: bool| {
        if let Some(fill) = fill {
            let _ = writeln!(
                svg,
                r#"<rect x="{x}" y="{}" width="12" height="12" rx="2" fill="{fill}"/>"#,
                mid - 6.0
            );
            *x += 18.0;
        }
        text(svg, *x, mid + 4.5, label, 13.0, theme.text, "start", strong);
        *x += text_width(label, 13.0, strong) + 18.0;
    };
    if g.layout == Layout::Timeline {
        // Points are coloured by series, so the title has no swatch of its own.
        item(svg, &mut x, None, &g.title, true);
        for (i, s) in g.series.iter().enumerate() {
            item(svg, &mut x, Some(hex(palette::series_rgb(i))), s, false);
        }
    } else {
        item(
            svg,
            &mut x,
            Some(hex(palette::family_rgb(g.family))),
            &g.title,
            true,
        );
        if g.has_range() {
            item(
                svg,
                &mut x,
                Some(rgba(palette::family_rgb(g.family), palette::RANGE_ALPHA)),
                "range: low – high",
                false,
            );
        }
    }
    if g.has_conflict() {
        item(
            svg,
            &mut x,
            Some(hex(palette::CONFLICT_RGB)),
            "* conflicting values on the same date",
            false,
        );
    }
    y + layout::LEGEND_PT
}

/// Horizontal bars, one row each: label above the bar, value at its end.
fn rows(svg: &mut String, g: &ChartGroup, top: f32, theme: &Theme) {
    let left = MARGIN;
    let right = layout::EXPORT_WIDTH_PT - MARGIN;
    let plot_top = top + 8.0;
    let plot_bottom = top + g.plot_height_pt() - X_AXIS_PT;
    let axis_max = g.axis_max();
    let range = axis_max * if g.log_scale { 1.3 } else { 1.45 };
    let x_of = |v: f64| left + ((v / range) as f32) * (right - left);
    x_axis(
        svg,
        g,
        range,
        Area {
            left,
            right,
            top: plot_top,
            bottom: plot_bottom,
        },
        theme,
    );
    let color = palette::family_rgb(g.family);
    for (i, b) in g.bars.iter().enumerate() {
        let row_mid = plot_top + layout::ROW_PT * (i as f32 + 0.62);
        let thick = layout::ROW_PT * 0.42;
        let x0 = x_of(0.0);
        let x1 = x_of(g.to_axis(b.value)).max(x0 + 1.0);
        bar_rect(
            svg,
            x0,
            row_mid - thick / 2.0,
            x1 - x0,
            thick,
            hex(color),
            b,
        );
        if let Some(high) = b.high {
            let x2 = x_of(g.to_axis(high));
            bar_rect(
                svg,
                x1,
                row_mid - thick / 2.0,
                (x2 - x1).max(0.0),
                thick,
                rgba(color, palette::RANGE_ALPHA),
                b,
            );
        }
        text(
            svg,
            x0,
            row_mid - thick / 2.0 - 4.0,
            &b.label,
            13.0,
            theme.text,
            "start",
            false,
        );
        let end = x_of(g.to_axis(b.end())) + (right - left) * 0.015;
        text(
            svg,
            end,
            row_mid + 4.5,
            &b.display_value(),
            13.0,
            theme.text,
            "start",
            true,
        );
    }
}

/// Vertical columns in a fixed-height plot, with the value axis on the left.
fn columns(svg: &mut String, g: &ChartGroup, top: f32, theme: &Theme) {
    let left = MARGIN + Y_AXIS_PT;
    let right = layout::EXPORT_WIDTH_PT - MARGIN;
    let plot_top = top + 22.0;
    let plot_bottom = top + g.plot_height_pt() - X_AXIS_PT;
    let axis_max = g.axis_max();
    let range = axis_max * 1.1;
    let y_of = |v: f64| plot_bottom - ((v / range) as f32) * (plot_bottom - plot_top);
    y_axis(
        svg,
        g,
        range,
        Area {
            left,
            right,
            top: plot_top,
            bottom: plot_bottom,
        },
        theme,
    );
    let n = g.bars.len().max(1);
    let slot = (right - left) / n as f32;
    let color = palette::family_rgb(g.family);
    let every = g.label_every();
    for (i, b) in g.bars.iter().enumerate() {
        let cx = left + slot * (i as f32 + 0.5);
        let w = (slot * 0.7).max(0.5);
        let y1 = y_of(g.to_axis(b.value));
        bar_rect(svg, cx - w / 2.0, y1, w, plot_bottom - y1, hex(color), b);
        if let Some(high) = b.high {
            let y2 = y_of(g.to_axis(high));
            bar_rect(
                svg,
                cx - w / 2.0,
                y2,
                w,
                (y1 - y2).max(0.0),
                rgba(color, palette::RANGE_ALPHA),
                b,
            );
        }
        if i % every == 0 {
            text(
                svg,
                cx,
                plot_bottom + 15.0,
                &b.label,
                11.0,
                theme.text,
                "middle",
                false,
            );
        }
        if g.labels_each_column() {
            let y_top = y_of(g.to_axis(b.end()));
            text(
                svg,
                cx,
                y_top - 4.0,
                &b.display_value(),
                11.0,
                theme.text,
                "middle",
                true,
            );
        }
    }
    text(
        svg,
        (left + right) / 2.0,
        plot_bottom + 36.0,
        &g.category_label,
        12.0,
        theme.text,
        "middle",
        false,
    );
}

/// Points by date, one colour per series; conflicting values ringed.
fn timeline(svg: &mut String, g: &ChartGroup, top: f32, theme: &Theme) {
    let left = MARGIN + Y_AXIS_PT;
    let right = layout::EXPORT_WIDTH_PT - MARGIN - 8.0;
    let plot_top = top + 12.0;
    let plot_bottom = top + g.plot_height_pt() - X_AXIS_PT;
    let axis_max = g.axis_max();
    let range = axis_max * 1.1;
    y_axis(
        svg,
        g,
        range,
        Area {
            left,
            right,
            top: plot_top,
            bottom: plot_bottom,
        },
        theme,
    );
    let days: Vec<i64> = g
        .bars
        .iter()
        .filter_map(|b| b.date.map(day_number))
        .collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    let (lo, hi) = timeline_range(first, last);
    let x_of = |d: i64| left + ((d - lo) as f32 / (hi - lo) as f32) * (right - left);
    let y_of = |v: f64| plot_bottom - ((v / range) as f32) * (plot_bottom - plot_top);
    for d in date_ticks(lo, hi) {
        let x = x_of(d);
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{plot_bottom}" x2="{x}" y2="{}" stroke="{}" stroke-width="1"/>"#,
            plot_bottom + 4.0,
            theme.weak
        );
        text(
            svg,
            x,
            plot_bottom + 16.0,
            &date_text(d),
            11.0,
            theme.text,
            "middle",
            false,
        );
    }
    text(
        svg,
        (left + right) / 2.0,
        plot_bottom + 36.0,
        "published",
        12.0,
        theme.text,
        "middle",
        false,
    );
    for b in &g.bars {
        let Some(date) = b.date else { continue };
        let (x, y) = (x_of(day_number(date)), y_of(g.to_axis(b.value)));
        let _ = writeln!(
            svg,
            r#"<circle cx="{x}" cy="{y}" r="4.5" fill="{}"><title>{}</title></circle>"#,
            hex(palette::series_rgb(b.series)),
            esc(&b.tooltip())
        );
        if b.conflict {
            let _ = writeln!(
                svg,
                r#"<circle cx="{x}" cy="{y}" r="8" fill="none" stroke="{}" stroke-width="2"/>"#,
                hex(palette::CONFLICT_RGB)
            );
        }
    }
}

/// Days since 0001-01-01 (the timeline's x axis, also on screen).
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// The x range of a timeline: the dates, padded by 3% (at least a week each side).
pub fn timeline_range(first: i64, last: i64) -> (i64, i64) {
    let pad = ((last - first) / 33).max(7);
    (first - pad, last + pad)
}

/// About five evenly spaced dates inside `lo..=hi`.
pub fn date_ticks(lo: i64, hi: i64) -> Vec<i64> {
    let step = ((hi - lo) / 5).max(1);
    (1..5).map(|k| lo + k * step).filter(|d| *d <= hi).collect()
}

/// `YYYY-MM-DD` of a day number.
pub fn date_text(day: i64) -> String {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// A plot's drawing area, in points.
#[derive(Clone, Copy)]
struct Area {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
}

/// A horizontal value axis under a rows plot: tick marks, tick labels and the axis label.
fn x_axis(svg: &mut String, g: &ChartGroup, range: f64, area: Area, theme: &Theme) {
    let Area {
        left,
        right,
        top: _,
        bottom,
    } = area;
    for t in axis_ticks(g.axis_max(), g.log_scale) {
        if t > range {
            continue;
        }
        let x = left + ((t / range) as f32) * (right - left);
        // A tick mark, not a grid line: a line across the rows would cross the bar labels.
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{bottom}" stroke="{}" stroke-width="1"/>"#,
            bottom - 5.0,
            theme.weak
        );
        let label = axis_tick_text(t, g.log_scale);
        text(
            svg,
            x,
            bottom + 15.0,
            &label,
            11.0,
            theme.text,
            "middle",
            false,
        );
    }
    let _ = writeln!(
        svg,
        r#"<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{}" stroke-width="1"/>"#,
        theme.weak
    );
    text(
        svg,
        (left + right) / 2.0,
        bottom + 36.0,
        &g.axis_title(),
        12.0,
        theme.text,
        "middle",
        false,
    );
}

/// A vertical value axis left of a columns or timeline plot.
fn y_axis(svg: &mut String, g: &ChartGroup, range: f64, area: Area, theme: &Theme) {
    let Area {
        left,
        right,
        top,
        bottom,
    } = area;
    for t in axis_ticks(g.axis_max(), g.log_scale) {
        if t > range {
            continue;
        }
        let y = bottom - ((t / range) as f32) * (bottom - top);
        let _ = writeln!(
            svg,
            r#"<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{}" stroke-width="1"/>"#,
            theme.grid
        );
        let label = axis_tick_text(t, g.log_scale);
        text(
            svg,
            left - 6.0,
            y + 4.0,
            &label,
            11.0,
            theme.text,
            "end",
            false,
        );
    }
    let _ = writeln!(
        svg,
        r#"<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{}" stroke-width="1"/>"#,
        theme.weak
    );
    let mid = (top + bottom) / 2.0;
    let x = MARGIN + 8.0;
    let _ = writeln!(
        svg,
        r#"<text x="{x}" y="{mid}" font-size="12" fill="{}" text-anchor="middle" transform="rotate(-90 {x} {mid})">{}</text>"#,
        theme.text,
        esc(&g.axis_title())
    );
}

fn bar_rect(svg: &mut String, x: f32, y: f32, w: f32, h: f32, fill: String, b: &ChartBar) {
    let stroke = if b.conflict {
        format!(
            r#" stroke="{}" stroke-width="2""#,
            hex(palette::CONFLICT_RGB)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        svg,
        r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}"{stroke}><title>{}</title></rect>"#,
        esc(&b.tooltip())
    );
}

#[allow(clippy::too_many_arguments)]
fn text(
    svg: &mut String,
    x: f32,
    y: f32,
    content: &str,
    size: f32,
    fill: &str,
    anchor: &str,
    bold: bool,
) {
    let weight = if bold { r#" font-weight="bold""# } else { "" };
    let _ = writeln!(
        svg,
        r#"<text x="{x}" y="{y}" font-size="{size}" fill="{fill}" text-anchor="{anchor}"{weight}>{}</text>"#,
        esc(content)
    );
}

/// Generous width of `s` at `size` (for placing legend items one after another).
fn text_width(s: &str, size: f32, bold: bool) -> f32 {
    s.chars().count() as f32 * size * if bold { 0.66 } else { 0.58 }
}

/// Greedy word wrap at `max` characters.
fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in s.split_whitespace() {
        let Some(line) = lines.last_mut() else {
            break;
        };
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn rgba([r, g, b]: [u8; 3], alpha: f32) -> String {
    format!("rgba({r},{g},{b},{alpha})")
}

/// Escapes text for XML content and attributes; drops characters XML 1.0 forbids.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::chart::chart_for_article;

    fn texts(doc: &roxmltree::Document) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn the_seed_chart_svg_parses_and_carries_every_label() {
        let (articles, _) = crate::corpus::seeds::load();
        let spec = chart_for_article(&articles[0]);
        for dark in [false, true] {
            let svg = chart_svg(&spec, dark);
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(root.attribute("width"), Some("760"));
            let texts = texts(&doc).join("\n");
            assert!(texts.contains(&spec.title[..40]), "{texts}");
            assert!(texts.contains(&spec.caption));
            for g in &spec.groups {
                assert!(texts.contains(&g.title), "{}", g.title);
                assert!(texts.contains(&g.axis_title()));
                for b in &g.bars {
                    assert!(texts.contains(&b.label), "{}", b.label);
                    assert!(texts.contains(&b.value_text), "{}", b.value_text);
                }
            }
            assert!(texts.contains("> 300 bn USD"));
            assert!(texts.contains("> 4,500 km"));
            let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
            assert!(rects > spec.bar_count(), "background, swatches and bars");
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut spec = ChartSpec {
            title: "a < b & \"c\" \u{1} 'd'".into(),
            caption: "]]> <script>".into(),
            ..Default::default()
        };
        let mut g = ChartGroup::new(crate::extract::Family::Count, "x<y", "count");
        g.bars.push(ChartBar::plain("<b>", 3.0, "3 & 4"));
        g.finish();
        spec.groups.push(g);
        let svg = chart_svg(&spec, false);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts = texts(&doc);
        assert!(texts.iter().any(|t| t == "a < b & \"c\"  'd'"));
        assert!(texts.iter().any(|t| t == "<b>"));
        assert!(texts.iter().any(|t| t == "3 & 4"));
    }

    #[test]
    fn wraps_long_titles() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("", 5), vec![""]);
    }
}
