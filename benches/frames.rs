//! Frame times of the real app while a folder loads in the background, then while a query is
//! typed into the search box.
//!
//! `cargo bench --bench frames [-- FOLDER] [--type QUERY]`: opens the app in a test harness
//! (no window, no GPU), starts loading FOLDER (default: a synthetic folder of 20,000
//! articles), and times every frame (layout and drawing, not rasterisation) until the load
//! ends. Prints the median, 99th percentile and worst frame. With `--type`, it then waits for
//! the search index, types QUERY one key every 150 ms (a fast typist), times those frames and
//! how long after the last key the results are shown, and prints the process's peak memory
//! against the size of the corpus text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benches: a panic is a failure report.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use newslens::app::search::SearchCommand;
use newslens::app::{Command, NewsLensApp};

/// A display refreshes at 60 Hz: the UI does not spin faster than that.
const FRAME: Duration = Duration::from_millis(16);
/// Time between two keys of a fast typist.
const KEY_INTERVAL: Duration = Duration::from_millis(150);

fn main() {
    // `RUST_LOG=newslens=debug` names the parts of slow frames' job work.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let typed = args
        .iter()
        .position(|a| a == "--type")
        .and_then(|k| args.get(k + 1).cloned());
    let folder_arg = args
        .iter()
        .enumerate()
        .find(|(k, a)| !a.starts_with('-') && (*k == 0 || args[k - 1] != "--type"))
        .map(|(_, a)| std::path::PathBuf::from(a));
    let _tmp;
    let folder = match folder_arg {
        Some(folder) => folder,
        None => {
            let tmp = tempfile::tempdir().unwrap();
            let paragraphs =
                newslens::corpus::synth::paragraphs_of(&newslens::corpus::seeds::load().0);
            newslens::corpus::synth::write_synthetic_folder(tmp.path(), 20_000, &paragraphs, 3)
                .unwrap();
            let path = tmp.path().to_path_buf();
            _tmp = tmp;
            path
        }
    };
    let mut h: Harness<'_, NewsLensApp> = Harness::builder()
        .with_size([1360.0, 820.0])
        .with_context_setup(newslens::ui::fonts::install_fallback_fonts)
        .build_eframe(|cc| NewsLensApp::new(cc, Vec::new()));
    h.run();
    if let Some(peak) = peak_memory_bytes() {
        // The window's own memory (fonts, the bundled articles), which a corpus adds to.
        println!("peak memory before the load: {:.0} MB", peak as f64 / 1e6);
    }
    time_load(&mut h, &folder);
    if let Some(query) = typed {
        time_typing(&mut h, &query);
    }
}

/// Steps one frame, then sleeps out the rest of a 60 Hz frame; returns the frame's time.
fn step_frame(h: &mut Harness<'_, NewsLensApp>) -> Duration {
    let t = Instant::now();
    h.step();
    let took = t.elapsed();
    std::thread::sleep(FRAME.saturating_sub(took));
    took
}

fn time_load(h: &mut Harness<'_, NewsLensApp>, folder: &std::path::Path) {
    h.state_mut()
        .run_command(Command::OpenPaths(vec![folder.to_path_buf()]));
    let started = Instant::now();
    let mut frames = Vec::new();
    while h.state().jobs.load.is_some() || !h.state().jobs.queued_paths.is_empty() {
        frames.push(step_frame(h));
    }
    let total = started.elapsed();
    println!(
        "{} articles from {} in {:.2} s",
        h.state().state.corpus.len(),
        folder.display(),
        total.as_secs_f64(),
    );
    report("load", frames);
    print_peak_memory(h, "after the load");
}

fn time_typing(h: &mut Harness<'_, NewsLensApp>, query: &str) {
    // The index is built on a worker after the load (large corpora only).
    let started = Instant::now();
    while h.state().jobs.index.is_some() || h.state().state.view.index_dirty {
        step_frame(h);
    }
    if let Some(index) = &h.state().state.view.index {
        println!(
            "index: {} words, {:.1} MB, ready {:.2} s after the load",
            index.word_count(),
            index.postings_bytes() as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
    }
    let mut frames = Vec::new();
    let chars: Vec<char> = query.chars().collect();
    let mut last_key = Instant::now();
    for end in 1..=chars.len() {
        let prefix: String = chars[..end].iter().collect();
        h.state_mut()
            .run_command(Command::Search(SearchCommand::SetQuery(prefix)));
        last_key = Instant::now();
        while last_key.elapsed() < KEY_INTERVAL && end < chars.len() {
            frames.push(step_frame(h));
        }
    }
    let search = |h: &Harness<'_, NewsLensApp>| {
        let s = &h.state().state.view.search;
        s.running || s.dirty || h.state().jobs.search.is_some()
    };
    while search(h) {
        frames.push(step_frame(h));
    }
    let ready = last_key.elapsed();
    let state = &h.state().state;
    let hits = state
        .view
        .search
        .outcome
        .result
        .as_ref()
        .map_or(0, |r| r.hits);
    println!(
        "typed {query:?}: {hits} hits shown {:.1} ms after the last key",
        ready.as_secs_f64() * 1e3
    );
    report("typing", frames);
    print_peak_memory(h, "after the search");
}

/// Prints the process's peak memory so far against the size of the corpus text.
fn print_peak_memory(h: &Harness<'_, NewsLensApp>, when: &str) {
    let articles = h.state().state.corpus.articles();
    let text: usize = articles.iter().map(|a| a.text.len()).sum();
    if let Some(peak) = peak_memory_bytes() {
        println!(
            "peak memory {when}: {:.0} MB = {:.2}x the corpus text ({:.1} MB)",
            peak as f64 / 1e6,
            peak as f64 / text as f64,
            text as f64 / 1e6
        );
    }
}

/// Prints the median, 99th percentile, worst and the five slowest frames (by number, to
/// tell a slow batch from the last frame).
fn report(what: &str, mut frames: Vec<Duration>) {
    if frames.is_empty() {
        println!("{what}: no frames");
        return;
    }
    let mut order: Vec<(usize, Duration)> = frames.iter().copied().enumerate().collect();
    order.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
    let slowest: Vec<String> = order
        .iter()
        .take(5)
        .map(|(i, d)| format!("#{i} {:.1} ms", d.as_secs_f64() * 1e3))
        .collect();
    frames.sort();
    let pct = |p: f64| frames[((frames.len() - 1) as f64 * p) as usize].as_secs_f64() * 1e3;
    println!(
        "{what}: {} frames: median {:.2} ms, p99 {:.2} ms, worst {:.2} ms; slowest {}",
        frames.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0),
        slowest.join(", ")
    );
}

/// The process's peak resident memory (Linux: `VmHWM`), if known.
fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
