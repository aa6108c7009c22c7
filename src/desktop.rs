//! Desktop integration without a GUI dependency: the freedesktop.org menu entry and icons that
//! `newslens install-desktop` writes and `newslens uninstall-desktop` removes, and on Windows the
//! console of the terminal a command was typed in.
//!
//! The files go under the XDG data directory (`$XDG_DATA_HOME`, else `~/.local/share`):
//! `applications/newslens.desktop`, `icons/hicolor/<N>x<N>/apps/newslens.png` and
//! `icons/hicolor/scalable/apps/newslens.svg`. The `.desktop` file's name, its
//! `StartupWMClass` and the window's app id are all [`APP_ID`], so docks and task bars match the
//! running window to its entry and icon. The same `.desktop` file (with `Exec=newslens`) is the
//! template of the `.deb` package.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::app::APP_ID;
use crate::export::write_atomic;

/// The menu entry as shipped (`Exec=newslens %F`, for a binary on the `PATH`).
pub const DESKTOP_ENTRY: &str = include_str!("../assets/newslens.desktop");

/// The scalable icon.
pub const ICON_SVG: &[u8] = include_bytes!("../assets/icon.svg");

/// The icon rendered at each size of the hicolor theme that is installed, `(pixels, PNG)`.
pub const ICON_PNGS: [(u32, &[u8]); 8] = [
    (16, include_bytes!("../assets/icons/newslens-16.png")),
    (24, include_bytes!("../assets/icons/newslens-24.png")),
    (32, include_bytes!("../assets/icons/newslens-32.png")),
    (48, include_bytes!("../assets/icons/newslens-48.png")),
    (64, include_bytes!("../assets/icons/newslens-64.png")),
    (128, include_bytes!("../assets/icons/newslens-128.png")),
    (256, include_bytes!("../assets/icons/newslens-256.png")),
    (512, include_bytes!("../assets/icons/newslens-512.png")),
];

/// The XDG data directory: `$XDG_DATA_HOME` when it is an absolute path, else
/// `$HOME/.local/share`.
pub fn default_data_dir() -> anyhow::Result<PathBuf> {
    data_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

fn data_dir_from(
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> anyhow::Result<PathBuf> {
    // The XDG base directory specification says relative paths are invalid and to be ignored.
    if let Some(dir) = xdg_data_home.map(PathBuf::from).filter(|p| p.is_absolute()) {
        return Ok(dir);
    }
    match home.map(PathBuf::from).filter(|p| p.is_absolute()) {
        Some(home) => Ok(home.join(".local").join("share")),
        None => bail!("neither XDG_DATA_HOME nor HOME is set to an absolute path; pass --data-dir"),
    }
}

/// The menu entry file under `data_dir`.
pub fn desktop_file_path(data_dir: &Path) -> PathBuf {
    data_dir
        .join("applications")
        .join(format!("{APP_ID}.desktop"))
}

/// The PNG icon of `size` pixels under `data_dir`.
pub fn png_icon_path(data_dir: &Path, size: u32) -> PathBuf {
    data_dir
        .join("icons/hicolor")
        .join(format!("{size}x{size}"))
        .join("apps")
        .join(format!("{APP_ID}.png"))
}

/// The scalable icon under `data_dir`.
pub fn svg_icon_path(data_dir: &Path) -> PathBuf {
    data_dir
        .join("icons/hicolor/scalable/apps")
        .join(format!("{APP_ID}.svg"))
}

/// Every file that [`install`] writes and [`uninstall`] removes, menu entry first.
pub fn installed_paths(data_dir: &Path) -> Vec<PathBuf> {
    let mut paths = vec![desktop_file_path(data_dir)];
    paths.extend(
        ICON_PNGS
            .iter()
            .map(|(size, _)| png_icon_path(data_dir, *size)),
    );
    paths.push(svg_icon_path(data_dir));
    paths
}

/// The menu entry for the executable at `exe` (an absolute path): the shipped entry with its
/// `Exec` line pointing at `exe` and a `TryExec` line, so the entry hides itself if the
/// executable is deleted.
pub fn desktop_entry_for(exe: &Path) -> anyhow::Result<String> {
    if !exe.is_absolute() {
        bail!("the executable path {} is not absolute", exe.display());
    }
    let path = exe
        .to_str()
        .with_context(|| format!("the executable path {} is not UTF-8", exe.display()))?;
    if path.chars().any(char::is_control) {
        bail!("the executable path {path:?} contains control characters");
    }
    let mut out = String::with_capacity(DESKTOP_ENTRY.len() + 2 * path.len());
    let mut replaced = false;
    for line in DESKTOP_ENTRY.lines() {
        if let Some(args) = line.strip_prefix("Exec=") {
            // Keep the field codes (`%F`) after the program name.
            let codes = args.split_once(' ').map_or("", |(_, codes)| codes);
            out.push_str("TryExec=");
            out.push_str(&escape_string_value(path));
            out.push_str("\nExec=");
            out.push_str(&escape_string_value(&quote_exec_program(path)));
            if !codes.is_empty() {
                out.push(' ');
                out.push_str(codes);
            }
            replaced = true;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if !replaced {
        bail!("the bundled menu entry has no Exec line");
    }
    Ok(out)
}

/// The program part of an `Exec` value: double-quoted (with `"`, `` ` ``, `$` and `\`
/// backslash-escaped) when it holds a character the desktop entry specification reserves, and
/// with `%` doubled so it is not read as a field code.
fn quote_exec_program(path: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(',
        ')', '`',
    ];
    let quoted = if path.contains(RESERVED) {
        let mut q = String::from("\"");
        for c in path.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        path.to_owned()
    };
    quoted.replace('%', "%%")
}

/// Escapes a value of type string in a desktop entry (the backslash; control characters are
/// refused earlier).
fn escape_string_value(value: &str) -> String {
    value.replace('\\', "\\\\")
}

/// Writes the menu entry (pointing at `exe`) and the icons under `data_dir`, each file
/// atomically, creating folders as needed. Returns the files written, menu entry first.
/// Installing again overwrites the same files.
pub fn install(data_dir: &Path, exe: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entry = desktop_entry_for(exe)?;
    let mut contents: Vec<(PathBuf, &[u8])> = vec![(desktop_file_path(data_dir), entry.as_bytes())];
    contents.extend(
        ICON_PNGS
            .iter()
            .map(|(size, png)| (png_icon_path(data_dir, *size), *png)),
    );
    contents.push((svg_icon_path(data_dir), ICON_SVG));
    let mut written = Vec::with_capacity(contents.len());
    for (path, bytes) in contents {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        write_atomic(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// Removes exactly the files [`install`] writes under `data_dir` (folders are left alone).
/// Returns those that existed; an empty list means nothing was installed.
pub fn uninstall(data_dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for path in installed_paths(data_dir) {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", path.display())),
        }
    }
    Ok(removed)
}

fn refuse_on_non_freedesktop() -> anyhow::Result<()> {
    if cfg!(any(windows, target_os = "macos")) {
        bail!(
            "menu entries are a Linux/BSD desktop feature; on Windows and macOS install newslens \
             with its installer or app bundle"
        );
    }
    Ok(())
}

/// `newslens install-desktop`: installs for the executable running now. Reports on `out`.
pub fn run_install(data_dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    refuse_on_non_freedesktop()?;
    let exe = std::env::current_exe().context("cannot find the path of this executable")?;
    let data_dir = match data_dir {
        Some(dir) => dir.to_path_buf(),
        None => default_data_dir()?,
    };
    let written = install(&data_dir, &exe)?;
    writeln!(
        out,
        "installed the menu entry {} (runs {}) and {} icons under {}",
        desktop_file_path(&data_dir).display(),
        exe.display(),
        written.len().saturating_sub(1),
        data_dir.join("icons/hicolor").display()
    )?;
    writeln!(
        out,
        "the desktop may take a moment to show it; if you move the executable, run \
         install-desktop again; `newslens uninstall-desktop` removes these files"
    )?;
    Ok(())
}

/// `newslens uninstall-desktop`. Not installed is not an error. Reports on `out`.
pub fn run_uninstall(data_dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let data_dir = match data_dir {
        Some(dir) => dir.to_path_buf(),
        None => default_data_dir()?,
    };
    let removed = uninstall(&data_dir)?;
    if removed.is_empty() {
        writeln!(
            out,
            "no newslens menu entry or icon under {}: nothing to remove",
            data_dir.display()
        )?;
    } else {
        writeln!(
            out,
            "removed {} files under {}:",
            removed.len(),
            data_dir.display()
        )?;
        for path in &removed {
            writeln!(out, "  {}", path.display())?;
        }
    }
    Ok(())
}

/// On Windows, attaches this process to the console of the terminal it was started from, so a
/// release build (a GUI-subsystem program with no console of its own) can print the output of
/// its commands. Does nothing when there is no such console (started from Explorer), when the
/// process already has one (debug builds), and on other systems.
pub fn attach_parent_console() {
    #[cfg(windows)]
    {
        /// `ATTACH_PARENT_PROCESS` of the Windows API: `(DWORD)-1`.
        const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
        // Failing is the normal case from Explorer and in console builds; nothing to report.
        let _ = win32console::console::WinConsole::attach_console(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of `key` in a desktop entry, in order.
    fn value<'a>(entry: &'a str, key: &str) -> Vec<&'a str> {
        entry
            .lines()
            .filter_map(|l| l.split_once('='))
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn shipped_entry_matches_the_app_id() {
        assert_eq!(value(DESKTOP_ENTRY, "StartupWMClass"), [APP_ID]);
        assert_eq!(value(DESKTOP_ENTRY, "Icon"), [APP_ID]);
        assert_eq!(value(DESKTOP_ENTRY, "Exec"), [format!("{APP_ID} %F")]);
        assert!(DESKTOP_ENTRY.starts_with("[Desktop Entry]\n"));
    }

    #[test]
    fn icons_are_pngs_of_their_size() {
        for (size, png) in ICON_PNGS {
            let img = image::load_from_memory_with_format(png, image::ImageFormat::Png).unwrap();
            assert_eq!((img.width(), img.height()), (size, size));
        }
        let svg = std::str::from_utf8(ICON_SVG).unwrap();
        assert!(svg.contains("<svg") && svg.contains("viewBox=\"0 0 256 256\""));
    }

    #[test]
    #[cfg(unix)] // Unix paths
    fn install_then_uninstall_in_a_temp_dir() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("share");
        let exe = Path::new("/opt/newslens/bin/newslens");

        let written = install(&data, exe).unwrap();
        assert_eq!(written, installed_paths(&data));
        assert_eq!(written.len(), 10);

        let entry = std::fs::read_to_string(data.join("applications/newslens.desktop")).unwrap();
        assert_eq!(value(&entry, "Exec"), ["/opt/newslens/bin/newslens %F"]);
        assert_eq!(value(&entry, "TryExec"), ["/opt/newslens/bin/newslens"]);
        assert_eq!(value(&entry, "StartupWMClass"), ["newslens"]);
        assert_eq!(value(&entry, "Icon"), ["newslens"]);
        // Everything else is the shipped entry, line for line.
        let others = |e: &str| {
            e.lines()
                .filter(|l| !l.starts_with("Exec=") && !l.starts_with("TryExec="))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(others(&entry), others(DESKTOP_ENTRY));

        for (size, png) in ICON_PNGS {
            let path = data.join(format!("icons/hicolor/{size}x{size}/apps/newslens.png"));
            assert_eq!(std::fs::read(&path).unwrap(), png, "{}", path.display());
        }
        let svg = data.join("icons/hicolor/scalable/apps/newslens.svg");
        assert_eq!(std::fs::read(svg).unwrap(), ICON_SVG);
        // No temporary files left behind by the atomic writes.
        let apps: Vec<_> = std::fs::read_dir(data.join("applications"))
            .unwrap()
            .collect();
        assert_eq!(apps.len(), 1);

        // Installing again is fine and changes nothing.
        assert_eq!(install(&data, exe).unwrap(), written);

        // A file of someone else's in the same folders survives the uninstall.
        let other = data.join("applications/other.desktop");
        std::fs::write(&other, "[Desktop Entry]\n").unwrap();

        let removed = uninstall(&data).unwrap();
        assert_eq!(removed, written);
        for path in &written {
            assert!(!path.exists(), "{} still there", path.display());
        }
        assert!(other.exists());

        // A second uninstall is a clean no-op.
        assert!(uninstall(&data).unwrap().is_empty());
    }

    #[test]
    #[cfg(unix)] // Unix paths
    fn cli_reports_install_and_noop_uninstall() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("nothing-here");

        let mut out = Vec::new();
        run_uninstall(Some(&data), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("nothing to remove"), "{text}");
        assert!(!data.exists(), "uninstall must not create folders");

        let mut out = Vec::new();
        run_install(Some(&data), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("9 icons"), "{text}");
        let entry = std::fs::read_to_string(desktop_file_path(&data)).unwrap();
        let exe = std::env::current_exe().unwrap();
        assert_eq!(
            value(&entry, "TryExec"),
            [exe.to_str().unwrap().replace('\\', "\\\\")]
        );

        let mut out = Vec::new();
        run_uninstall(Some(&data), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("removed 10 files"), "{text}");
        assert!(installed_paths(&data).iter().all(|p| !p.exists()));
    }

    #[test]
    #[cfg(unix)] // Unix paths
    fn exec_quotes_reserved_characters() {
        let entry =
            desktop_entry_for(Path::new("/home/a b/it's $HOME/100%/x\\y/newslens")).unwrap();
        // Desktop-entry quoting, then the string-value escape doubles each backslash.
        assert_eq!(
            value(&entry, "Exec"),
            [r#""/home/a b/it's \\$HOME/100%%/x\\\\y/newslens" %F"#]
        );
        assert_eq!(
            value(&entry, "TryExec"),
            [r"/home/a b/it's $HOME/100%/x\\y/newslens"]
        );
        assert!(desktop_entry_for(Path::new("relative/newslens")).is_err());
        assert!(desktop_entry_for(Path::new("/tmp/new\nline")).is_err());
    }

    #[test]
    #[cfg(unix)] // Unix paths
    fn data_dir_follows_xdg_rules() {
        let dir = |xdg: Option<&str>, home: Option<&str>| {
            data_dir_from(xdg.map(OsString::from), home.map(OsString::from)).ok()
        };
        assert_eq!(
            dir(Some("/x/data"), Some("/home/u")),
            Some(PathBuf::from("/x/data"))
        );
        assert_eq!(
            dir(Some("relative"), Some("/home/u")),
            Some(PathBuf::from("/home/u/.local/share"))
        );
        assert_eq!(
            dir(None, Some("/home/u")),
            Some(PathBuf::from("/home/u/.local/share"))
        );
        assert_eq!(dir(None, None), None);
    }
}
