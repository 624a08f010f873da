//! Issue 14: no input makes the command crash, or end with success and output missing.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn cable() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cable"));
    c.current_dir(repo());
    c
}

/// A character across the 64 KiB mark of standard input panicked in the reader thread, whose
/// result was ignored: no output at all, and exit status 0.
#[test]
fn a_character_across_the_detection_window() {
    let mut child = cable()
        .args(["parse", "-", "examples/07MOSCOW5434.txt"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut input = vec![b'a'; 65_535];
    input.extend("é\nCONFIDENTIAL\n\n1. x\n".as_bytes());
    child.stdin.take().expect("stdin").write_all(&input).expect("writes");
    let out = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert_eq!(lines[0]["source"], "-");
    assert_eq!(lines[1]["reference_id"], "07MOSCOW5434");
}

/// An input that cannot be read (standard input is a directory) fails the run with its error.
#[cfg(unix)]
#[test]
fn an_unreadable_standard_input_fails_the_run() {
    let dir = std::fs::File::open(repo().join("examples")).expect("opens the directory");
    let out = cable().args(["parse", "-"]).stdin(dir).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("cable: -: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `cable stats | head`: a closed output ends the command quietly (it panicked, exit 101), as it
/// does for every command.
#[test]
fn a_closed_output_pipe_ends_quietly() {
    for args in [
        &["stats", "examples/07MOSCOW5434.txt"][..],
        &["parse", "examples/07MOSCOW5434.txt"],
        &["export", "--format", "csv", "examples/07MOSCOW5434.txt"],
        &["refs", "examples/07MOSCOW5434.txt"],
    ] {
        let mut child = cable().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// A binary file is "binary", as in Python and C (it was "not a cable" here: the walk decoded
/// the NULs away before parsing).
#[cfg(unix)]
#[test]
fn a_binary_file_is_binary_everywhere() {
    let out = cable().args(["parse", "/bin/sh"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("cable: /bin/sh: binary data, not text"), "{stderr}");
}
