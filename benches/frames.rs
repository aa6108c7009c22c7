//! Frame times of the real app while a folder loads in the background.
//!
//! `cargo bench --bench frames [-- FOLDER]`: opens the app in a test harness (no window, no
//! GPU), starts loading FOLDER (default: a synthetic folder of 20,000 articles), and times
//! every frame (layout and drawing, not rasterisation) until the load ends. Prints the
//! median, 99th percentile and worst frame.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Benches: a panic is a failure report.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use newslens::app::{Command, NewsLensApp};

fn main() {
    // `RUST_LOG=newslens=debug` names the parts of slow frames' job work.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let _tmp;
    let folder = match arg {
        Some(f) => std::path::PathBuf::from(f),
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
    h.state_mut()
        .run_command(Command::OpenPaths(vec![folder.clone()]));
    let started = Instant::now();
    let mut frames = Vec::new();
    while h.state().jobs.load.is_some() || !h.state().jobs.queued_paths.is_empty() {
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
        // A display refreshes at 60 Hz: the UI does not spin faster than that.
        std::thread::sleep(Duration::from_millis(16).saturating_sub(t.elapsed()));
    }
    let total = started.elapsed();
    // Where the slowest frames fall in the load (frame number of all), to tell a slow batch
    // from the load's last frame.
    let mut order: Vec<(usize, Duration)> = frames.iter().copied().enumerate().collect();
    order.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
    let slowest: Vec<String> = order
        .iter()
        .take(5)
        .map(|(i, d)| format!("#{i} {:.1} ms", d.as_secs_f64() * 1e3))
        .collect();
    frames.sort();
    let pct = |p: f64| frames[((frames.len() - 1) as f64 * p) as usize];
    println!(
        "{} articles from {} in {:.2} s; {} frames: median {:.2} ms, p99 {:.2} ms, worst {:.2} ms",
        h.state().state.corpus.len(),
        folder.display(),
        total.as_secs_f64(),
        frames.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        frames.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!(
        "slowest frames (of {}): {}",
        frames.len(),
        slowest.join(", ")
    );
}
