use super::*;

#[test]
fn detection_by_content() {
    assert_eq!(detect("x", b"\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\""), Form::Csv);
    assert_eq!(detect("x.txt", b"<html><pre>VZCZC</pre>"), Form::Html);
    assert_eq!(detect("page.html", b"<?xml version='1.0'"), Form::Html);
    assert_eq!(detect("x.txt", b"VZCZCXRO9060\nOO RUEHDBU"), Form::Text);
}

#[test]
fn hidden_entries_are_skipped_while_walking_but_read_when_named() {
    let dir = std::env::temp_dir().join(format!("cable-walk-{}", std::process::id()));
    let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
    for sub in ["a", ".git", "b/.cache"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("x.txt"), &seed).unwrap();
    }
    std::fs::write(dir.join(".hidden.txt"), &seed).unwrap();
    std::fs::write(dir.join("notes.md"), &seed).unwrap();
    let sources: Vec<String> = Corpus::new([&dir]).map(|e| e.unwrap().source).collect();
    assert_eq!(sources, [dir.join("a/x.txt").display().to_string()]);
    assert_eq!(Corpus::new([dir.join(".git")]).count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn plain_size_counts_the_files_the_walk_reads() {
    let dir = std::env::temp_dir().join(format!("cable-size-{}", std::process::id()));
    let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join("a.txt"), &seed).unwrap();
    std::fs::write(dir.join(".git/b.txt"), &seed).unwrap();
    std::fs::write(dir.join("notes.md"), &seed).unwrap();
    // Hidden and non-cable files are not read, so not counted.
    assert_eq!(plain_size(&[&dir]), Some(seed.len() as u64));
    assert_eq!(plain_size(&[dir.join("a.txt"), dir.join("a.txt")]), Some(2 * seed.len() as u64));
    // A gzip stream (its magic bytes) is read decompressed: no size on disk says how much.
    std::fs::write(dir.join("c.txt.gz"), b"\x1f\x8b\x08\x00").unwrap();
    assert_eq!(plain_size(&[&dir]), None);
    assert_eq!(plain_size(&[dir.join("missing.txt")]), None);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_entry_names_its_file() {
    let dir = std::env::temp_dir().join(format!("cable-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A file name that ends like a row number: only the row's own `:row` is cut.
    let csv = dir.join("rows:12");
    let row = |id: &str| {
        format!(
            "\"12\",\"11/17/2007 12:31\",\"{id}\",\"CONFIDENTIAL\",\"Embassy Moscow\",\"\",\"\",\"UNCLAS MOSCOW 005434\n\"\n"
        )
    };
    std::fs::write(&csv, row("07MOSCOW5434") + &row("07MOSCOW5435")).unwrap();
    let mut corpus = Corpus::csv(&csv);
    let entry = corpus.next_raw().unwrap().unwrap();
    assert!(matches!(&entry, RawEntry::CsvRow { source, .. } if source.ends_with("rows:12:1")));
    assert_eq!(entry.path(), csv.display().to_string());
    // The document carries its source, and so does the cable parsed from it.
    let second = corpus.next().unwrap().unwrap();
    let owned = crate::OwnedCable::from_document(second.document, &Default::default()).unwrap();
    assert_eq!(owned.source(), Some(format!("{}:2", csv.display()).as_str()));
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt");
    assert_eq!(Corpus::new([seed]).next_raw().unwrap().unwrap().path(), seed);
    assert_eq!(Corpus::new([seed]).next().unwrap().unwrap().document.source(), Some(seed));
    let input = read_file(Path::new(seed), None).unwrap();
    let opts = crate::ParseOptions::default();
    assert_eq!(crate::OwnedCable::from_input(input, seed, &opts, false).unwrap().source(), Some(seed));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_paths_are_errors_and_the_walk_goes_on() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt");
    let items: Vec<_> = Corpus::new(["/nonexistent/cable.txt", seed]).collect();
    assert_eq!(items.len(), 2);
    assert!(matches!(&items[0], Err(CorpusError::Io { .. })));
    let e = items[1].as_ref().unwrap();
    assert_eq!(e.document.parse().unwrap().reference_id(), Some("07MOSCOW5434"));
}

/// Issue 14: over-limit files are rejected while reading, not read whole; a device that
/// never ends (`/dev/zero`) is read up to the limit and one byte.
#[cfg(unix)]
#[test]
fn files_over_the_limit_are_rejected_while_reading() {
    let zero = Path::new("/dev/zero");
    assert!(matches!(read_file_limited(zero, Some(Form::Text), 100_000), Ok(Input::TooLarge { limit: 100_000 })));
    let dir = std::env::temp_dir().join(format!("cable-limit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "UNCLASSIFIED\n\n1. Text.\n".repeat(100)).unwrap();
    let entries: Vec<_> = Corpus::new([&dir]).with_max_input_len(1000).collect();
    let err = entries[0].as_ref().unwrap_err();
    assert!(matches!(err, CorpusError::Rejected { .. }), "{err}");
    assert!(err.to_string().ends_with("a.txt: input too large: more than 1000 bytes (the size limit)"), "{err}");
    assert!(Corpus::new([&dir]).next().unwrap().is_ok());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 14: the walk followed symlink loops (duplicate output) and blocked forever on a
/// FIFO.
#[cfg(unix)]
#[test]
fn walks_skip_fifos_and_symlink_loops() {
    let dir = std::env::temp_dir().join(format!("cable-fifo-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/a.txt"), "UNCLASSIFIED\n\n1. Text.\n").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("sub"), dir.join("again")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(dir.join("sub/pipe.txt")).status();
    assert!(fifo.is_ok_and(|s| s.success()), "mkfifo");
    let sources: Vec<String> = Corpus::new([&dir]).map(|e| e.unwrap().source).collect();
    std::fs::remove_dir_all(&dir).unwrap();
    // `again` is `sub` reached through a link: its file is read once, under the first name
    // in sorted order.
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert!(sources[0].ends_with("again/a.txt"), "{sources:?}");
}
