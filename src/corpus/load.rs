//! Loading folders and files: a recursive walk, then decoding, parsing and extraction on
//! worker threads. Nothing is ever written to the folders read.
//!
//! [`spawn_load`] runs a load in the background and streams [`LoadEvent`]s through a bounded
//! channel; [`load_paths`] is the same work, synchronously (command line, tests).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::formats::{self, FormatError};
use super::{Article, Origin};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = formats::MAX_INPUT_BYTES as u64;

/// Articles sent per event: large enough to keep channel traffic low, small enough that the
/// list fills in visibly while loading.
const BATCH_LEN: usize = 256;

/// Events a background load may send before the window takes them in. The window takes them
/// at its frames, which come once a second on a software renderer (or not at all while it is
/// minimised), and a load of small files sends about a hundred a second: with room for 64, the
/// workers waited on the window most of the time. The articles of waiting events are kept
/// either way, so the room costs no memory of its own.
const EVENTS_AHEAD: usize = 4096;

/// Why a file was not loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IssueReason {
    #[error("hidden file or folder")]
    Hidden,
    #[error("unsupported file type ({0})")]
    UnsupportedType(String),
    #[error("not a regular file")]
    NotRegular,
    #[error("symbolic link to a folder (not followed)")]
    FolderLink,
    #[error("unreadable: {0}")]
    Unreadable(String),
    #[error("{0}")]
    Undecodable(String),
    #[error("empty file")]
    Empty,
    #[error("no text (only whitespace)")]
    Blank,
    #[error("too large ({0} MB)")]
    TooLarge(u64),
    #[error("path does not exist")]
    Missing,
    #[error("no article: {0}")]
    NoArticle(String),
    /// Some articles of a multi-article file (JSON, JSON Lines) were skipped.
    #[error("part skipped: {0}")]
    PartSkipped(String),
}

impl IssueReason {
    /// A short name of the reason, for grouping and counting (`empty file`, `binary or
    /// undecodable`...).
    pub fn kind(&self) -> &'static str {
        match self {
            IssueReason::Hidden => "hidden",
            IssueReason::UnsupportedType(_) => "unsupported file type",
            IssueReason::NotRegular => "not a regular file",
            IssueReason::FolderLink => "link to a folder",
            IssueReason::Unreadable(_) => "unreadable",
            IssueReason::Undecodable(_) => "binary or undecodable",
            IssueReason::Empty => "empty file",
            IssueReason::Blank => "no text",
            IssueReason::TooLarge(_) => "too large",
            IssueReason::Missing => "missing",
            IssueReason::NoArticle(_) => "no article in file",
            IssueReason::PartSkipped(_) => "part of a file skipped",
        }
    }

    /// True for files that were expected to be articles but could not be read; false for files
    /// skipped on purpose (hidden, other types).
    pub fn is_failure(&self) -> bool {
        !matches!(
            self,
            IssueReason::Hidden | IssueReason::UnsupportedType(_) | IssueReason::FolderLink
        )
    }
}

/// A file that was skipped or failed, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIssue {
    pub path: PathBuf,
    pub reason: IssueReason,
}

/// What a background load reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// The walk is done: this many files will be read.
    Started { files_total: usize },
    /// Articles ready to show.
    Articles(Vec<Arc<Article>>),
    /// Skipped or failed files.
    Issues(Vec<LoadIssue>),
    /// Files read so far.
    Progress { files_done: usize, bytes_done: u64 },
    /// The load ended (completely, or cancelled).
    Finished { elapsed: Duration, cancelled: bool },
}

/// The synchronous result of [`load_paths`].
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Shared from the start, so the corpus takes them without copying each.
    pub articles: Vec<Arc<Article>>,
    pub issues: Vec<LoadIssue>,
    pub bytes: u64,
    pub elapsed: Duration,
}

impl LoadReport {
    /// Failures only (skipped hidden files and other types excluded).
    pub fn failures(&self) -> impl Iterator<Item = &LoadIssue> {
        self.issues.iter().filter(|i| i.reason.is_failure())
    }
}

/// A handle on a background load.
pub struct LoadJob {
    pub events: Receiver<LoadEvent>,
    cancel: Arc<AtomicBool>,
}

impl LoadJob {
    /// Asks the workers to stop; a `Finished { cancelled: true }` event follows.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Walks `roots` (folders recursively, files as given), sorted by path for a stable order.
fn walk(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadIssue>) {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    for root in roots {
        match fs::metadata(root) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => issues.push(LoadIssue {
                path: root.clone(),
                reason: IssueReason::Missing,
            }),
            Err(e) => issues.push(LoadIssue {
                path: root.clone(),
                reason: IssueReason::Unreadable(e.to_string()),
            }),
            Ok(m) if m.is_dir() => walk_dir(root, &mut files, &mut issues),
            Ok(m) if m.is_file() => files.push(root.clone()),
            Ok(_) => issues.push(LoadIssue {
                path: root.clone(),
                reason: IssueReason::NotRegular,
            }),
        }
    }
    // Byte order: comparing paths component by component cost tens of milliseconds.
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    (files, issues)
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, issues: &mut Vec<LoadIssue>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                issues.push(LoadIssue {
                    path: dir,
                    reason: IssueReason::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    issues.push(LoadIssue {
                        path: dir.clone(),
                        reason: IssueReason::Unreadable(e.to_string()),
                    });
                    continue;
                }
            };
            let path = entry.path();
            let issue = |reason| LoadIssue {
                path: path.clone(),
                reason,
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                issues.push(issue(IssueReason::Hidden));
                continue;
            }
            // `file_type` does not follow symlinks: links to folders are never followed, so a
            // link loop cannot make the walk endless; links to files are read like files.
            let Ok(kind) = entry.file_type() else {
                issues.push(issue(IssueReason::Unreadable("cannot stat".into())));
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
                continue;
            }
            // The entry's type comes with the folder listing: regular files need no stat of
            // their own here (100,000 of them took half a second); links are followed.
            let regular = if kind.is_symlink() {
                match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        issues.push(issue(IssueReason::FolderLink));
                        continue;
                    }
                    Ok(m) => m.is_file(),
                    Err(e) => {
                        issues.push(issue(IssueReason::Unreadable(e.to_string())));
                        continue;
                    }
                }
            } else {
                kind.is_file()
            };
            if !regular {
                // FIFOs, sockets, devices: opening a FIFO would block forever.
                issues.push(issue(IssueReason::NotRegular));
            } else if !has_text_extension(&path) {
                let ext = path.extension().map_or_else(
                    || "no extension".into(),
                    |e| format!(".{}", e.to_string_lossy()),
                );
                issues.push(issue(IssueReason::UnsupportedType(ext)));
            } else {
                // Joined paths keep the folder's grown buffer: the article keeps this one.
                let mut path = path;
                path.shrink_to_fit();
                files.push(path);
            }
        }
    }
}

/// True for the file types read as articles when walking a folder (text, Markdown, HTML,
/// JSON, JSON Lines); a file named explicitly is always tried.
pub fn has_text_extension(path: &Path) -> bool {
    path.extension().is_some() && formats::format_of(path).is_some()
}

/// The articles of one file, and the parts of it that were skipped.
#[derive(Debug, Default)]
pub struct LoadedFile {
    pub articles: Vec<Article>,
    pub skipped: Vec<String>,
    /// Bytes read from the file.
    pub bytes: u64,
}

/// Reads, decodes, converts, parses and extracts one file (several articles for JSON arrays
/// and JSON Lines).
pub fn load_file(path: &Path) -> Result<LoadedFile, IssueReason> {
    load_owned(path.to_path_buf(), false).map_err(|(reason, _)| reason)
}

/// [`load_file`], moving `path` into the (last) article instead of copying it; on failure,
/// `path` comes back with the reason. `walked`: the folder walk found a regular file there.
fn load_owned(path: PathBuf, walked: bool) -> Result<LoadedFile, (IssueReason, PathBuf)> {
    match read_articles(&path, walked) {
        Ok(mut loaded) => {
            if let Some((last, others)) = loaded.articles.split_last_mut() {
                for a in others {
                    a.path = path.clone();
                }
                last.path = path;
            }
            Ok(loaded)
        }
        Err(reason) => Err((reason, path)),
    }
}

/// [`load_file`] with the articles' paths left empty.
fn read_articles(path: &Path, walked: bool) -> Result<LoadedFile, IssueReason> {
    let unreadable = |e: std::io::Error| IssueReason::Unreadable(e.to_string());
    // Devices, FIFOs and sockets are never opened: the walk saw their type already; for a
    // path given by name, a look first.
    if !walked && !fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(IssueReason::NotRegular);
    }
    let file = open_without_blocking(path).map_err(unreadable)?;
    // The type and size of what was opened (no second look-up of the path, which could
    // have changed since).
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(IssueReason::NotRegular);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(IssueReason::TooLarge(meta.len() / (1024 * 1024)));
    }
    // Reads the size the metadata gave: usually one `read` call. (`fs::read` would stat the
    // file again and seek to size its buffer; 100,000 files make that count.) A file that
    // grew since is read up to that size, and its watcher event re-reads it.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, meta.len()), &mut bytes)
        .map_err(unreadable)?;
    if bytes.is_empty() {
        return Err(IssueReason::Empty);
    }
    let bytes_read = bytes.len() as u64;
    let report = formats::convert_owned(path, bytes).map_err(|e| match e {
        FormatError::Binary(_) | FormatError::Undecodable(_) => {
            IssueReason::Undecodable(e.to_string())
        }
        FormatError::TooLarge(b) => IssueReason::TooLarge(b / (1024 * 1024)),
        FormatError::NoArticle(_) | FormatError::BadJson(_) => {
            IssueReason::NoArticle(e.to_string())
        }
    })?;
    let mut loaded = LoadedFile {
        articles: Vec::with_capacity(report.articles.len()),
        skipped: report.problems,
        bytes: bytes_read,
    };
    for c in report.articles {
        match Article::from_text(PathBuf::new(), Origin::File, c.text, &c.encoding) {
            Ok(a) => loaded.articles.push(a.with_format(c.format, c.index)),
            Err(e) if c.index.is_none() => {
                return Err(match e {
                    super::ParseError::Empty => IssueReason::Empty,
                    super::ParseError::Blank => IssueReason::Blank,
                });
            }
            Err(e) => loaded
                .skipped
                .push(format!("item {}: {e}", c.index.unwrap_or_default())),
        }
    }
    if loaded.articles.is_empty() {
        return Err(IssueReason::NoArticle(loaded.skipped.join("; ")));
    }
    Ok(loaded)
}

/// Opens `path` for reading. On Unix without blocking: should a regular file have been
/// replaced by a FIFO since it was checked, opening it would otherwise wait for a writer,
/// possibly forever (the caller then finds it is not a regular file). Reading a regular file
/// is the same either way.
fn open_without_blocking(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Starts loading `roots` on background threads. `before_walk` runs first on the loading
/// thread (the GUI starts its folder watcher there, so no change after the walk can be
/// missed and the UI thread never waits for it); `on_event` is called after each event is
/// queued (the GUI passes a repaint request).
pub fn spawn_load(
    roots: Vec<PathBuf>,
    before_walk: impl FnOnce() + Send + 'static,
    on_event: impl Fn() + Send + Sync + 'static,
) -> std::io::Result<LoadJob> {
    let (tx, rx) = sync_channel(EVENTS_AHEAD);
    let cancel = Arc::new(AtomicBool::new(false));
    let job = LoadJob {
        events: rx,
        cancel: cancel.clone(),
    };
    std::thread::Builder::new()
        .name("corpus-load".into())
        .spawn(move || {
            before_walk();
            run_load(&roots, &tx, &cancel, &on_event);
        })?;
    Ok(job)
}

/// Lowers the calling thread's OS priority a little (nice 5 on Linux, below normal elsewhere),
/// so background work yields the cores to the window's UI thread: with as many workers as
/// cores, a frame would otherwise queue behind them. Only a little, so a load still gets a
/// fair share of a machine busy with other programs. Best effort: without permission it
/// changes nothing.
pub fn background_priority() {
    use thread_priority::{ThreadPriority, ThreadPriorityValue, set_current_thread_priority};
    // 0..=99 from lowest to highest; on Linux 35 maps to nice 5.
    let Ok(value) = ThreadPriorityValue::try_from(35u8) else {
        return;
    };
    if let Err(e) = set_current_thread_priority(ThreadPriority::Crossplatform(value)) {
        log::debug!("cannot lower a worker thread's priority: {e:?}");
    }
}

/// Loads `roots` synchronously (using the same parallel workers).
pub fn load_paths(roots: &[PathBuf]) -> LoadReport {
    let (tx, rx) = sync_channel(64);
    let cancel = AtomicBool::new(false);
    let mut report = LoadReport::default();
    let cancel = &cancel;
    std::thread::scope(|s| {
        // The sender moves into the loading thread, so the receiving loop ends with it.
        s.spawn(move || run_load(roots, &tx, cancel, &|| {}));
        for event in rx {
            match event {
                LoadEvent::Articles(a) => report.articles.extend(a),
                LoadEvent::Issues(i) => report.issues.extend(i),
                LoadEvent::Progress { bytes_done, .. } => report.bytes = bytes_done,
                LoadEvent::Finished { elapsed, .. } => report.elapsed = elapsed,
                LoadEvent::Started { .. } => {}
            }
        }
    });
    report
        .articles
        .sort_unstable_by(|a, b| (a.path.as_os_str(), a.item).cmp(&(b.path.as_os_str(), b.item)));
    report
}

fn run_load(
    roots: &[PathBuf],
    tx: &SyncSender<LoadEvent>,
    cancel: &AtomicBool,
    on_event: &(dyn Fn() + Sync),
) {
    let started = Instant::now();
    let send = |event| {
        let ok = tx.send(event).is_ok();
        on_event();
        ok
    };
    let (files, issues) = walk(roots);
    if !issues.is_empty() {
        send(LoadEvent::Issues(issues));
    }
    send(LoadEvent::Started {
        files_total: files.len(),
    });
    // Workers take the next path from one queue and move it into its article.
    let queue = Mutex::new(files.into_iter());
    let files_done = AtomicUsize::new(0);
    let bytes_done = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|s| {
        for i in 0..workers {
            let worker = || {
                background_priority();
                let mut articles = Vec::new();
                let mut issues = Vec::new();
                let mut last_flush = Instant::now();
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let next_path = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some(path) = next_path else { break };
                    let mut read = 0;
                    match load_owned(path, true) {
                        Ok(loaded) => {
                            read = loaded.bytes as usize;
                            if let Some(first) = loaded.articles.first() {
                                let path = &first.path;
                                issues.extend(loaded.skipped.into_iter().map(|what| LoadIssue {
                                    path: path.clone(),
                                    reason: IssueReason::PartSkipped(what),
                                }));
                            }
                            articles.extend(loaded.articles.into_iter().map(Arc::new));
                        }
                        Err((reason, path)) => issues.push(LoadIssue { path, reason }),
                    }
                    let done = files_done.fetch_add(1, Ordering::Relaxed) + 1;
                    let bytes = bytes_done.fetch_add(read, Ordering::Relaxed) + read;
                    let flush = articles.len() >= BATCH_LEN
                        || last_flush.elapsed() > Duration::from_millis(100);
                    if flush {
                        last_flush = Instant::now();
                        let alive = flush_batch(&send, &mut articles, &mut issues)
                            && send(LoadEvent::Progress {
                                files_done: done,
                                bytes_done: bytes as u64,
                            });
                        if !alive {
                            cancel.store(true, Ordering::Relaxed);
                            break;
                        }
                    }
                }
                flush_batch(&send, &mut articles, &mut issues);
            };
            if std::thread::Builder::new()
                .name(format!("corpus-worker-{i}"))
                .spawn_scoped(s, worker)
                .is_err()
            {
                log::warn!("could not start corpus worker {i}");
            }
        }
    });
    send(LoadEvent::Progress {
        files_done: files_done.load(Ordering::Relaxed),
        bytes_done: bytes_done.load(Ordering::Relaxed) as u64,
    });
    send(LoadEvent::Finished {
        elapsed: started.elapsed(),
        cancelled: cancel.load(Ordering::Relaxed),
    });
}

fn flush_batch(
    send: &impl Fn(LoadEvent) -> bool,
    articles: &mut Vec<Arc<Article>>,
    issues: &mut Vec<LoadIssue>,
) -> bool {
    let mut alive = true;
    if !articles.is_empty() {
        alive &= send(LoadEvent::Articles(std::mem::take(articles)));
    }
    if !issues.is_empty() {
        alive &= send(LoadEvent::Issues(std::mem::take(issues)));
    }
    alive
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The niceness of the calling thread, from its `/proc` stat line (field 19).
    #[cfg(target_os = "linux")]
    fn thread_nice() -> i32 {
        let stat = fs::read_to_string("/proc/thread-self/stat").unwrap();
        // The command name may hold spaces; fields count from after its closing parenthesis.
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        after.split(' ').nth(16).unwrap().parse().unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn background_threads_run_a_little_below_normal_priority() {
        let (before, after) = std::thread::spawn(|| {
            let before = thread_nice();
            background_priority();
            (before, thread_nice())
        })
        .join()
        .unwrap();
        // Nice 5, unless the process already ran nicer than that without the right to undo it.
        assert!(
            after == 5 || (after == before && before > 5),
            "nice {before} → {after}"
        );
        // Only that thread: this one is untouched.
        assert_eq!(thread_nice(), before);
    }

    #[test]
    fn missing_root_is_reported() {
        let r = load_paths(&[PathBuf::from("/definitely/not/here")]);
        assert!(r.articles.is_empty());
        assert_eq!(r.issues[0].reason, IssueReason::Missing);
    }

    #[test]
    fn reasons_read_well() {
        assert_eq!(
            IssueReason::UnsupportedType(".png".into()).to_string(),
            "unsupported file type (.png)"
        );
        assert!(IssueReason::Empty.is_failure());
        assert!(!IssueReason::Hidden.is_failure());
    }
}
