//! Byte streams in: a file, standard input or a binding's file object, decompressed when its
//! first bytes say it is gzip or zstd, and refused with the name of the format when they say it
//! is something no cable comes in (an archive, a PDF, an image, a program).
//!
//! Detection is by magic bytes, never by name: `cables.csv.gz` renamed `cables.csv` is still
//! read, and a `.gz` that is plain text is read as text.

use std::io::{self, Read};

/// A stream of input bytes that can move to a reader thread.
pub struct Stream(Box<dyn Read + Send>);

impl Stream {
    /// `r` as a stream.
    pub fn new(r: impl Read + Send + 'static) -> Self {
        Stream(Box::new(r))
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stream")
    }
}

/// A compression the input layer undoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Compression {
    /// gzip (RFC 1952), also several members one after the other (`cat a.gz b.gz`, `pigz`).
    Gzip,
    /// Zstandard, also several frames one after the other (`zstd -T0`).
    Zstd,
}

crate::names::names!(Compression {
    Gzip => "gzip",
    Zstd => "zstd",
});

impl std::fmt::Display for Compression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Bytes read to tell the format of a stream (the longest magic number below).
const MAGIC: usize = 8;

/// The compression that `head` (the first bytes of a stream) starts with.
pub fn compression(head: &[u8]) -> Option<Compression> {
    if head.starts_with(&[0x1f, 0x8b]) {
        Some(Compression::Gzip)
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(Compression::Zstd)
    } else {
        None
    }
}

/// The name of a compressed or archive format that `head` starts with and that this layer does
/// not read: a `cables.csv.xz` or a zip of pages gets an error naming it, not a parse of its
/// bytes. (Programs, images and other binary files are left to the parser, which reports them
/// as `binary data, not text` in every binding.)
pub fn foreign_format(head: &[u8]) -> Option<&'static str> {
    const KNOWN: &[(&[u8], &str)] = &[
        (b"\xfd7zXZ\x00", "an xz-compressed file"),
        (b"BZh", "a bzip2-compressed file"),
        (b"\x04\x22\x4d\x18", "an lz4-compressed file"),
        (b"PK\x03\x04", "a zip archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
    ];
    KNOWN.iter().find(|(magic, _)| head.starts_with(magic)).map(|(_, name)| *name)
}

/// The stream of `src`'s content and the compression undone: decompressed when it starts with a
/// gzip or zstd magic number; an [`io::ErrorKind::InvalidData`] error naming the format when it
/// starts with that of a [`foreign_format`]. Nothing is read beyond the magic number before the
/// first read.
pub fn open(src: impl Read + Send + 'static) -> io::Result<(Stream, Option<Compression>)> {
    let mut src = src;
    let mut head = [0u8; MAGIC];
    let n = read_up_to(&mut src, &mut head)?;
    let head = head[..n].to_vec();
    if let Some(name) = foreign_format(&head) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{name}, not cables (read: text, cablegate pages, cables.csv; compressed with gzip or zstd)"),
        ));
    }
    let whole = io::Cursor::new(head.clone()).chain(src);
    match compression(&head) {
        None => Ok((Stream::new(whole), None)),
        Some(c) => Ok((decompress(c, whole)?, Some(c))),
    }
}

#[cfg(feature = "compressed")]
fn decompress(c: Compression, src: impl Read + Send + 'static) -> io::Result<Stream> {
    let src = io::BufReader::with_capacity(64 * 1024, src);
    Ok(match c {
        Compression::Gzip => Stream::new(Named(flate2::bufread::MultiGzDecoder::new(src), c)),
        Compression::Zstd => Stream::new(Named(Zstd { src: Some(src), frame: None }, c)),
    })
}

#[cfg(not(feature = "compressed"))]
fn decompress(c: Compression, _src: impl Read + Send + 'static) -> io::Result<Stream> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        format!("{c}-compressed input, and this build of cable-core reads none (feature `compressed`)"),
    ))
}

/// A decompressor whose errors say which format was being read (`gzip: corrupt deflate
/// stream` rather than a bare `corrupt deflate stream`).
#[cfg(feature = "compressed")]
struct Named<R>(R, Compression);

#[cfg(feature = "compressed")]
impl<R: Read> Read for Named<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| match e.kind() {
            io::ErrorKind::Interrupted => e,
            kind => io::Error::new(kind, format!("{}-compressed input: {e}", self.1)),
        })
    }
}

/// Zstandard frames one after the other: `ruzstd`'s decoder reads one frame, so a new one is
/// started while input is left.
#[cfg(feature = "compressed")]
struct Zstd<R: io::BufRead> {
    src: Option<R>,
    frame: Option<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>,
}

#[cfg(feature = "compressed")]
impl<R: io::BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(frame) = &mut self.frame {
                let n = frame.read(buf)?;
                if n > 0 {
                    return Ok(n);
                }
                self.src = self.frame.take().map(|f| f.into_inner());
            }
            let Some(mut src) = self.src.take() else { return Ok(0) };
            if src.fill_buf()?.is_empty() {
                return Ok(0);
            }
            let frame = ruzstd::decoding::StreamingDecoder::new(src)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
            self.frame = Some(frame);
        }
    }
}

/// Reads until `buf` is full or the stream ends (retrying interrupted reads).
pub(crate) fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt");

    fn read_all(s: io::Result<(Stream, Option<Compression>)>) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        s?.0.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn plain_bytes_pass_through_also_when_shorter_than_a_magic_number() {
        assert_eq!(read_all(open(&b"UNC"[..])).unwrap(), b"UNC");
        assert_eq!(read_all(open(&b""[..])).unwrap(), b"");
        let seed = std::fs::read(SEED).unwrap();
        assert_eq!(read_all(open(io::Cursor::new(seed.clone()))).unwrap(), seed);
    }

    #[cfg(feature = "compressed")]
    #[test]
    fn gzip_members_are_read_one_after_the_other() {
        use std::io::Write;
        let seed = std::fs::read(SEED).unwrap();
        let member = |b: &[u8]| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(b).unwrap();
            e.finish().unwrap()
        };
        let (a, b) = seed.split_at(1000);
        let gz = [member(a), member(b)].concat();
        assert_eq!(read_all(open(io::Cursor::new(gz.clone()))).unwrap(), seed);
        // A damaged stream is an error that names the format, not garbage text.
        let mut bad = gz;
        bad[40] ^= 0xff;
        bad[41] ^= 0xff;
        let err = read_all(open(io::Cursor::new(bad))).unwrap_err();
        assert!(err.to_string().starts_with("gzip-compressed input: "), "{err}");
    }

    #[cfg(feature = "compressed")]
    #[test]
    fn zstd_frames_are_read_one_after_the_other() {
        // Two frames made by `printf 'UNCLASSIFIED\n' | zstd -19` and `printf '1. Text.\n' | zstd -19`.
        let frames: &[u8] = &[
            0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x68, 0x69, 0x00, 0x00, 0x55, 0x4e, 0x43, 0x4c, 0x41, 0x53, 0x53, 0x49, 0x46,
            0x49, 0x45, 0x44, 0x0a, 0xff, 0xba, 0xae, 0x2c, 0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x68, 0x49, 0x00, 0x00, 0x31,
            0x2e, 0x20, 0x54, 0x65, 0x78, 0x74, 0x2e, 0x0a, 0x9c, 0x1c, 0x9e, 0xbe,
        ];
        assert_eq!(read_all(open(frames)).unwrap(), b"UNCLASSIFIED\n1. Text.\n");
        let err = read_all(open(&frames[..20])).unwrap_err();
        assert!(err.to_string().starts_with("zstd-compressed input: "), "{err}");
    }

    #[test]
    fn foreign_formats_are_named() {
        let err = read_all(open(&b"\xfd7zXZ\x00\x00\x04"[..])).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(err.to_string().starts_with("an xz-compressed file, not cables"), "{err}");
        assert_eq!(foreign_format(b"%PDF-1.7\n"), None);
        assert_eq!(foreign_format(b"PK\x03\x04"), Some("a zip archive"));
        assert_eq!(foreign_format(b"\"1\",\"12/28/1966"), None);
    }
}
