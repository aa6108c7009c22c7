//! The command line: the window (default), `extract` and `chart`.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use crate::corpus::load::{LoadReport, load_paths};
use crate::corpus::{Article, Origin, decode, seeds};
use crate::export::{self, chart::chart_for_article, json::article_json};

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
    },
    /// Write the figures chart of one article as a PNG, without a window.
    ///
    /// Uses the first article (by path) of PATHs (or of the bundled articles when no PATH is
    /// given), or the first whose title contains --article. Needs a GPU driver or Mesa
    /// (software rendering is fine) but no display.
    Chart {
        /// Folders or files of articles.
        paths: Vec<PathBuf>,
        /// Chart the first article whose title contains this text (case-insensitive).
        #[arg(long)]
        article: Option<String>,
        /// Output PNG file (written atomically).
        #[arg(long)]
        out: PathBuf,
        /// Pixels per point: 1, 2 or 3.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
        scale: u8,
        /// Dark background instead of light.
        #[arg(long)]
        dark: bool,
    },
}

/// Loads PATHs, or the seeds when there are none. Broken files are reported on stderr.
fn load_or_seeds(paths: &[PathBuf]) -> anyhow::Result<Vec<Article>> {
    if paths.is_empty() {
        let (articles, failed) = seeds::load();
        for (name, reason) in failed {
            eprintln!("warning: bundled {name}: {reason}");
        }
        return Ok(articles);
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
pub fn run_extract(paths: &[PathBuf]) -> anyhow::Result<()> {
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
        let (text, encoding) = decode::decode(&bytes).context("standard input is not text")?;
        let article = Article::from_text(PathBuf::from("-"), Origin::File, text, encoding)
            .context("standard input holds no article")?;
        serde_json::to_writer(&mut out, &article_json(&article, false))?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    for article in load_or_seeds(paths)? {
        serde_json::to_writer(&mut out, &article_json(&article, true))?;
        writeln!(out)?;
    }
    Ok(out.flush()?)
}

/// `newslens chart`.
pub fn run_chart(
    paths: &[PathBuf],
    article: Option<&str>,
    out: &Path,
    scale: u8,
    dark: bool,
) -> anyhow::Result<()> {
    let articles = load_or_seeds(paths)?;
    let chosen = match article {
        Some(needle) => {
            let needle = needle.to_lowercase();
            articles
                .iter()
                .find(|a| a.title.to_lowercase().contains(&needle))
                .with_context(|| format!("no article title contains {needle:?}"))?
        }
        None => articles.first().context("no article")?,
    };
    let spec = chart_for_article(chosen);
    if spec.is_empty() {
        bail!("the article {:?} has no figures to chart", chosen.title);
    }
    let png = crate::ui::figures_chart::render_chart_png(&spec, f32::from(scale), dark)
        .map_err(anyhow::Error::msg)?;
    export::write_atomic(out, &png).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bars) for {:?}",
        out.display(),
        spec.bar_count(),
        chosen.title
    );
    Ok(())
}
