//! Export: the chart description shared by screen and files (PNG, SVG, CSV, JSON), the
//! corpus-wide charts, JSON output of extractions, and atomic file writing. No GUI code here.

pub mod chart;
pub mod corpus_tables;
pub mod json;
pub mod svg;
pub mod table;
pub mod views;

use std::io::Write as _;
use std::path::Path;

/// The file formats a chart exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// An image at 1, 2 or 3 pixels per point.
    Png {
        scale: u8,
    },
    /// A vector image, text kept as text.
    Svg,
    /// The plotted data with provenance.
    Csv,
    Json,
}

impl ExportFormat {
    /// The format a file name asks for, by extension (PNG at 2×).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Self::Png { scale: 2 }),
            "svg" => Some(Self::Svg),
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png { .. } => "png",
            Self::Svg => "svg",
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }

    /// The file dialog's filter name.
    pub fn description(self) -> &'static str {
        match self {
            Self::Png { .. } => "PNG image",
            Self::Svg => "SVG image",
            Self::Csv => "CSV table",
            Self::Json => "JSON data",
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. A crash never leaves a half-written file at `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Encodes RGBA8 pixels as PNG.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    image::write_buffer_with_format(
        &mut std::io::Cursor::new(&mut out),
        rgba,
        width,
        height,
        image::ExtendedColorType::Rgba8,
        image::ImageFormat::Png,
    )?;
    Ok(out)
}

/// A file name stem from a title: letters, digits, `-` and `_`, at most 60 characters.
pub fn safe_file_stem(title: &str) -> String {
    let mut stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem: String = stem.trim_matches('-').chars().take(60).collect();
    if stem.is_empty() {
        "chart".into()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.png");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn atomic_write_into_missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope").join("out.png");
        assert!(write_atomic(&p, b"x").is_err());
        assert!(!p.exists());
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            ExportFormat::from_path(Path::new("a/b.PNG")),
            Some(ExportFormat::Png { scale: 2 })
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("x.svg")),
            Some(ExportFormat::Svg)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("x.csv")),
            Some(ExportFormat::Csv)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("x.json")),
            Some(ExportFormat::Json)
        );
        assert_eq!(ExportFormat::from_path(Path::new("x.pdf")), None);
        assert_eq!(ExportFormat::from_path(Path::new("x")), None);
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(safe_file_stem("china: a/b ties?"), "china-a-b-ties");
        assert_eq!(safe_file_stem("///"), "chart");
    }

    #[test]
    fn png_round_trip() {
        let rgba = [255u8, 0, 0, 255, 0, 255, 0, 255];
        let png = encode_png(2, 1, &rgba).unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(img.dimensions(), (2, 1));
        assert_eq!(img.into_raw(), rgba);
    }
}
