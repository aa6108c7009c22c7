//! Corpus-wide charts: one measure across the corpus (bars per source, or a timeline by
//! published date, with conflicting values highlighted), the people quoted most, and
//! articles and figures per source and per month.
//!
//! Callers pass the articles to count (duplicate stories once, unless the user counts
//! copies), so these charts agree with the corpus counts shown in the window.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::chart::{
    ChartBar, ChartGroup, ChartKind, ChartSpec, FigureFilter, Layout, axis_key, bar_label,
    human_number, unit_group,
};
use crate::corpus::Article;
use crate::corpus::speakers::SpeakerIndex;
use crate::extract::Family;

/// Values for one measure on one date differing by more than this fraction conflict.
const CONFLICT_TOLERANCE: f64 = 0.01;

/// How many speakers and sources the count charts show.
pub const TOP_SPEAKERS: usize = 20;
const TOP_SOURCES: usize = 30;

/// Bar labels of corpus-wide charts are cut to this many characters.
const LABEL_CHARS: usize = 56;

/// The measures charted figures have across `articles` (their bar labels: `trade value`,
/// `coast length`) with how many articles use each, most used first. A measure that occurs
/// only once in the corpus has nothing to be compared with and is left out (unless every
/// measure occurs once, as in a single article).
pub fn measures<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<(String, usize)> {
    // Per measure: articles using it, figures of it.
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for a in articles {
        let mut in_article: HashSet<String> = HashSet::new();
        for f in &a.extraction.figures {
            // Only figures whose measure is known (`trade`, `coast`): a generic label such as
            // `USD amount` groups unrelated figures.
            if axis_key(f).is_some() && !f.measure.trim().is_empty() {
                let label = bar_label(f);
                let entry = counts.entry(label.clone()).or_insert((0, 0));
                entry.1 += 1;
                if in_article.insert(label) {
                    entry.0 += 1;
                }
            }
        }
    }
    let mut out: Vec<(String, usize, usize)> = counts
        .into_iter()
        .map(|(m, (articles, figures))| (m, articles, figures))
        .collect();
    // A small corpus (the bundled article) where every measure occurs once keeps them all.
    if out.iter().any(|(_, _, figures)| *figures > 1) {
        out.retain(|(_, _, figures)| *figures > 1);
    }
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| b.2.cmp(&a.2))
            .then_with(|| a.0.cmp(&b.0))
    });
    out.into_iter()
        .map(|(m, articles, _)| (m, articles))
        .collect()
}

/// A measure chart's group: family position, unit and source (empty on timelines).
type GroupKey = (usize, String, String);

/// Every figure `filter` keeps across `articles`: as bars, one small chart per unit and
/// source, sorted by date; or as a `timeline` of points by published date, one chart per
/// unit and one colour per source. Figures of one measure on one date whose values differ
/// between articles are marked as conflicts.
pub fn measure_chart<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    filter: &FigureFilter,
    timeline: bool,
    corpus_name: &str,
) -> ChartSpec {
    // Every kept figure with its group key and measure; conflicts are found across groups
    // (two sources disagreeing is the interesting case), then bars go to their groups.
    let mut kept: Vec<(GroupKey, Family, ChartBar, String)> = Vec::new();
    let mut undated = 0usize;
    let mut article_count = 0usize;
    let mut dates: Option<(NaiveDate, NaiveDate)> = None;
    for a in articles {
        let mut charted = false;
        for f in &a.extraction.figures {
            let Some((family, order, unit)) = axis_key(f) else {
                continue;
            };
            if !filter.keeps(f, family) {
                continue;
            }
            if timeline && a.published.is_none() {
                undated += 1;
                continue;
            }
            charted = true;
            if let Some(d) = a.published {
                dates = Some(dates.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
            }
            let source = if timeline {
                String::new()
            } else {
                a.source_label().to_string()
            };
            let mut bar = ChartBar::of_figure(a, f, family);
            bar.label = shorten(
                &corpus_bar_label(a, f, filter.measure.is_none()),
                LABEL_CHARS,
            );
            // Values conflict only for a known measure, of the same subject (two countries'
            // export quotas differ without conflicting); figures without one never do.
            let measure = if f.measure.trim().is_empty() {
                String::new()
            } else {
                format!(
                    "{}|{}|{unit}",
                    bar_label(f).to_lowercase(),
                    f.subject.to_lowercase()
                )
            };
            kept.push(((order, unit, source), family, bar, measure));
        }
        article_count += usize::from(charted);
    }
    let measures: Vec<String> = kept.iter().map(|k| k.3.clone()).collect();
    let mut bars: Vec<ChartBar> = kept.iter().map(|k| k.2.clone()).collect();
    mark_conflicts(&mut bars, &measures);
    let mut groups: BTreeMap<GroupKey, ChartGroup> = BTreeMap::new();
    for ((key, family, _, _), bar) in kept.into_iter().zip(bars) {
        groups
            .entry(key)
            .or_insert_with_key(|(_, unit, source)| {
                let mut g = unit_group(family, unit);
                if !source.is_empty() {
                    g.title = format!("{} · {source}", g.title);
                }
                g
            })
            .bars
            .push(bar);
    }
    // Families in chart order; within a family, the unit with most figures first.
    let mut groups: Vec<(usize, ChartGroup)> = groups
        .into_iter()
        .map(|((order, _, _), g)| (order, g))
        .collect();
    groups.sort_by(|(oa, a), (ob, b)| oa.cmp(ob).then(b.bars.len().cmp(&a.bars.len())));
    let mut groups: Vec<ChartGroup> = groups.into_iter().map(|(_, g)| g).collect();
    let by_subject = filter.measure.is_some() && !timeline;
    for g in &mut groups {
        // One measure: each subject's bars together (named subjects first), by date within.
        g.bars.sort_by(|a, b| {
            let subject = |bar: &ChartBar| {
                let s = bar.origin.as_ref().map_or("", |o| o.subject.as_str());
                (
                    by_subject && s.is_empty(),
                    if by_subject { s } else { "" }.to_lowercase(),
                )
            };
            (subject(a), a.date, &a.label)
                .partial_cmp(&(subject(b), b.date, &b.label))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        if timeline {
            g.layout = Layout::Timeline;
            let mut series: Vec<String> = g
                .bars
                .iter()
                .filter_map(|b| b.origin.as_ref().map(|o| o.source.clone()))
                .collect();
            series.sort();
            series.dedup();
            for b in &mut g.bars {
                let source = b.origin.as_ref().map(|o| o.source.as_str()).unwrap_or("");
                b.series = series.iter().position(|s| s == source).unwrap_or(0);
            }
            g.series = series;
        }
        g.finish();
    }
    let what = match (&filter.measure, filter.family) {
        (Some(m), _) if !m.trim().is_empty() => format!("“{}”", m.trim()),
        (_, Some(family)) => format!("{} figures", family.as_str()),
        _ => "All figures".to_string(),
    };
    let figures: usize = groups.iter().map(|g| g.bars.len()).sum();
    let mut caption = format!(
        "{corpus_name} · {figures} figures in {article_count} articles{} · newslens",
        dates.map_or_else(String::new, |(lo, hi)| format!(
            " · {} – {}",
            lo.format("%Y-%m-%d"),
            hi.format("%Y-%m-%d")
        ))
    );
    if undated > 0 {
        caption.push_str(&format!(" · {undated} undated figures not on the timeline"));
    }
    ChartSpec {
        kind: ChartKind::Measure,
        title: format!(
            "{what} across the corpus{}",
            if timeline { ", by date" } else { "" }
        ),
        caption,
        groups,
    }
}

/// A corpus-wide bar's label: `date · source · subject`, with the measure first when the
/// chart shows every measure (`trade value · 1987-03-16 · Reuters · China`). The article's
/// title is in the bar's tooltip.
fn corpus_bar_label(a: &Article, f: &crate::extract::Figure, with_measure: bool) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(4);
    if with_measure {
        parts.push(bar_label(f));
    }
    parts.push(a.date_label().to_string());
    parts.push(a.source_label().to_string());
    if !f.subject.is_empty() {
        parts.push(f.subject.to_string());
    }
    parts.join(" · ")
}

/// Marks bars of the same measure (`measures[i]` is bar i's) and date whose values differ
/// between articles.
fn mark_conflicts(bars: &mut [ChartBar], measures: &[String]) {
    let mut by_key: HashMap<(&str, NaiveDate), Vec<usize>> = HashMap::new();
    for (i, (b, measure)) in bars.iter().zip(measures).enumerate() {
        if let Some(date) = b.date
            && !measure.is_empty()
        {
            by_key.entry((measure, date)).or_default().push(i);
        }
    }
    for members in by_key.values() {
        let (lo, hi) = members
            .iter()
            .map(|&i| bars[i].value)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        let articles: HashSet<_> = members
            .iter()
            .filter_map(|&i| bars[i].origin.as_ref().map(|o| &o.article))
            .collect();
        if articles.len() > 1 && hi - lo > CONFLICT_TOLERANCE * hi.abs().max(lo.abs()) {
            for &i in members {
                bars[i].conflict = true;
            }
        }
    }
}

/// The people quoted most (up to `top`), as one count chart; clicking a bar shows the
/// speaker's quotes.
pub fn speakers_chart(index: &SpeakerIndex, top: usize, corpus_name: &str) -> ChartSpec {
    let mut group = ChartGroup::new(Family::Count, "Quotes per speaker", "quotes");
    for s in index.speakers.iter().take(top) {
        let role = s.roles.first().map_or(String::new(), |r| format!(" ({r})"));
        let mut bar = ChartBar::plain(
            shorten(&format!("{}{role}", s.name), LABEL_CHARS),
            s.quotes as f64,
            format!(
                "{} in {} article{}",
                plural(s.quotes, "quote"),
                s.articles,
                if s.articles == 1 { "" } else { "s" }
            ),
        );
        bar.speaker = Some(s.name.clone());
        group.bars.push(bar);
    }
    group.finish();
    ChartSpec {
        kind: ChartKind::Speakers,
        title: format!("Top {} speakers by number of quotes", group.bars.len()),
        caption: format!(
            "{corpus_name} · {} speakers in all · newslens",
            index.speakers.len()
        ),
        groups: if group.bars.is_empty() {
            Vec::new()
        } else {
            vec![group]
        },
    }
}

/// Articles and figures per source (the largest sources) and per month (every month from
/// the first to the last dated article, empty months included).
pub fn sources_chart<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    corpus_name: &str,
) -> ChartSpec {
    let mut per_source: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut per_month: BTreeMap<(i32, u32), (usize, usize)> = BTreeMap::new();
    let mut total = 0usize;
    for a in articles {
        total += 1;
        let figures = a
            .extraction
            .figures
            .iter()
            .filter(|f| axis_key(f).is_some())
            .count();
        let s = per_source.entry(a.source_label()).or_default();
        s.0 += 1;
        s.1 += figures;
        if let Some(d) = a.published {
            let m = per_month.entry((d.year(), d.month())).or_default();
            m.0 += 1;
            m.1 += figures;
        }
    }
    let mut sources: Vec<(&str, (usize, usize))> = per_source.into_iter().collect();
    sources.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(b.0)));
    sources.truncate(TOP_SOURCES);
    let months = fill_months(&per_month);
    let mut groups = Vec::new();
    for (which, title, axis) in [
        (0, "Articles per source", "articles"),
        (1, "Figures per source", "figures"),
    ] {
        let mut g = ChartGroup::new(Family::Count, title, axis);
        for (source, counts) in &sources {
            let n = if which == 0 { counts.0 } else { counts.1 };
            g.bars
                .push(ChartBar::plain(*source, n as f64, human_number(n as f64)));
        }
        groups.push(g);
    }
    if !months.is_empty() {
        for (which, title, axis) in [
            (0, "Articles per month", "articles"),
            (1, "Figures per month", "figures"),
        ] {
            let mut g = ChartGroup::new(Family::Count, title, axis);
            g.layout = Layout::Columns;
            g.category_label = "month".into();
            for ((y, m), counts) in &months {
                let n = if which == 0 { counts.0 } else { counts.1 };
                let mut bar =
                    ChartBar::plain(format!("{y}-{m:02}"), n as f64, human_number(n as f64));
                bar.date = NaiveDate::from_ymd_opt(*y, *m, 1);
                g.bars.push(bar);
            }
            groups.push(g);
        }
    }
    for g in &mut groups {
        g.finish();
        // Counts per month read better on a linear axis even when they vary a lot.
        if g.layout == Layout::Columns {
            g.log_scale = false;
        }
    }
    groups.retain(|g| !g.bars.is_empty());
    ChartSpec {
        kind: ChartKind::Sources,
        title: "Articles and figures per source and per month".into(),
        caption: format!("{corpus_name} · {total} articles · newslens"),
        groups,
    }
}

/// Every month from the first to the last in `counts` (at most 50 years), zeros included.
fn fill_months(counts: &BTreeMap<(i32, u32), (usize, usize)>) -> Vec<((i32, u32), (usize, usize))> {
    let (Some(first), Some(last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let span = (last.0 - first.0) * 12 + last.1 as i32 - first.1 as i32;
    if span > 600 {
        return counts.iter().map(|(k, v)| (*k, *v)).collect();
    }
    let mut out = Vec::new();
    let (mut y, mut m) = *first;
    loop {
        out.push(((y, m), counts.get(&(y, m)).copied().unwrap_or_default()));
        if (y, m) == *last {
            break;
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `text` cut to `max` characters with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Origin};

    fn article(path: &str, source: &str, date: &str, body: &str) -> Article {
        let text = format!("A title {path}\n\nsource: {source}| published: {date}\n\n{body}\n");
        Article::from_text(path.into(), Origin::File, text, "UTF-8").unwrap()
    }

    fn trade(value: &str) -> String {
        format!("Officials said bilateral trade was worth {value} billion dollars last year.")
    }

    #[test]
    fn one_measure_across_sources_with_conflicts() {
        let articles = [
            article("/a/1.txt", "wire", "1987-03-02", &trade("30")),
            article("/a/2.txt", "daily", "1987-03-02", &trade("35")),
            article("/a/3.txt", "daily", "1987-04-10", &trade("35")),
            article(
                "/a/4.txt",
                "daily",
                "1987-04-10",
                "Nothing measured here at all.",
            ),
        ];
        let found = measures(&articles);
        let (measure, count) = found
            .iter()
            .find(|(m, _)| m.contains("trade"))
            .unwrap_or_else(|| panic!("the trade measure is offered: {found:?}"));
        assert_eq!(*count, 3, "{found:?}");
        let filter = FigureFilter {
            family: None,
            measure: Some(measure.clone()),
        };
        let spec = measure_chart(&articles, &filter, false, "test");
        assert_eq!(spec.kind, ChartKind::Measure);
        assert_eq!(spec.bar_count(), 3);
        // One small chart per source, bars by date.
        let titles: Vec<&str> = spec.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Money (USD) · daily", "Money (USD) · wire"]);
        let daily = &spec.groups[0];
        assert!(daily.bars[0].label.starts_with("1987-03-02 · "));
        assert!(daily.bars[0].conflict, "30 vs 35 bn on 1987-03-02");
        assert!(!daily.bars[1].conflict, "alone on its date");
        assert!(spec.groups[1].bars[0].conflict);
        assert!(spec.caption.contains("3 figures in 3 articles"));
        assert!(spec.caption.contains("1987-03-02 – 1987-04-10"));
        // Every bar leads back to its article and sentence.
        let o = daily.bars[0].origin.as_ref().unwrap();
        assert_eq!(o.article, std::path::PathBuf::from("/a/2.txt"));
        assert!(o.sentence.contains("35 billion dollars"));
    }

    fn quota(body: &str) -> String {
        format!("{body} The deadline is in may.")
    }

    #[test]
    fn subjects_label_bars_group_them_and_bound_conflicts() {
        let articles = [
            article(
                "/a/1.txt",
                "wire",
                "1987-03-02",
                &quota("Malaysia has an export quota of 28,526 tonnes, Indonesia 24,516."),
            ),
            article(
                "/a/2.txt",
                "wire",
                "1987-03-02",
                &quota("Malaysia has an export quota of 28,526 tonnes, Thailand 19,000."),
            ),
            article(
                "/a/3.txt",
                "wire",
                "1987-03-02",
                &quota("Indonesia has an export quota of 25,000 tonnes."),
            ),
        ];
        let found = measures(&articles);
        assert_eq!(
            found[0],
            ("export quota weight".to_string(), 3),
            "{found:?}"
        );
        let filter = FigureFilter {
            family: None,
            measure: Some(found[0].0.clone()),
        };
        let spec = measure_chart(&articles, &filter, false, "test");
        let bars = &spec.groups[0].bars;
        let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        // date · source · subject, each subject's bars together.
        assert_eq!(
            labels,
            [
                "1987-03-02 · wire · Indonesia",
                "1987-03-02 · wire · Indonesia",
                "1987-03-02 · wire · Malaysia",
                "1987-03-02 · wire · Malaysia",
                "1987-03-02 · wire · Thailand",
            ]
        );
        // Indonesia's two values differ on one date; Malaysia's agree; Thailand is alone.
        let conflicts: Vec<bool> = bars.iter().map(|b| b.conflict).collect();
        assert_eq!(conflicts, [true, true, false, false, false]);
        // The title is in the tooltip; the subject and measure are in the exports.
        assert!(bars[0].tooltip().contains("A title /a/"));
        let csv = crate::export::table::to_csv(&spec);
        assert!(
            csv.lines()
                .next()
                .unwrap()
                .contains("label,measure,subject,value")
        );
        assert!(csv.contains(",export quota,Thailand,19000,"), "{csv}");
    }

    #[test]
    fn measures_rank_by_articles_and_drop_single_figures() {
        let articles = [
            article("/a/1.txt", "wire", "1987-03-02", &trade("30")),
            article(
                "/a/2.txt",
                "wire",
                "1987-03-02",
                &format!("{} Coffee exports rose to 3 mln bags.", trade("31")),
            ),
            article(
                "/a/3.txt",
                "wire",
                "1987-03-02",
                "Net profit was 5 mln dlrs. Net profit was 7 mln dlrs.",
            ),
        ];
        let found = measures(&articles);
        let names: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(names, ["bilateral trade value", "net profit"], "{found:?}");
        assert_eq!(found[0].1, 2);
        assert_eq!(found[1].1, 1);
    }

    #[test]
    fn timeline_has_one_series_per_source_and_skips_undated() {
        let mut undated = article("/a/5.txt", "wire", "2020-01-01", &trade("40"));
        undated.published = None;
        let articles = [
            article("/a/1.txt", "wire", "1987-03-02", &trade("30")),
            article("/a/2.txt", "daily", "1987-03-09", &trade("35")),
            undated,
        ];
        let filter = FigureFilter {
            family: Some(Family::Currency),
            measure: None,
        };
        let spec = measure_chart(&articles, &filter, true, "test");
        assert_eq!(spec.groups.len(), 1);
        let g = &spec.groups[0];
        assert_eq!(g.layout, Layout::Timeline);
        assert_eq!(g.series, ["daily", "wire"]);
        assert_eq!(g.bars.len(), 2);
        assert_eq!(g.series[g.bars[0].series], "wire");
        assert!(
            spec.caption
                .contains("1 undated figures not on the timeline")
        );
    }

    #[test]
    fn sources_and_months_with_empty_months() {
        let articles = [
            article("/a/1.txt", "wire", "1987-01-05", &trade("30")),
            article("/a/2.txt", "wire", "1987-03-09", "No figures."),
            article("/a/3.txt", "daily", "1987-03-10", &trade("35")),
        ];
        let spec = sources_chart(&articles, "test");
        let g = |t: &str| spec.groups.iter().find(|g| g.title == t).unwrap();
        let per_source = g("Articles per source");
        assert_eq!(per_source.bars[0].label, "wire");
        assert_eq!(per_source.bars[0].value, 2.0);
        let months = g("Articles per month");
        assert_eq!(months.layout, Layout::Columns);
        let labels: Vec<&str> = months.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["1987-01", "1987-02", "1987-03"]);
        assert_eq!(months.bars[1].value, 0.0);
        let march: usize = articles[1..]
            .iter()
            .map(|a| {
                a.extraction
                    .figures
                    .iter()
                    .filter(|f| axis_key(f).is_some())
                    .count()
            })
            .sum();
        assert!(march >= 1);
        assert_eq!(g("Figures per month").bars[2].value, march as f64);
    }

    #[test]
    fn top_speakers_link_to_their_quotes() {
        let (articles, _) = crate::corpus::seeds::load();
        let corpus = Corpus::from_articles("seeds".into(), articles);
        let index = crate::corpus::speakers::build(&corpus, &[], false);
        let spec = speakers_chart(&index, 5, "seeds");
        assert_eq!(spec.kind, ChartKind::Speakers);
        let bars = &spec.groups[0].bars;
        assert!(!bars.is_empty() && bars.len() <= 5);
        assert!(bars.windows(2).all(|w| w[0].value >= w[1].value));
        assert!(bars.iter().all(|b| b.speaker.is_some()));
        assert_eq!(bars[0].value as usize, index.speakers[0].quotes);
    }

    #[test]
    fn shortens_on_characters() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("ééé", 3), "ééé");
    }
}
