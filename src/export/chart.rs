//! The chart description: which figures are plotted, grouped so that figures of different
//! units never share a value axis, with their labels already formatted.
//!
//! The same [`ChartSpec`] is drawn on screen (egui_plot), rendered to PNG off-screen, written
//! as SVG ([`super::svg`]) and as CSV/JSON ([`super::table`]), so every export matches what
//! is shown. Corpus-wide charts are built in [`super::views`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::corpus::Article;
use crate::extract::{Bound, Family, Figure, char_offset};

/// Where a plotted figure comes from: its article, sentence and span (for provenance in
/// exports, hover text, and opening the article at the sentence).
#[derive(Debug, Clone, PartialEq)]
pub struct BarOrigin {
    /// The article's key in the corpus (its path, or `path/#N` in multi-article files).
    pub article: PathBuf,
    /// The path as shown to users.
    pub path: String,
    pub title: String,
    pub source: String,
    pub published: Option<NaiveDate>,
    /// The figure's measure (`export quota`) and subject (`Malaysia`), as extracted.
    pub measure: String,
    pub subject: String,
    /// The sentence the figure comes from.
    pub sentence: String,
    /// Byte span of the sentence in the article text (to scroll to it).
    pub sentence_span: (usize, usize),
    /// The figure as written, and its byte and character spans.
    pub figure_text: String,
    pub figure_span: (usize, usize),
    pub figure_chars: (usize, usize),
    pub sentence_chars: (usize, usize),
}

impl BarOrigin {
    /// The origin of figure `f` of `article`.
    pub fn of(article: &Article, f: &Figure) -> Self {
        let span = f.span();
        let sentence = article.sentence_around(span.start, span.end);
        let text = &article.text;
        Self {
            article: article.key(),
            path: article.display_path(),
            title: article.title.to_string(),
            source: article.source_label().to_string(),
            published: article.published,
            measure: f.measure.to_string(),
            subject: f.subject.to_string(),
            sentence: text[sentence.clone()].to_string(),
            sentence_span: (sentence.start, sentence.end),
            figure_text: f.surface(text).to_string(),
            figure_span: (span.start, span.end),
            figure_chars: (char_offset(text, span.start), char_offset(text, span.end)),
            sentence_chars: (
                char_offset(text, sentence.start),
                char_offset(text, sentence.end),
            ),
        }
    }
}

/// One bar (or, on a timeline, one point).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    /// Category label: what is measured (`trade value`), or the date and article on
    /// corpus-wide charts, or a source, month or speaker on count charts.
    pub label: String,
    /// The plotted value (for ranges and vague magnitudes, the low end).
    pub value: f64,
    /// Upper end for ranges and vague magnitudes, drawn as a lighter extension.
    pub high: Option<f64>,
    /// The value as a reader would say it: `> 300 bn USD`, `> 4,500 km`, `10 mn – 100 mn`.
    pub value_text: String,
    /// The date on a timeline.
    pub date: Option<NaiveDate>,
    /// The series a timeline point belongs to (its source), an index into the group's `series`.
    pub series: usize,
    /// Another article gives a different value for the same measure on the same date.
    pub conflict: bool,
    /// The figure's provenance; `None` for counts (articles per month...).
    pub origin: Option<BarOrigin>,
    /// On the speakers chart: the speaker, whose quotes a click shows.
    pub speaker: Option<String>,
}

impl ChartBar {
    /// A bar with only a label and a value (counts, speakers).
    pub fn plain(label: impl Into<String>, value: f64, value_text: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value,
            high: None,
            value_text: value_text.into(),
            date: None,
            series: 0,
            conflict: false,
            origin: None,
            speaker: None,
        }
    }

    /// The bar of figure `f` of `article`, on the axis of `family`, labelled with what it
    /// measures and whose it is (`export quota weight · Malaysia`).
    pub fn of_figure(article: &Article, f: &Figure, family: Family) -> Self {
        let label = if f.subject.is_empty() {
            bar_label(f)
        } else {
            format!("{} · {}", bar_label(f), f.subject)
        };
        Self {
            label,
            value: f.low().unwrap_or(f.value),
            high: f.high().filter(|h| *h > f.low().unwrap_or(f.value)),
            value_text: value_text(f, family),
            date: article.published,
            series: 0,
            conflict: false,
            origin: Some(BarOrigin::of(article, f)),
            speaker: None,
        }
    }

    /// The end of the bar (its high end for ranges).
    pub fn end(&self) -> f64 {
        self.high.unwrap_or(self.value)
    }

    /// The value text as drawn: marked when it conflicts (the legend explains the mark).
    pub fn display_value(&self) -> String {
        if self.conflict {
            format!("{}{}", self.value_text, palette::CONFLICT_MARK)
        } else {
            self.value_text.clone()
        }
    }

    /// Hover text: label, value and, for figures, the sentence and file it comes from.
    pub fn tooltip(&self) -> String {
        match &self.origin {
            Some(o) => format!(
                "{}: {} — {} — {} ({})",
                self.label, self.value_text, o.title, o.sentence, o.path
            ),
            None => format!("{}: {}", self.label, self.value_text),
        }
    }
}

/// How a group is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Horizontal bars, one row each, labelled above the bar with the value at its end.
    Rows,
    /// Vertical columns in a fixed-height plot (time sequences, and groups too long for rows);
    /// category labels along the axis when they fit.
    Columns,
    /// Points by published date, one colour per series (source).
    Timeline,
}

/// Bars sharing one value axis: the same family and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGroup {
    pub family: Family,
    /// `Money (USD)`, `Lengths (km)`, `Counts`.
    pub title: String,
    /// The value axis label: the unit, or `count`.
    pub axis_label: String,
    /// True when the values span more than two orders of magnitude: the axis is log10.
    pub log_scale: bool,
    pub layout: Layout,
    /// What the categories of a columns chart are (`month`); empty when the labels say it.
    pub category_label: String,
    /// Series names of a timeline (sources), in legend order.
    pub series: Vec<String>,
    pub bars: Vec<ChartBar>,
}

impl ChartGroup {
    pub fn new(family: Family, title: impl Into<String>, axis_label: impl Into<String>) -> Self {
        Self {
            family,
            title: title.into(),
            axis_label: axis_label.into(),
            log_scale: false,
            layout: Layout::Rows,
            category_label: String::new(),
            series: Vec::new(),
            bars: Vec::new(),
        }
    }

    /// Whether any bar has a low–high range.
    pub fn has_range(&self) -> bool {
        self.bars.iter().any(|b| b.high.is_some())
    }

    /// Whether any bar conflicts with another.
    pub fn has_conflict(&self) -> bool {
        self.bars.iter().any(|b| b.conflict)
    }

    /// Decides the log axis (values spanning more than 100×) and, for rows, switches to
    /// columns when there are too many bars for one row each.
    pub fn finish(&mut self) {
        let (lo, hi) = self
            .bars
            .iter()
            .flat_map(|b| [Some(b.value), b.high])
            .flatten()
            .filter(|v| *v > 0.0)
            .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        self.log_scale = hi > 0.0 && hi / lo > 100.0;
        if self.layout == Layout::Rows && self.bars.len() > MAX_ROWS {
            self.layout = Layout::Columns;
        }
    }

    /// Maps a value to the axis (log10 on log axes; values at or below 1 sit at 0).
    pub fn to_axis(&self, v: f64) -> f64 {
        if self.log_scale {
            if v > 1.0 { v.log10() } else { 0.0 }
        } else {
            v
        }
    }

    /// The largest axis value of any bar end (at least something positive).
    pub fn axis_max(&self) -> f64 {
        let m = self
            .bars
            .iter()
            .map(|b| self.to_axis(b.end()))
            .fold(0.0f64, f64::max);
        if m > 0.0 { m } else { 1.0 }
    }

    /// Height in points of the group's plot (without its legend row).
    pub fn plot_height_pt(&self) -> f32 {
        match self.layout {
            Layout::Rows => layout::CHART_BASE_PT + layout::ROW_PT * self.bars.len() as f32,
            Layout::Columns | Layout::Timeline => layout::FIXED_PLOT_PT,
        }
    }

    /// The value axis title, noting a log scale.
    pub fn axis_title(&self) -> String {
        if self.log_scale {
            format!("{} (log scale)", self.axis_label)
        } else {
            self.axis_label.clone()
        }
    }

    /// Every how many columns a category label is drawn (about twelve labels per plot).
    pub fn label_every(&self) -> usize {
        self.bars.len().div_ceil(12).max(1)
    }

    /// Whether columns are few enough to label each one on the axis.
    pub fn labels_each_column(&self) -> bool {
        self.bars.len() <= layout::MAX_LABELLED_COLUMNS
    }
}

/// Groups with more bars than this are drawn as columns.
pub const MAX_ROWS: usize = 40;

/// Sizes shared by the screen and every export, in points.
pub mod layout {
    /// Points per bar row, and the fixed part of each row chart (axis, margins).
    pub const ROW_PT: f32 = 38.0;
    pub const CHART_BASE_PT: f32 = 64.0;
    /// Height of column and timeline plots.
    pub const FIXED_PLOT_PT: f32 = 280.0;
    /// The legend row above each small chart.
    pub const LEGEND_PT: f32 = 26.0;
    /// Title, caption and margins of a whole chart.
    pub const FRAME_PT: f32 = 64.0;
    /// Logical width of exported images and SVGs.
    pub const EXPORT_WIDTH_PT: f32 = 760.0;
    /// Columns up to this many get a label and a value each.
    pub const MAX_LABELLED_COLUMNS: usize = 24;
}

/// Colours shared by the screen and every export (sRGB).
pub mod palette {
    use crate::extract::Family;

    /// A colour per family, the same on screen and in exports.
    pub fn family_rgb(family: Family) -> [u8; 3] {
        match family {
            Family::Currency => [31, 119, 180],
            Family::Percent => [148, 103, 189],
            Family::Length | Family::Area => [44, 160, 44],
            Family::Mass | Family::Volume => [140, 86, 75],
            Family::Time => [127, 127, 127],
            Family::Count | Family::Ordinal => [255, 127, 14],
            Family::Speed | Family::Temperature => [214, 39, 40],
            Family::Energy | Family::Power => [227, 119, 194],
            Family::Pressure | Family::Torque | Family::Frequency => [188, 189, 34],
            Family::Data | Family::DataRate => [23, 100, 160],
            Family::Number => [23, 190, 207],
        }
    }

    /// Timeline series (sources), cycling through eight distinguishable colours.
    pub fn series_rgb(index: usize) -> [u8; 3] {
        const SERIES: [[u8; 3]; 8] = [
            [31, 119, 180],
            [255, 127, 14],
            [44, 160, 44],
            [148, 103, 189],
            [140, 86, 75],
            [227, 119, 194],
            [23, 190, 207],
            [188, 189, 34],
        ];
        SERIES[index % SERIES.len()]
    }

    /// The outline of conflicting values.
    pub const CONFLICT_RGB: [u8; 3] = [214, 39, 40];

    /// The lighter extension of a range bar: the family colour at this opacity.
    pub const RANGE_ALPHA: f32 = 0.35;

    /// Marks a conflicting value's text; the legend explains it.
    pub const CONFLICT_MARK: &str = " *";
}

/// What a chart shows, for exports and the UI's view picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    /// The figures of one article.
    #[default]
    Article,
    /// One measure's figures across the corpus.
    Measure,
    /// People quoted most.
    Speakers,
    /// Articles and figures per source and per month.
    Sources,
}

/// A whole chart: title, caption and groups (small multiples).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub title: String,
    /// `source · date · newslens`: shown under the chart and inside exported images.
    pub caption: String,
    pub groups: Vec<ChartGroup>,
}

impl ChartSpec {
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(|g| g.bars.is_empty())
    }

    pub fn bar_count(&self) -> usize {
        self.groups.iter().map(|g| g.bars.len()).sum()
    }

    /// Height in points the chart needs when drawn at [`layout::EXPORT_WIDTH_PT`].
    pub fn export_height_pt(&self) -> f32 {
        let groups: f32 = self
            .groups
            .iter()
            .map(|g| g.plot_height_pt() + layout::LEGEND_PT)
            .sum();
        groups + layout::FRAME_PT
    }
}

/// Which figures a chart keeps: a family and a measure (case-insensitive substring of the
/// bar label or measure). Empty filters keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureFilter {
    pub family: Option<Family>,
    pub measure: Option<String>,
}

impl FigureFilter {
    pub fn keeps(&self, f: &Figure, chart_family: Family) -> bool {
        if let Some(family) = self.family
            && family != chart_family
            && family != f.family
        {
            return false;
        }
        match &self.measure {
            Some(m) if !m.trim().is_empty() => {
                let m = m.trim().to_lowercase();
                bar_label(f).to_lowercase().contains(&m) || f.measure.contains(&m)
            }
            _ => true,
        }
    }
}

/// Which families are charted, in display order. Bare numbers with no unit are not: a bar
/// of "7" measuring nothing helps no reader.
const CHART_ORDER: &[Family] = &[
    Family::Currency,
    Family::Percent,
    Family::Length,
    Family::Area,
    Family::Mass,
    Family::Volume,
    Family::Energy,
    Family::Power,
    Family::Speed,
    Family::Pressure,
    Family::Torque,
    Family::Frequency,
    Family::Data,
    Family::DataRate,
    Family::Temperature,
    Family::Time,
    Family::Count,
];

/// The family named `name` (`currency`, `length`, `count`...; also `money`), any case.
pub fn family_by_name(name: &str) -> Option<Family> {
    let name = name.trim().to_lowercase();
    if name == "money" {
        return Some(Family::Currency);
    }
    CHART_ORDER
        .iter()
        .chain(&[Family::Ordinal, Family::Number])
        .copied()
        .find(|f| f.as_str() == name)
}

/// The family whose axis a figure is drawn on: ordinals attached to a counted noun
/// (`fifth consulate`) are counts (`consulate count: 5`). `None`: not charted.
pub fn chart_family(f: &Figure) -> Option<Family> {
    match f.family {
        Family::Ordinal if !f.unit.is_empty() => Some(Family::Count),
        Family::Ordinal | Family::Number => None,
        other => Some(other),
    }
}

/// The axis a charted figure belongs on: its display position and unit (counts of different
/// things share one count axis; every other unit has its own). `None`: not charted.
pub fn axis_key(f: &Figure) -> Option<(Family, usize, String)> {
    let family = chart_family(f)?;
    let order = CHART_ORDER.iter().position(|&x| x == family)?;
    let unit = if family == Family::Count {
        String::new()
    } else {
        f.unit.to_string()
    };
    Some((family, order, unit))
}

/// An empty group for the axis of `family` and `unit` (empty for counts).
pub fn unit_group(family: Family, unit: &str) -> ChartGroup {
    let axis = if family == Family::Count {
        "count"
    } else {
        unit
    };
    ChartGroup::new(family, group_title(family, unit), axis)
}

/// Builds the chart of one article.
pub fn chart_for_article(article: &Article) -> ChartSpec {
    chart_for_article_filtered(article, &FigureFilter::default())
}

/// Builds the chart of one article, keeping the figures `filter` keeps.
pub fn chart_for_article_filtered(article: &Article, filter: &FigureFilter) -> ChartSpec {
    let mut groups: BTreeMap<(usize, String), ChartGroup> = BTreeMap::new();
    for f in &article.extraction.figures {
        let Some((family, order, unit)) = axis_key(f) else {
            continue;
        };
        if !filter.keeps(f, family) {
            continue;
        }
        groups
            .entry((order, unit))
            .or_insert_with_key(|(_, unit)| unit_group(family, unit))
            .bars
            .push(ChartBar::of_figure(article, f, family));
    }
    let mut groups: Vec<ChartGroup> = groups.into_values().collect();
    groups.iter_mut().for_each(ChartGroup::finish);
    ChartSpec {
        kind: ChartKind::Article,
        title: article.title.to_string(),
        caption: caption(article),
        groups,
    }
}

/// `cgtn · 2021-07-28 · newslens`
pub fn caption(article: &Article) -> String {
    format!(
        "{} · {} · newslens",
        article.source_label(),
        article.date_label()
    )
}

fn group_title(family: Family, unit: &str) -> String {
    let name = match family {
        Family::Currency => "Money",
        Family::Percent => "Percentages",
        Family::Length => "Lengths",
        Family::Area => "Areas",
        Family::Mass => "Weights",
        Family::Volume => "Volumes",
        Family::Energy => "Energy",
        Family::Power => "Power",
        Family::Pressure => "Pressures",
        Family::Torque => "Torques",
        Family::Frequency => "Frequencies",
        Family::Data => "Data sizes",
        Family::DataRate => "Data rates",
        Family::Speed => "Speeds",
        Family::Temperature => "Temperatures",
        Family::Time => "Durations",
        Family::Count | Family::Ordinal => "Counts",
        Family::Number => "Numbers",
    };
    if unit.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({unit})")
    }
}

/// The category label of a figure's bar.
pub fn bar_label(f: &Figure) -> String {
    [&f.label, &f.measure, &f.unit]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .map_or_else(|| f.family.as_str().to_string(), |s| s.trim().to_string())
}

/// `> 300 bn USD`, `> 4,500 km`, `5`, `10 mn – 100 mn`, `~ 3 years`.
pub fn value_text(f: &Figure, chart_family: Family) -> String {
    let number = match (f.bound, f.low(), f.high()) {
        (_, Some(lo), Some(hi)) if hi > lo => {
            format!("{} – {}", human_number(lo), human_number(hi))
        }
        _ => format!("{}{}", bound_symbol(f.bound), human_number(f.value)),
    };
    let unit = match chart_family {
        Family::Count => "",
        Family::Percent if f.unit == "%" => "%",
        _ => f.unit.as_str(),
    };
    match unit {
        "" => number,
        "%" => format!("{number}%"),
        u => format!("{number} {u}"),
    }
}

fn bound_symbol(bound: Bound) -> &'static str {
    match bound {
        Bound::Lower => "> ",
        Bound::Upper => "< ",
        Bound::Approximate => "~ ",
        Bound::Exact | Bound::Range => "",
    }
}

/// A number as people write it in reports: `4,500`, `1.5`, `10 mn`, `300 bn`, `2.1 tn`.
pub fn human_number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let abs = v.abs();
    let (scaled, suffix) = if abs >= 1e12 {
        (v / 1e12, " tn")
    } else if abs >= 1e9 {
        (v / 1e9, " bn")
    } else if abs >= 1e6 {
        (v / 1e6, " mn")
    } else {
        (v, "")
    };
    format!("{}{suffix}", with_separators(scaled))
}

/// `4500` → `4,500`; `1.25` → `1.25`; at most two decimals, trailing zeros removed.
fn with_separators(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// Axis tick text for a value on a group's axis (log axes tick at powers of ten).
pub fn axis_tick_text(v: f64, log_scale: bool) -> String {
    if log_scale {
        human_number(10f64.powf(v))
    } else {
        human_number(v)
    }
}

/// Tick positions (axis values) from 0 to at least `axis_max`: every power of ten on log
/// axes (every other one past eight), otherwise 1-2-5 steps giving four to eight ticks. The
/// screen and every export tick at the same values.
pub fn axis_ticks(axis_max: f64, log_scale: bool) -> Vec<f64> {
    if !axis_max.is_finite() || axis_max <= 0.0 {
        return vec![0.0];
    }
    if log_scale {
        let last = axis_max.ceil().min(300.0) as i32;
        let step = if last > 8 { 2 } else { 1 };
        return (0..=last)
            .filter(|k| k % step == 0)
            .map(f64::from)
            .collect();
    }
    let rough = axis_max / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| axis_max / s <= 8.0)
        .unwrap_or(10.0 * magnitude);
    let count = (axis_max / step).ceil() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Sym;

    #[test]
    fn human_numbers() {
        assert_eq!(human_number(3e11), "300 bn");
        assert_eq!(human_number(4500.0), "4,500");
        assert_eq!(human_number(1e7), "10 mn");
        assert_eq!(human_number(1.5), "1.5");
        assert_eq!(human_number(2.1e12), "2.1 tn");
        assert_eq!(human_number(-1234567.0), "-1.23 mn");
        assert_eq!(human_number(999.999), "1,000");
        assert_eq!(human_number(0.0), "0");
    }

    fn fig(value: f64, unit: &str, family: Family, bound: Bound) -> Figure {
        Figure {
            value,
            lo: f64::NAN,
            hi: f64::NAN,
            unit: unit.into(),
            family,
            qualifier: Sym::EMPTY,
            bound,
            approximate: false,
            measure: Sym::EMPTY,
            label: Sym::EMPTY,
            subject: Sym::EMPTY,
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn value_texts() {
        let f = fig(3e11, "USD", Family::Currency, Bound::Lower);
        assert_eq!(value_text(&f, Family::Currency), "> 300 bn USD");
        let f = fig(4500.0, "km", Family::Length, Bound::Lower);
        assert_eq!(value_text(&f, Family::Length), "> 4,500 km");
        let f = fig(12.5, "%", Family::Percent, Bound::Approximate);
        assert_eq!(value_text(&f, Family::Percent), "~ 12.5%");
        let mut f = fig(1e7, "doses", Family::Count, Bound::Approximate);
        f.lo = 1e7;
        f.hi = 1e8;
        assert_eq!(value_text(&f, Family::Count), "10 mn – 100 mn");
    }

    #[test]
    fn bar_labels_fall_back() {
        let mut f = fig(1.0, "km", Family::Length, Bound::Exact);
        assert_eq!(bar_label(&f), "km");
        f.measure = "coast".into();
        assert_eq!(bar_label(&f), "coast");
        f.label = "coast length".into();
        assert_eq!(bar_label(&f), "coast length");
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(
            axis_ticks(4500.0, false),
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]
        );
        assert_eq!(axis_ticks(7.0, false).last(), Some(&7.0));
        assert_eq!(axis_ticks(3.2, true), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(
            axis_ticks(11.5, true),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]
        );
        assert_eq!(axis_ticks(0.0, false), vec![0.0]);
        for max in [0.3, 1.0, 17.0, 99.0, 123_456.0, 3e11] {
            let t = axis_ticks(max, false);
            assert!(t.len() >= 3 && t.len() <= 9, "{max}: {t:?}");
            assert!(*t.last().unwrap() >= max);
        }
    }

    #[test]
    fn the_seed_chart_keeps_units_apart_with_provenance() {
        let (articles, _) = crate::corpus::seeds::load();
        let spec = chart_for_article(&articles[0]);
        assert_eq!(spec.kind, ChartKind::Article);
        let titles: Vec<&str> = spec.groups.iter().map(|g| g.title.as_str()).collect();
        assert!(titles.contains(&"Money (USD)"), "{titles:?}");
        assert!(titles.contains(&"Lengths (km)"), "{titles:?}");
        for g in &spec.groups {
            for b in &g.bars {
                let o = b.origin.as_ref().unwrap();
                assert_eq!(
                    &articles[0].text[o.figure_span.0..o.figure_span.1],
                    o.figure_text
                );
                assert!(o.sentence.contains(&o.figure_text));
                let chars: String = articles[0]
                    .text
                    .chars()
                    .skip(o.figure_chars.0)
                    .take(o.figure_chars.1 - o.figure_chars.0)
                    .collect();
                assert_eq!(chars, o.figure_text);
            }
        }
        let money = FigureFilter {
            family: Some(Family::Currency),
            measure: None,
        };
        let only = chart_for_article_filtered(&articles[0], &money);
        assert_eq!(only.groups.len(), 1);
        let coast = FigureFilter {
            family: None,
            measure: Some("COAST".into()),
        };
        let only = chart_for_article_filtered(&articles[0], &coast);
        assert_eq!(only.bar_count(), 1);
        assert_eq!(only.groups[0].bars[0].value_text, "> 4,500 km");
    }

    #[test]
    fn families_by_name() {
        assert_eq!(family_by_name("Currency"), Some(Family::Currency));
        assert_eq!(family_by_name("money"), Some(Family::Currency));
        assert_eq!(family_by_name(" length "), Some(Family::Length));
        assert_eq!(family_by_name("bananas"), None);
    }

    #[test]
    fn long_groups_become_columns() {
        let mut g = unit_group(Family::Count, "");
        for i in 0..=MAX_ROWS {
            g.bars
                .push(ChartBar::plain(format!("b{i}"), i as f64 + 1.0, "x"));
        }
        g.finish();
        assert_eq!(g.layout, Layout::Columns);
        assert!(!g.log_scale, "1 to 41 is not two orders of magnitude");
        assert_eq!(g.plot_height_pt(), layout::FIXED_PLOT_PT);
    }
}
