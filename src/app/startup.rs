//! Start-up time: from the start of `main` to the end of the first frame, logged once.
//!
//! `benches/startup.sh` sets [`EXIT_AFTER_FIRST_FRAME`] so that the app prints the time and
//! closes right after its first frame. The clock starts when `main` calls
//! [`mark_process_start`]; the loader's work before `main` is not counted (the script also
//! measures the wall time from launch to exit, which is).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Set (to anything) to print `first_frame_ms=N` to stderr and close after the first frame.
pub const EXIT_AFTER_FIRST_FRAME: &str = "NEWSLENS_EXIT_AFTER_FIRST_FRAME";

static PROCESS_START: OnceLock<Instant> = OnceLock::new();
static FIRST_FRAME_DONE: AtomicBool = AtomicBool::new(false);

/// Starts the start-up clock. The binary calls this first thing in `main`.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Time since [`mark_process_start`]; `None` if it was never called (tests, library use).
pub fn since_process_start() -> Option<Duration> {
    PROCESS_START.get().map(Instant::elapsed)
}

/// Called at the end of every frame; does something on the first one only, and only in the
/// binary (where the clock was started).
pub fn first_frame_done(ctx: &egui::Context) {
    if FIRST_FRAME_DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(elapsed) = since_process_start() else {
        return;
    };
    let ms = elapsed.as_millis();
    log::info!("first frame after {ms} ms");
    if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some() {
        // Start-up benchmark: report and quit; eframe still paints this frame before closing.
        eprintln!("first_frame_ms={ms}");
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
