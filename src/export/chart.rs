//! The chart description: which figures are plotted, grouped so that figures of different
//! units never share a value axis, with their labels already formatted.
//!
//! The same [`ChartSpec`] is drawn on screen and in exported images, so what is exported
//! matches what is shown.

use std::collections::BTreeMap;

use crate::corpus::Article;
use crate::extract::{Bound, Family, Figure};

/// One bar: a figure of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    /// Category label: what is measured (`trade value`, `coast length`).
    pub label: String,
    /// The plotted value (for ranges and vague magnitudes, the low end).
    pub value: f64,
    /// Upper end for ranges and vague magnitudes, drawn as a lighter extension.
    pub high: Option<f64>,
    /// The value as a reader would say it: `> 300 bn USD`, `> 4,500 km`, `10 mn – 100 mn doses`.
    pub value_text: String,
    /// The sentence the figure comes from (for hover text and provenance).
    pub sentence: String,
    /// Byte span of the sentence in the article text (to scroll to it).
    pub sentence_span: (usize, usize),
    /// Byte span of the figure itself.
    pub figure_span: (usize, usize),
}

/// Bars sharing one value axis: the same family and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGroup {
    pub family: Family,
    /// `Currency (USD)`, `Length (km)`, `Counts`.
    pub title: String,
    /// The value axis label: the unit, or `count`.
    pub axis_label: String,
    /// True when the values span more than two orders of magnitude: the axis is log10.
    pub log_scale: bool,
    pub bars: Vec<ChartBar>,
}

/// A whole chart: title, caption and groups (small multiples).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    /// `source · date · newslens`: shown under the chart and inside exported images.
    pub caption: String,
    pub groups: Vec<ChartGroup>,
}

impl ChartSpec {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn bar_count(&self) -> usize {
        self.groups.iter().map(|g| g.bars.len()).sum()
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
    Family::Speed,
    Family::Temperature,
    Family::Time,
    Family::Count,
];

/// The family whose axis a figure is drawn on: ordinals attached to a counted noun
/// (`fifth consulate`) are counts (`consulate count: 5`).
fn chart_family(f: &Figure) -> Option<Family> {
    match f.family {
        Family::Ordinal if !f.unit.is_empty() => Some(Family::Count),
        Family::Ordinal | Family::Number => None,
        other => Some(other),
    }
}

/// Builds the chart of one article.
pub fn chart_for_article(article: &Article) -> ChartSpec {
    let mut groups: BTreeMap<(usize, String), ChartGroup> = BTreeMap::new();
    for f in &article.extraction.figures {
        let Some(family) = chart_family(f) else {
            continue;
        };
        let Some(order) = CHART_ORDER.iter().position(|&x| x == family) else {
            continue;
        };
        // Counts of different things share the count axis; every other unit has its own.
        let unit_key = if family == Family::Count {
            String::new()
        } else {
            f.unit.clone()
        };
        let sentence = article.sentence_around(f.start, f.end);
        let group = groups
            .entry((order, unit_key.clone()))
            .or_insert_with(|| ChartGroup {
                family,
                title: group_title(family, &unit_key),
                axis_label: if family == Family::Count {
                    "count".into()
                } else {
                    f.unit.clone()
                },
                log_scale: false,
                bars: Vec::new(),
            });
        group.bars.push(ChartBar {
            label: bar_label(f),
            value: f.low.unwrap_or(f.value),
            high: f.high.filter(|h| *h > f.low.unwrap_or(f.value)),
            value_text: value_text(f, family),
            sentence: article.text[sentence.clone()].to_string(),
            sentence_span: (sentence.start, sentence.end),
            figure_span: (f.start, f.end),
        });
    }
    let mut groups: Vec<ChartGroup> = groups.into_values().collect();
    for g in &mut groups {
        let positive = g
            .bars
            .iter()
            .flat_map(|b| [Some(b.value), b.high])
            .flatten();
        let (lo, hi) = positive
            .filter(|v| *v > 0.0)
            .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        g.log_scale = hi > 0.0 && hi / lo > 100.0;
    }
    ChartSpec {
        title: article.title.clone(),
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
    let number = match (f.bound, f.low, f.high) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            low: None,
            high: None,
            unit: unit.into(),
            family,
            qualifier: String::new(),
            bound,
            approximate: false,
            measure: String::new(),
            label: String::new(),
            surface: String::new(),
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
        f.low = Some(1e7);
        f.high = Some(1e8);
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
}
