//! The command line: the window (default), `extract`, `chart`, `search`, `stats` and the rest.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use crate::corpus::load::{LoadReport, load_paths};
use crate::corpus::{Article, Origin, formats, seeds};
use crate::export::{
    self,
    json::{article_json, extraction_json},
};
use crate::extract::Extraction;
use crate::extract::figures::{FigureOptions, extract_figures_with};

/// newslens: read news articles, see who is quoted saying what, chart the figures they mention.
///
/// With no subcommand, opens the window on the bundled articles plus the PATHs given.
#[derive(Debug, Parser)]
#[command(name = "newslens", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Commands>,
    /// Folders or files of articles to open in the window (read recursively; never modified).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Print the figures and quotes of articles as JSON Lines (one object per article).
    ///
    /// With no PATH, the bundled articles. With `-`, reads ONE article from standard input
    /// (with or without the `source: ...| published: ...` header) and prints ONE JSON object.
    /// Offsets (`start`, `end`) count Unicode characters into the text as given.
    Extract {
        /// Folders or files, or `-` for standard input.
        paths: Vec<PathBuf>,
        /// Also print every bare number (`42`, `two thirds`, `three dozens`) with family
        /// `number` and every ordinal (`the eleventh`, `21st`) with family `ordinal`, all with
        /// `chartable: false`. Dates, times, identifiers and phone numbers stay out.
        #[arg(long)]
        all_numbers: bool,
    },
    /// Write a chart as PNG, SVG, CSV or JSON (by the --out extension), without a window.
    ///
    /// By default the figures of one article: the first (by path) of PATHs, or of the
    /// bundled articles when no PATH is given, or the first whose title contains --article.
    /// With --all, the figures of every article (duplicate stories once), grouped by source,
    /// or by date with --timeline. Needs no display and no GPU: PNGs are rasterized on the
    /// CPU.
    Chart(ChartArgs),
    /// Count articles, duplicates, skipped files by reason, figures, quotes, speakers, bytes
    /// and load time. Exits 0 when anything loaded, even if files were skipped.
    Stats {
        /// Folders or files (the bundled articles when none).
        paths: Vec<PathBuf>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// List everyone quoted, with roles, quote and article counts and the sources quoting
    /// them; names of the same person are merged. Duplicate stories count once.
    Speakers {
        /// Folders or files (the bundled articles when none).
        paths: Vec<PathBuf>,
        /// JSON output.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV output.
        #[arg(long)]
        csv: bool,
    },
    /// Find words, phrases or regexes in the title and body of every article and print each
    /// hit as a keyword-in-context line: left context, hit, right context.
    ///
    /// QUERY: words (all must occur), `"a phrase"`, `a OR b`, `-excluded`, `prefix*`,
    /// `/regex/`, grouped with parentheses; case is ignored. Exits 0 with no output when
    /// nothing matches, and 2 on an invalid query.
    Search(SearchArgs),
    /// Write a synthetic folder of articles recombined from real paragraphs (scale tests).
    #[command(hide = true)]
    Synth(SynthArgs),
    /// Score the extraction engines against the annotations in tests/data (built in):
    /// precision, recall and F1, cased and lowercased.
    Eval {
        /// Which engine.
        #[arg(value_enum)]
        engine: EvalEngine,
        /// Root of the real-article corpus the annotations refer to (folders `reuters21578/`,
        /// `bbc-news/`...). Without it only the hand-written sentences are scored.
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Add newslens to the application menu of a Linux desktop, with its icon.
    ///
    /// Writes `applications/newslens.desktop` (running this executable) and the icons
    /// (`icons/hicolor/*/apps/newslens.*`) under $XDG_DATA_HOME, else ~/.local/share.
    InstallDesktop {
        /// Data folder to install into instead of $XDG_DATA_HOME or ~/.local/share.
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Remove the menu entry and icons that `install-desktop` wrote.
    ///
    /// Removes exactly those files; a clean no-op when there are none.
    UninstallDesktop {
        /// Data folder to remove from instead of $XDG_DATA_HOME or ~/.local/share.
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

/// Arguments of `newslens chart`.
#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// Folders or files of articles.
    pub paths: Vec<PathBuf>,
    /// Chart the first article whose title contains this text (case-insensitive).
    #[arg(long, conflicts_with_all = ["all", "speakers", "sources"])]
    pub article: Option<String>,
    /// Chart figures across every article instead of one.
    #[arg(long)]
    pub all: bool,
    /// Chart the people quoted most.
    #[arg(long, conflicts_with_all = ["all", "sources"])]
    pub speakers: bool,
    /// Chart articles and figures per source and per month.
    #[arg(long, conflicts_with = "all")]
    pub sources: bool,
    /// Keep only figures of this family: currency, percent, length, area, mass, volume,
    /// energy, speed, temperature, time, count.
    #[arg(long)]
    pub family: Option<String>,
    /// Keep only figures whose measure contains this text (`trade`, `coast length`).
    #[arg(long)]
    pub measure: Option<String>,
    /// With --all: points by published date, one colour per source.
    #[arg(long, requires = "all")]
    pub timeline: bool,
    /// Output file: .png, .svg, .csv or .json (written atomically).
    #[arg(long)]
    pub out: PathBuf,
    /// Pixels per point of PNG output: 1, 2 or 3.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub scale: u8,
    /// Dark background instead of light (PNG and SVG).
    #[arg(long)]
    pub dark: bool,
}

/// Arguments of `newslens search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query.
    pub query: String,
    /// Folders or files of articles (the bundled articles when none).
    pub paths: Vec<PathBuf>,
    /// Read the whole QUERY as one regular expression.
    #[arg(long)]
    pub regex: bool,
    /// Match case as typed.
    #[arg(long)]
    pub case_sensitive: bool,
    /// Where to look: the full text, what is quoted, or the sentences that hold a figure.
    #[arg(long, value_enum, default_value = "text")]
    pub scope: SearchScope,
    /// Keep only articles of this source (repeatable; case is ignored).
    #[arg(long)]
    pub source: Vec<String>,
    /// Keep only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    /// Keep only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    /// Leave out exact and near copies of an earlier story.
    #[arg(long)]
    pub hide_duplicates: bool,
    /// Keep only articles quoting this speaker (the name as `speakers` lists it).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Keep only articles with a figure whose measure contains this text (`export quota`).
    #[arg(long)]
    pub measure: Option<String>,
    /// Keep only articles with a figure of this family (`currency`, `length`...); with
    /// --measure or a value bound, one figure must meet them all.
    #[arg(long, value_parser = parse_family)]
    pub family: Option<crate::extract::Family>,
    /// Keep only articles with a figure of at least this value: a number in the family's
    /// base unit or an amount as written (`300 mln`, `$1.5 billion`).
    #[arg(long, value_parser = parse_amount_arg)]
    pub min_value: Option<f64>,
    /// Keep only articles with a figure of at most this value (as --min-value).
    #[arg(long, value_parser = parse_amount_arg)]
    pub max_value: Option<f64>,
    /// JSON Lines: one object per hit with path, title, source, published, start, end
    /// (character offsets into the article text), left, hit, right.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV with a header row (the same fields).
    #[arg(long)]
    pub csv: bool,
}

fn parse_family(name: &str) -> Result<crate::extract::Family, String> {
    crate::export::chart::family_by_name(name).ok_or_else(|| format!("unknown family {name:?}"))
}

fn parse_amount_arg(text: &str) -> Result<f64, String> {
    crate::search::filters::parse_amount(text)
        .ok_or_else(|| format!("{text:?} is not a number or an amount like `300 mln`"))
}

/// The scopes of `newslens search`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SearchScope {
    Text,
    Quotes,
    Figures,
}

/// Arguments of `newslens synth`.
#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// Folders whose paragraphs are recombined (the bundled articles when none).
    pub from: Vec<PathBuf>,
    /// How many articles to write.
    #[arg(long, default_value_t = 10_000)]
    pub count: usize,
    /// Output folder (created; must not be inside a FROM folder).
    #[arg(long)]
    pub out: PathBuf,
    /// Random seed (the same seed writes the same folder).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// The engines `eval` can score.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum EvalEngine {
    Figures,
    Quotes,
}

/// Loads PATHs, or the seeds when there are none. Broken files are reported on stderr.
fn load_or_seeds(paths: &[PathBuf]) -> anyhow::Result<Vec<Arc<Article>>> {
    if paths.is_empty() {
        let (articles, failed) = seeds::load();
        for (name, reason) in failed {
            eprintln!("warning: bundled {name}: {reason}");
        }
        return Ok(articles.into_iter().map(Arc::new).collect());
    }
    let LoadReport {
        articles, issues, ..
    } = load_paths(paths);
    for issue in issues.iter().filter(|i| i.reason.is_failure()) {
        eprintln!("warning: {}: {}", issue.path.display(), issue.reason);
    }
    if articles.is_empty() {
        bail!("no article could be read from {}", join_paths(paths));
    }
    Ok(articles)
}

fn join_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `newslens extract`.
pub fn run_extract(paths: &[PathBuf], all_numbers: bool) -> anyhow::Result<()> {
    let options = FigureOptions { all_numbers };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if paths.len() == 1 && paths[0] == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        if bytes.is_empty() {
            bail!("standard input is empty");
        }
        // Standard input is one plain-text article (with or without the header).
        let converted = formats::convert(Path::new("-"), &bytes)
            .context("standard input is not text")?
            .into_iter()
            .next()
            .context("standard input holds no article")?;
        let article = Article::from_text(
            PathBuf::from("-"),
            Origin::File,
            converted.text,
            &converted.encoding,
        )
        .context("standard input holds no article")?;
        write_article_json(&mut out, &article, false, options)?;
        return Ok(out.flush()?);
    }
    for article in load_or_seeds(paths)? {
        write_article_json(&mut out, &article, true, options)?;
    }
    Ok(out.flush()?)
}

/// One line of `extract` output; with non-default `options`, the figures are extracted again
/// with them (the corpus is loaded with the defaults).
fn write_article_json(
    out: &mut impl std::io::Write,
    article: &Article,
    with_path: bool,
    options: FigureOptions,
) -> anyhow::Result<()> {
    let mut json = article_json(article, with_path);
    let all_figures;
    if options.all_numbers {
        all_figures = Extraction {
            figures: extract_figures_with(&article.text, options).into(),
            quotes: Box::new([]),
        };
        json.figures = extraction_json(&article.text, &all_figures).0;
    }
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)?;
    Ok(())
}

/// What `newslens stats` reports.
#[derive(Debug, serde::Serialize)]
struct Stats {
    /// Counts with each duplicated story counted once.
    stories: crate::corpus::CorpusCounts,
    /// Counts over every article, copies included.
    all_articles: crate::corpus::CorpusCounts,
    /// Skipped or unreadable files by reason.
    skipped: std::collections::BTreeMap<&'static str, usize>,
    bytes_read: u64,
    load_secs: f64,
}

/// `newslens stats`.
pub fn run_stats(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let (articles, issues, bytes) = if paths.is_empty() {
        let (articles, _) = seeds::load();
        let bytes = articles.iter().map(|a| a.text.len() as u64).sum();
        let articles = articles.into_iter().map(Arc::new).collect();
        (articles, Vec::new(), bytes)
    } else {
        let report = load_paths(paths);
        (report.articles, report.issues, report.bytes)
    };
    let corpus = crate::corpus::Corpus::from_articles(PathBuf::from("."), articles);
    let mut skipped = std::collections::BTreeMap::new();
    for issue in &issues {
        *skipped.entry(issue.reason.kind()).or_insert(0) += 1;
    }
    // The two counts side by side: each walks every quote of the corpus.
    let (stories, all_articles) = std::thread::scope(|s| {
        let all = s.spawn(|| corpus.counts(true));
        let stories = corpus.counts(false);
        (stories, all.join().unwrap_or_else(|_| corpus.counts(true)))
    });
    let stats = Stats {
        stories,
        all_articles,
        skipped,
        bytes_read: bytes,
        load_secs: started.elapsed().as_secs_f64(),
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        let s = &stats.stories;
        let a = &stats.all_articles;
        writeln!(out, "articles          {}", a.articles)?;
        writeln!(
            out,
            "duplicates        {} exact, {} near ({} distinct stories)",
            a.exact_duplicates,
            a.near_duplicates,
            a.articles - a.exact_duplicates - a.near_duplicates
        )?;
        writeln!(
            out,
            "figures           {} (all articles: {})",
            s.figures, a.figures
        )?;
        writeln!(
            out,
            "quotes            {} (all articles: {})",
            s.quotes, a.quotes
        )?;
        writeln!(out, "speakers          {}", s.speakers)?;
        writeln!(out, "bytes read        {}", stats.bytes_read)?;
        writeln!(out, "load time         {:.2} s", stats.load_secs)?;
        let total: usize = stats.skipped.values().sum();
        writeln!(out, "skipped files     {total}")?;
        for (reason, n) in &stats.skipped {
            writeln!(out, "  {reason:<22}{n}")?;
        }
    }
    if corpus.is_empty() {
        bail!("no article could be read from {}", join_paths(paths));
    }
    // The process ends here: its memory goes back at once, while freeing tens of thousands of
    // articles one allocation at a time would add a tenth of a second to every run.
    std::mem::forget(corpus);
    Ok(())
}

/// `newslens speakers`.
pub fn run_speakers(paths: &[PathBuf], json: bool, csv: bool) -> anyhow::Result<()> {
    let corpus = crate::corpus::Corpus::from_articles(PathBuf::from("."), load_or_seeds(paths)?);
    let index = crate::corpus::speakers::build(&corpus, &[], false);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &index.speakers)?;
        writeln!(out)?;
    } else if csv {
        out.write_all(index.to_csv().as_bytes())?;
    } else {
        for s in &index.speakers {
            writeln!(
                out,
                "{:>5} quotes {:>5} articles  {}{}",
                s.quotes,
                s.articles,
                s.name,
                if s.roles.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.roles.join("; "))
                }
            )?;
        }
    }
    Ok(())
}

/// `newslens search`. An invalid query is returned as a [`crate::search::QueryError`] (the
/// binary exits 2 on it).
pub fn run_search(args: &SearchArgs) -> anyhow::Result<()> {
    use crate::search::{self, Filters, Query, QueryOptions, Scope, kwic};
    let options = QueryOptions {
        case_sensitive: args.case_sensitive,
    };
    let query = if args.regex {
        Query::pattern(&args.query, options)?
    } else {
        Query::parse(&args.query, options)?
    };
    let corpus =
        crate::corpus::Corpus::from_articles(PathBuf::from("."), load_or_seeds(&args.paths)?);
    let filters = Filters {
        sources: args.source.clone(),
        from: args.from,
        to: args.to,
        hide_duplicates: args.hide_duplicates,
        speaker: args.speaker.clone().unwrap_or_default(),
        measure: args.measure.clone().unwrap_or_default(),
        family: args.family,
        min_value: args.min_value,
        max_value: args.max_value,
        ..Filters::default()
    };
    let scope = match args.scope {
        SearchScope::Text => Scope::Text,
        SearchScope::Quotes => Scope::Quotes,
        SearchScope::Figures => Scope::Figures,
    };
    let articles = corpus.articles();
    let admitted = |i: usize| filters.admits(&articles[i], corpus.dup_status(i));
    let never = std::sync::atomic::AtomicBool::new(false);
    let found =
        search::search(articles, None, &admitted, &query, scope, &never).unwrap_or_default();
    let lines = kwic::lines(&found);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.csv {
        if !lines.is_empty() {
            out.write_all(kwic::to_csv(articles, &lines).as_bytes())?;
        }
    } else {
        write_kwic_lines(&mut out, articles, &lines, args.json)?;
    }
    out.flush()?;
    std::mem::forget(corpus);
    Ok(())
}

/// One hit of `newslens search --json`.
#[derive(serde::Serialize)]
struct KwicJson<'a> {
    path: &'a Path,
    /// Position in a file of several articles (JSON array index, JSON Lines line).
    item: Option<u32>,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<chrono::NaiveDate>,
    start: usize,
    end: usize,
    left: &'a str,
    hit: &'a str,
    right: &'a str,
}

/// KWIC lines as JSON Lines, or aligned for a terminal (`left [hit] right  path:start`).
fn write_kwic_lines(
    out: &mut impl std::io::Write,
    articles: &[Arc<Article>],
    lines: &[crate::search::kwic::KwicLine],
    json: bool,
) -> anyhow::Result<()> {
    use crate::search::kwic::{CONTEXT_CHARS, context, line_char_spans};
    for (line, chars) in lines.iter().zip(line_char_spans(articles, lines)) {
        let article = &articles[line.article];
        let shown = context(article, line.span.clone());
        if json {
            let row = KwicJson {
                path: &article.path,
                item: article.item,
                title: &article.title,
                source: article.source.as_deref(),
                published: article.published,
                start: chars.start,
                end: chars.end,
                left: &shown.left,
                hit: &shown.hit,
                right: &shown.right,
            };
            serde_json::to_writer(&mut *out, &row)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{:>width$}[{}]{:<width$}  {}:{}",
                shown.left,
                shown.hit,
                shown.right,
                article.path.display(),
                chars.start,
                width = CONTEXT_CHARS
            )?;
        }
    }
    Ok(())
}

/// `newslens synth`.
pub fn run_synth(args: &SynthArgs) -> anyhow::Result<()> {
    let articles = load_or_seeds(&args.from)?;
    let paragraphs = crate::corpus::synth::paragraphs_of(&articles);
    let bytes =
        crate::corpus::synth::write_synthetic_folder(&args.out, args.count, &paragraphs, args.seed)
            .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} articles ({:.1} MB) to {}",
        args.count,
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}

/// `newslens eval`.
pub fn run_eval(engine: EvalEngine, corpus: Option<&Path>) -> anyhow::Result<()> {
    let report = match engine {
        EvalEngine::Figures => crate::extract::figures_eval::run(corpus),
        EvalEngine::Quotes => crate::extract::quotes_eval::run(corpus),
    }
    .map_err(anyhow::Error::msg)?;
    println!("{report}");
    Ok(())
}

/// `newslens chart`.
pub fn run_chart(args: &ChartArgs) -> anyhow::Result<()> {
    use crate::export::{ExportFormat, chart, views};
    let format = match ExportFormat::from_path(&args.out) {
        Some(ExportFormat::Png { .. }) => ExportFormat::Png { scale: args.scale },
        Some(f) => f,
        None => bail!(
            "--out must end in .png, .svg, .csv or .json: {}",
            args.out.display()
        ),
    };
    let family = match args.family.as_deref() {
        Some(name) => {
            Some(chart::family_by_name(name).with_context(|| format!("unknown family {name:?}"))?)
        }
        None => None,
    };
    let filter = chart::FigureFilter {
        family,
        measure: args.measure.clone(),
    };
    let articles = load_or_seeds(&args.paths)?;
    let name = corpus_name(&args.paths);
    let spec = if args.all || args.speakers || args.sources {
        let corpus = crate::corpus::Corpus::from_articles(PathBuf::from(&name), articles);
        if args.speakers {
            let index = crate::corpus::speakers::build(&corpus, &[], false);
            views::speakers_chart(&index, views::TOP_SPEAKERS, &name)
        } else if args.sources {
            views::sources_chart(corpus.counted(false), &name)
        } else {
            views::measure_chart(corpus.counted(false), &filter, args.timeline, &name)
        }
    } else {
        let chosen = match &args.article {
            Some(needle) => {
                let needle = needle.to_lowercase();
                articles
                    .iter()
                    .find(|a| a.title.to_lowercase().contains(&needle))
                    .with_context(|| format!("no article title contains {needle:?}"))?
            }
            None => articles.first().context("no article")?,
        };
        chart::chart_for_article_filtered(chosen, &filter)
    };
    if spec.is_empty() {
        bail!("nothing to chart in {:?}", spec.title);
    }
    let bytes =
        crate::render::export_bytes(&spec, format, args.dark).map_err(anyhow::Error::msg)?;
    export::write_atomic(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} bars) for {:?}",
        args.out.display(),
        spec.bar_count(),
        spec.title
    );
    Ok(())
}

/// A caption name for PATHs: their folder or file names, or the bundled articles.
fn corpus_name(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return crate::app::BUNDLED_ROOT.to_string();
    }
    paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect::<Vec<_>>()
        .join(" + ")
}
