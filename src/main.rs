//! The newslens binary: logging, command line, window. Everything else is in the library.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser as _;
use newslens::app::{APP_ID, NewsLensApp};
use newslens::cli::{Cli, Commands};

fn main() -> ExitCode {
    // Start-up clock for the "first frame after N ms" log line (benches/startup.sh).
    newslens::app::startup::mark_process_start();
    // A command, --help or --version typed in a terminal: print there (Windows release builds
    // have no console of their own). Started from Explorer, there is none to attach to.
    if std::env::args_os().len() > 1 {
        newslens::desktop::attach_parent_console();
    }
    env_logger::Builder::from_env(
        env_logger::Env::default()
            .default_filter_or("info,wgpu_core=warn,wgpu_hal=warn,naga=warn,egui_wgpu=warn"),
    )
    .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Commands::Extract { paths, all_numbers }) => {
            newslens::cli::run_extract(&paths, all_numbers)
        }
        Some(Commands::Chart(args)) => newslens::cli::run_chart(&args),
        Some(Commands::Stats { paths, json }) => newslens::cli::run_stats(&paths, json),
        Some(Commands::Speakers { paths, json, csv }) => {
            newslens::cli::run_speakers(&paths, json, csv)
        }
        Some(Commands::Search(args)) => newslens::cli::run_search(&args),
        Some(Commands::Synth(args)) => newslens::cli::run_synth(&args),
        Some(Commands::Eval { engine, corpus }) => {
            newslens::cli::run_eval(engine, corpus.as_deref())
        }
        Some(Commands::InstallDesktop { data_dir }) => {
            newslens::desktop::run_install(data_dir.as_deref(), &mut std::io::stdout())
        }
        Some(Commands::UninstallDesktop { data_dir }) => {
            newslens::desktop::run_uninstall(data_dir.as_deref(), &mut std::io::stdout())
        }
        None => run_window(cli.paths),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            // A query the user can fix is a usage error, as with clap's own.
            if e.downcast_ref::<newslens::search::QueryError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run_window(paths: Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("newslens")
        .with_app_id(APP_ID)
        .with_inner_size([1360.0, 820.0])
        .with_min_inner_size([720.0, 420.0]);
    match eframe::icon_data::from_png_bytes(include_bytes!("../assets/icons/newslens-256.png")) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(e) => log::warn!("window icon: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            // After eframe's system fonts: the bundled CJK font is the last resort.
            newslens::ui::fonts::install_bundled_cjk(&cc.egui_ctx);
            Ok(Box::new(NewsLensApp::new(cc, paths)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
