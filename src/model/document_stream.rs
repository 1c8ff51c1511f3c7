//! A manifest read as a stream of `---` chunks: the chunks `load::split_documents` cuts
//! from the whole text, each decoded as `load::read_text` decodes a file, but read as
//! they come, so a large file or stdin is never held whole in memory.

use std::io::BufRead;

use super::load::{self, LoadError, RawDocument};

/// One chunk of a stream, owning its text.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnedDocument {
    pub text: String,
    /// Byte offset of `text` in the whole (decoded) stream.
    pub offset: usize,
    /// Line of the first byte of `text`.
    pub text_line: usize,
    /// The first line that is not empty.
    pub first_line: usize,
}

impl OwnedDocument {
    pub fn raw(&self) -> RawDocument<'_> {
        RawDocument {
            text: &self.text,
            offset: self.offset,
            text_line: self.text_line,
            first_line: self.first_line,
        }
    }
}

/// The chunks of a stream in order; a decoding error (UTF-16, a NUL byte, bytes that are
/// not UTF-8) or a read error ends it, at the line where it happens.
pub struct DocumentStream<R> {
    reader: R,
    file: String,
    /// The line the next line read is.
    line: usize,
    /// Bytes of decoded text read so far.
    offset: usize,
    current: OwnedDocument,
    buffer: Vec<u8>,
    finished: bool,
}

impl<R: BufRead> DocumentStream<R> {
    pub fn new(reader: R, file: &str) -> Self {
        DocumentStream {
            reader,
            file: file.to_string(),
            line: 1,
            offset: 0,
            current: chunk_at(0, 1),
            buffer: Vec::new(),
            finished: false,
        }
    }

    /// Reads the next line (with its newline) into `buffer`; false at the end.
    fn read_line(&mut self) -> Result<bool, LoadError> {
        self.buffer.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.buffer)
            .map_err(|source| LoadError::Io {
                path: self.file.clone(),
                source,
            })?;
        Ok(read > 0)
    }

    /// Ends the current chunk; the next starts at the next line.
    fn finish_chunk(&mut self) -> OwnedDocument {
        let next = chunk_at(self.offset, self.line);
        let mut done = std::mem::replace(&mut self.current, next);
        done.first_line = done.text_line + load::leading_blank_lines(&done.text);
        done
    }
}

fn chunk_at(offset: usize, line: usize) -> OwnedDocument {
    OwnedDocument {
        text: String::new(),
        offset,
        text_line: line,
        first_line: line,
    }
}

impl<R: BufRead> Iterator for DocumentStream<R> {
    type Item = Result<OwnedDocument, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        loop {
            match self.read_line() {
                Ok(true) => {}
                Ok(false) => {
                    self.finished = true;
                    return Some(Ok(self.finish_chunk()));
                }
                Err(e) => {
                    self.finished = true;
                    return Some(Err(e));
                }
            }
            let at_start = self.line == 1;
            let line = match load::decode_line(&self.buffer, at_start, &self.file, self.line) {
                Ok(line) if at_start => line.strip_prefix('\u{feff}').unwrap_or(line),
                Ok(line) => line,
                Err(e) => {
                    self.finished = true;
                    return Some(Err(e));
                }
            };
            self.line += 1;
            self.offset += line.len();
            if load::is_separator_line(line) {
                return Some(Ok(self.finish_chunk()));
            }
            self.current.text.push_str(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streamed(text: &str) -> Vec<OwnedDocument> {
        DocumentStream::new(text.as_bytes(), "f.yaml")
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn split(text: &str) -> Vec<OwnedDocument> {
        load::split_documents(text)
            .into_iter()
            .map(|d| OwnedDocument {
                text: d.text.to_string(),
                offset: d.offset,
                text_line: d.text_line,
                first_line: d.first_line,
            })
            .collect()
    }

    #[test]
    fn the_chunks_are_those_of_the_whole_text() {
        for text in [
            "",
            "a: 1\n",
            "a: 1",
            "---\na: 1\n---\n\n\nb: 2\n...\n--- x\nc: 3\n---   \n",
            "\n\n# only a comment\n---\n---\n",
            "a: |\n  ---not a separator\n  text\n---\r\nb: 2\r\n",
            "\u{feff}a: 1\n---\nb: ü\n",
        ] {
            let expected = split(text.trim_start_matches('\u{feff}'));
            assert_eq!(streamed(text), expected, "{text:?}");
        }
    }

    #[test]
    fn bad_bytes_are_refused_at_their_line() {
        let errors = |bytes: &[u8]| -> String {
            DocumentStream::new(bytes, "f.yaml")
                .find_map(Result::err)
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(errors(b"a: 1\n---\nb: \x00\n").starts_with("f.yaml:3: cannot parse: a NUL byte"));
        assert!(errors(b"a: 1\nb: \xff\n")
            .starts_with("f.yaml:2: cannot parse: not UTF-8 text (byte 0xff)"));
        assert!(errors(b"\xff\xfea\x00").starts_with("f.yaml:1: cannot parse: UTF-16"));
        assert_eq!(errors(b"a: 1\n"), "");
    }
}
