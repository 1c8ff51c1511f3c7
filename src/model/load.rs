//! Loading manifests: multi-document YAML and JSON from files, directories and stdin,
//! `kind: List` flattened, every document remembering the file and line it starts on.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;
use thiserror::Error;

use super::resource::{Resource, Source};
use super::strict_value::{describe_error, documents_from_yaml_str};

/// File extensions read from directories (and accepted as files by `analyze`).
pub const MANIFEST_EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("failed to read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: cannot parse: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
}

impl LoadError {
    /// True when the input was readable but its content could not be parsed.
    pub fn is_parse_error(&self) -> bool {
        matches!(self, LoadError::Parse { .. })
    }
}

/// The files a path stands for: itself, or the manifests under a directory (sorted).
pub fn expand_path(path: &str) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = expand_path_all(path)?;
    if Path::new(path).is_dir() {
        files.retain(|f| has_manifest_extension(f));
    }
    Ok(files)
}

/// The files a path stands for: itself, or every file under a directory, in the order Go's
/// `filepath.Walk` visits them and named as it names them (the joined path, cleaned).
pub fn expand_path_all(path: &str) -> Result<Vec<PathBuf>, LoadError> {
    if path == "-" {
        return Ok(vec![PathBuf::from("-")]);
    }
    let p = Path::new(path);
    if !p.exists() {
        return Err(LoadError::NotFound {
            path: path.to_string(),
        });
    }
    if p.is_dir() {
        let mut out = Vec::new();
        walk_dir(p, &mut out)?;
        out.sort();
        return Ok(out);
    }
    Ok(vec![p.to_path_buf()])
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = fs::read_dir(dir).map_err(|source| LoadError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = clean(&entry.path());
        if path.is_dir() {
            walk_dir(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// A path cleaned lexically as Go's `filepath.Clean` does: no `.` parts, `..` folded into
/// the part before it where there is one.
fn clean(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut parts: Vec<Component> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir) => {}
                _ => parts.push(part),
            },
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return PathBuf::from(".");
    }
    parts.iter().collect()
}

pub fn has_manifest_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MANIFEST_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Opens a file (or stdin for `-`) for reading.
pub fn open_input(path: &Path) -> Result<Box<dyn std::io::BufRead + Send>, LoadError> {
    if path == Path::new("-") {
        return Ok(Box::new(std::io::BufReader::new(std::io::stdin())));
    }
    let file = fs::File::open(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: display_name(path),
        },
        _ => LoadError::Io {
            path: display_name(path),
            source,
        },
    })?;
    Ok(Box::new(std::io::BufReader::with_capacity(64 << 10, file)))
}

/// Reads a file (or stdin for `-`) as text.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let display = display_name(path);
    let mut bytes = Vec::new();
    open_input(path)?
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: display.clone(),
            source,
        })?;
    decode_text(bytes, display)
}

/// Why bytes are not a text manifest: the offset of the first bad byte and the message.
/// UTF-16 is recognised by its byte-order mark when `at_start`.
fn refusal(bytes: &[u8], at_start: bool) -> Option<(usize, String)> {
    if at_start && (bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])) {
        let message = "UTF-16 text is not supported: save the file as UTF-8";
        return Some((0, message.to_string()));
    }
    if let Some(nul) = bytes.iter().position(|b| *b == 0) {
        let message = "a NUL byte: not a text manifest (a binary file?)";
        return Some((nul, message.to_string()));
    }
    let offset = std::str::from_utf8(bytes).err()?.valid_up_to();
    let message = format!(
        "not UTF-8 text (byte 0x{:02x}): not a text manifest",
        bytes[offset]
    );
    Some((offset, message))
}

/// Text from a file's bytes: UTF-8 (a leading byte-order mark is dropped, as Kubernetes'
/// decoding drops it). Anything else is refused with the line of the first bad byte.
fn decode_text(bytes: Vec<u8>, file: String) -> Result<String, LoadError> {
    if let Some((offset, message)) = refusal(&bytes, true) {
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(LoadError::Parse {
            file,
            line,
            message,
        });
    }
    let mut text = String::from_utf8(bytes).unwrap_or_default();
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// One line of a file (line `line`, the first when `at_start`) as text, refused as
/// [`read_text`] refuses a file. The byte-order mark is kept.
pub fn decode_line<'b>(
    bytes: &'b [u8],
    at_start: bool,
    file: &str,
    line: usize,
) -> Result<&'b str, LoadError> {
    let refused = |message: String| LoadError::Parse {
        file: file.to_string(),
        line,
        message,
    };
    // A UTF-16 byte-order mark is not UTF-8 either: `refusal` names it.
    match std::str::from_utf8(bytes) {
        Ok(text) if !bytes.contains(&0) => Ok(text),
        _ => Err(refused(
            refusal(bytes, at_start).map(|(_, m)| m).unwrap_or_default(),
        )),
    }
}

pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_string()
    } else {
        path.display().to_string()
    }
}

/// Loads every resource of a file.
pub fn load_file(path: &Path) -> Result<Vec<Resource>, LoadError> {
    let text = read_text(path)?;
    parse_documents(&text, &display_name(path))
}

/// Loads every file a list of paths stands for, in order.
pub fn load_paths(paths: &[String]) -> Result<Vec<Resource>, LoadError> {
    let mut out = Vec::new();
    for p in paths {
        for file in expand_path(p)? {
            out.extend(load_file(&file)?);
        }
    }
    Ok(out)
}

/// One raw document of a multi-document stream, with the line it starts on (1-based).
#[derive(Debug, Clone, Copy)]
pub struct RawDocument<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the whole stream.
    pub offset: usize,
    /// Line of the first byte of `text`.
    pub text_line: usize,
    /// Line of the document as istioctl reports it: the first line that is not empty.
    pub first_line: usize,
}

impl RawDocument<'_> {
    pub fn is_blank(&self) -> bool {
        self.text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    }
}

/// Splits a YAML stream on `---` separator lines, keeping line numbers. Every chunk is
/// returned, blank ones included, so the chunks line up with a streaming parser's
/// documents.
pub fn split_documents(text: &str) -> Vec<RawDocument<'_>> {
    let mut docs = Vec::new();
    let mut start_byte = 0;
    let mut start_line = 1;
    let mut offset = 0;
    let chunk = |start: usize, end: usize, line: usize| -> RawDocument<'_> {
        let text = &text[start..end];
        RawDocument {
            text,
            offset: start,
            text_line: line,
            first_line: line + leading_blank_lines(text),
        }
    };
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if is_separator_line(line) {
            docs.push(chunk(start_byte, offset, start_line));
            start_byte = offset + line.len();
            start_line = index + 2;
        }
        offset += line.len();
    }
    docs.push(chunk(start_byte, text.len(), start_line));
    docs
}

/// A line that ends a document: `---` (with or without content after a space) or `...`.
pub fn is_separator_line(line: &str) -> bool {
    let trimmed = line.trim_end();
    trimmed == "---" || trimmed.starts_with("--- ") || trimmed == "..."
}

/// How many lines at the start of a chunk are empty (or only blanks).
pub fn leading_blank_lines(text: &str) -> usize {
    text.lines().take_while(|l| l.trim().is_empty()).count()
}

/// Parses a multi-document text one `---` chunk at a time, yielding each non-null
/// document with its chunk as soon as it is parsed, so a caller can stream a large file.
/// (A `---` line at column 0 always ends a document in valid YAML, so the chunks are the
/// documents.)
pub fn stream_documents<'a>(
    text: &'a str,
    file: &'a str,
) -> impl Iterator<Item = Result<(RawDocument<'a>, Value), LoadError>> + 'a {
    split_documents(text)
        .into_iter()
        .filter(|chunk| !chunk.is_blank())
        .flat_map(move |chunk| parse_chunk(chunk, file))
}

/// The non-null documents of one `---` chunk of `file`, each with the chunk, or the
/// chunk's parse error (with its line in the file).
pub fn parse_chunk<'a>(
    chunk: RawDocument<'a>,
    file: &str,
) -> Vec<Result<(RawDocument<'a>, Value), LoadError>> {
    if let Err(e) = check_flow_depth(chunk.text, file, chunk.text_line) {
        return vec![Err(e)];
    }
    match documents_from_yaml_str(chunk.text) {
        Ok(values) => values
            .into_iter()
            .filter(|v| !v.is_null())
            .map(|v| Ok((chunk, v)))
            .collect(),
        Err(e) => {
            let (line, message) = describe_error(chunk.text, &e);
            vec![Err(LoadError::Parse {
                file: file.to_string(),
                line: chunk.text_line + line - 1,
                message,
            })]
        }
    }
}

/// Flow collections (`[`/`{`) nested deeper than this are refused before the YAML parser
/// sees them: its work per token grows with the flow depth, so deep nesting would take
/// quadratic time before its own recursion limit (128) stops it.
const MAX_FLOW_DEPTH: usize = 256;

/// The line on which flow collections first nest deeper than `limit`, found in one pass:
/// brackets count where a YAML token may start (not inside quoted scalars, comments or
/// words), so the estimate never exceeds the parser's own depth by much.
fn too_deep_flow_line(text: &str, limit: usize) -> Option<usize> {
    // Depth never exceeds the number of openers: most texts need no closer look.
    let openers = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if openers <= limit {
        return None;
    }
    let (mut depth, mut line) = (0usize, 1usize);
    let mut quote: Option<u8> = None;
    let mut previous = b'\n';
    // Inside a plain word (`x[[`), brackets are characters, not collections.
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quote.is_none() {
            match b {
                b' ' | b'\t' | b'\n' | b',' | b':' => in_word = false,
                b'[' | b'{' | b']' | b'}' | b'-' | b'?' | b'\'' | b'"' | b'#' => {}
                _ => in_word = true,
            }
        }
        let token_start = !in_word
            && matches!(
                previous,
                b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':' | b'-' | b'?'
            );
        match (quote, b) {
            (_, b'\n') => line += 1,
            (Some(b'"'), b'\\') => i += 1,
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') if token_start => quote = Some(b),
            (None, b'#') if matches!(previous, b' ' | b'\t' | b'\n') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            (None, b'[' | b'{') if token_start => {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = b;
        i += 1;
    }
    None
}

/// Refuses a text whose flow collections nest too deep, with the line.
fn check_flow_depth(text: &str, file: &str, first_line: usize) -> Result<(), LoadError> {
    match too_deep_flow_line(text, MAX_FLOW_DEPTH) {
        None => Ok(()),
        Some(line) => Err(LoadError::Parse {
            file: file.to_string(),
            line: first_line + line - 1,
            message: format!(
                "recursion limit exceeded: collections nested more than {MAX_FLOW_DEPTH} deep"
            ),
        }),
    }
}

/// Parses a multi-document YAML/JSON text into resources: one streaming parse of the
/// whole text, each document paired with its chunk for line numbers. `kind: List`
/// documents are flattened into their items.
pub fn parse_documents(text: &str, file: &str) -> Result<Vec<Resource>, LoadError> {
    check_flow_depth(text, file, 1)?;
    let chunks = split_documents(text);
    let shared: std::sync::Arc<str> = std::sync::Arc::from(text);
    if let Some(parsed) = parse_chunks_in_parallel(text, &chunks) {
        let mut out = Vec::new();
        for (doc, value) in parsed {
            push_document(value, doc, file, &shared, &mut out)?;
        }
        return Ok(out);
    }
    parse_whole_text(text, file, &chunks, &shared)
}

/// [`parse_documents`] by one parse of the whole text.
fn parse_whole_text(
    text: &str,
    file: &str,
    chunks: &[RawDocument],
    shared: &std::sync::Arc<str>,
) -> Result<Vec<Resource>, LoadError> {
    let values = documents_from_yaml_str(text).map_err(|e| {
        let (line, message) = describe_error(text, &e);
        LoadError::Parse {
            file: file.to_string(),
            line,
            message,
        }
    })?;
    let non_blank: Vec<&RawDocument> = chunks.iter().filter(|c| !c.is_blank()).collect();
    let non_null: Vec<Value> = values.into_iter().filter(|v| !v.is_null()).collect();
    let mut out = Vec::new();
    if non_blank.len() == non_null.len() {
        for (doc, value) in non_blank.into_iter().zip(non_null) {
            push_document(value, doc, file, shared, &mut out)?;
        }
    } else {
        // The chunks do not line up with the parser's documents (e.g. a `---` inside a
        // block scalar): parse chunk by chunk instead.
        for document in stream_documents(text, file) {
            let (doc, value) = document?;
            push_document(value, &doc, file, shared, &mut out)?;
        }
    }
    Ok(out)
}

/// Texts this large are parsed on every core, a run of documents each.
const PARALLEL_PARSE_BYTES: usize = 1 << 20;

/// A large text's documents parsed chunk by chunk on every core, each non-blank chunk
/// paired with its one document. `None` when that would not be the whole-text parse's
/// answer or is not worth it: a small text, a `--- content` separator line (the
/// chunk would lose the content), or a chunk that does not parse alone into exactly one
/// non-null document (the whole-text parse then decides, errors included).
fn parse_chunks_in_parallel<'c, 'a>(
    text: &str,
    chunks: &'c [RawDocument<'a>],
) -> Option<Vec<(&'c RawDocument<'a>, Value)>> {
    let content_on_separator = text.starts_with("--- ") || text.contains("\n--- ");
    if text.len() < PARALLEL_PARSE_BYTES || content_on_separator {
        return None;
    }
    let non_blank: Vec<&RawDocument> = chunks.iter().filter(|c| !c.is_blank()).collect();
    let parse_one = |doc: &&'c RawDocument<'a>| -> Option<(&'c RawDocument<'a>, Value)> {
        let mut values = documents_from_yaml_str(doc.text).ok()?;
        values.retain(|v| !v.is_null());
        (values.len() == 1).then(|| (*doc, values.remove(0)))
    };
    super::parallel::map(&non_blank, parse_one)
        .into_iter()
        .collect()
}

/// What [`visit_resources`] did: streamed every resource, or found a chunk that does not
/// parse alone and parsed the whole text instead (the caller drops what it was given and
/// takes these).
pub enum Visited {
    Streamed,
    Reparsed(Vec<Resource>),
}

/// Calls `visit` with every resource of a text, parsing one `---` chunk at a time so that
/// each document can be dropped before the next is parsed: memory stays at the size of one
/// document, not of the file. Same resources and lines as [`parse_documents`].
pub fn visit_resources(
    text: &str,
    file: &str,
    visit: &mut dyn FnMut(Resource),
) -> Result<Visited, LoadError> {
    let shared: std::sync::Arc<str> = std::sync::Arc::from(text);
    let mut resources = Vec::new();
    for document in stream_documents(text, file) {
        let Ok((doc, value)) = document else {
            // A chunk that does not parse alone (a directive, a `--- value` line): the
            // whole-text parse decides, and reports the error if there is one.
            return parse_documents(text, file).map(Visited::Reparsed);
        };
        push_document(value, &doc, file, &shared, &mut resources)?;
        resources.drain(..).for_each(&mut *visit);
    }
    Ok(Visited::Streamed)
}

fn push_document(
    value: Value,
    doc: &RawDocument,
    file: &str,
    shared: &std::sync::Arc<str>,
    out: &mut Vec<Resource>,
) -> Result<(), LoadError> {
    let source = Source {
        file: file.to_string(),
        line: doc.first_line,
        text_offset_line: doc.text_line,
    };
    let text = (shared.clone(), doc.offset..doc.offset + doc.text.len());
    push_value(value, &source, &text, out).map_err(|message| LoadError::Parse {
        file: file.to_string(),
        line: doc.first_line,
        message,
    })
}

type DocumentText = (std::sync::Arc<str>, std::ops::Range<usize>);

fn push_value(
    value: Value,
    source: &Source,
    text: &DocumentText,
    out: &mut Vec<Resource>,
) -> Result<(), String> {
    match value {
        Value::Null => Ok(()),
        Value::Object(_) => {
            let is_list = value.get("kind").and_then(Value::as_str) == Some("List")
                || value
                    .get("kind")
                    .and_then(Value::as_str)
                    .is_some_and(|k| k.ends_with("List") && value.get("items").is_some());
            if is_list {
                if let Some(Value::Array(items)) = value.get("items") {
                    for item in items.clone() {
                        push_value(item, source, text, out)?;
                    }
                    return Ok(());
                }
            }
            out.push(Resource::from_value(
                value,
                source.clone(),
                Some(text.clone()),
            ));
            Ok(())
        }
        Value::Array(items) => {
            for item in items {
                push_value(item, source, text, out)?;
            }
            Ok(())
        }
        other => Err(format!(
            "expected a Kubernetes object (a mapping), found {}",
            type_name(&other)
        )),
    }
}

pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cleaned_as_go_does() {
        for (given, want) in [
            ("./dd/b.yaml", "dd/b.yaml"),
            ("dd//sub/./a.yml", "dd/sub/a.yml"),
            ("dd/sub/../b.yaml", "dd/b.yaml"),
            ("../x/./y", "../x/y"),
            ("/../a", "/a"),
            ("./", "."),
        ] {
            assert_eq!(clean(Path::new(given)), PathBuf::from(want), "{given}");
        }
    }

    #[test]
    fn documents_keep_their_start_lines() {
        let text = "a: 1\n---\n\n# comment\nkind: Service\n---\n---\nkind: Pod\n";
        let docs: Vec<_> = split_documents(text)
            .into_iter()
            .filter(|d| !d.is_blank())
            .collect();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].first_line, 1);
        assert_eq!(docs[1].first_line, 4, "comment lines count, as in istioctl");
        assert_eq!(docs[2].first_line, 8);
        let res = parse_documents(text, "f.yaml").unwrap();
        assert_eq!(res.len(), 3);
        assert_eq!(res[1].source.line, 4);
        assert_eq!(res[2].kind(), "Pod");
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing_with_its_line() {
        let deep = format!("a: 1\nb: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
        let err = parse_documents(&deep, "deep.yaml").unwrap_err();
        assert!(matches!(err, LoadError::Parse { line: 2, .. }), "{err}");
        let quoted = format!(
            "a: '{}'\nb: \"{}\" # {}\n",
            "[".repeat(300),
            "{".repeat(300),
            "[".repeat(300)
        );
        assert!(parse_documents(&quoted, "q.yaml").is_ok());
        let words = format!("a: x{}\n", "[".repeat(300));
        assert!(parse_documents(&words, "w.yaml").is_ok());
    }

    #[test]
    fn lists_are_flattened_and_unknown_kinds_kept() {
        let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: x.io/v1\n  kind: Thing\n  metadata: {name: b}\n";
        let res = parse_documents(text, "f.yaml").unwrap();
        assert_eq!(res.len(), 2);
        assert_eq!(res[0].kind(), "Service");
        assert_eq!(res[1].kind(), "Thing");
        assert_eq!(res[1].name(), "b");
    }

    #[test]
    fn parse_errors_name_the_line() {
        let text = "kind: Pod\n---\nkind: Service\nmetadata:\n  name: [unclosed\n";
        let err = parse_documents(text, "bad.yaml").unwrap_err();
        match err {
            LoadError::Parse { file, line, .. } => {
                assert_eq!(file, "bad.yaml");
                assert!((3..=6).contains(&line), "line {line}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn visiting_streams_the_same_resources_as_parsing() {
        for text in [
            "a: 1\n---\n\n# comment\nkind: Service\n---\n---\nkind: Pod\n",
            "kind: Pod\nmetadata: {name: [unclosed\n---\nkind: Service\n",
            "kind: Pod\n--- {kind: Service}\n",
        ] {
            let mut seen = Vec::new();
            let Ok(visited) = visit_resources(text, "f.yaml", &mut |r| seen.push(r)) else {
                assert!(parse_documents(text, "f.yaml").is_err(), "{text}");
                continue;
            };
            if let Visited::Reparsed(all) = visited {
                seen = all;
            }
            let parsed = parse_documents(text, "f.yaml").unwrap();
            let key = |r: &Resource| (r.kind().to_string(), r.source.line);
            assert_eq!(
                seen.iter().map(key).collect::<Vec<_>>(),
                parsed.iter().map(key).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    #[test]
    fn large_texts_parsed_on_every_core_give_the_whole_text_parse() {
        let document = |i: usize| {
            format!(
                "# copy {i}\napiVersion: v1\nkind: Service\nmetadata:\n  name: s{i}\n  labels: {{app: a}}\nspec:\n  ports:\n  - port: {i}\n    name: http\n"
            )
        };
        let mut docs: Vec<String> = (0..8000).map(document).collect();
        docs.insert(10, "# only a comment\n".to_string());
        docs.insert(20, "\n".to_string());
        let text = docs.join("---\n");
        assert!(text.len() > PARALLEL_PARSE_BYTES);
        let shared: std::sync::Arc<str> = std::sync::Arc::from(text.as_str());
        let whole = parse_whole_text(&text, "f.yaml", &split_documents(&text), &shared).unwrap();
        assert_eq!(parse_documents(&text, "f.yaml").unwrap(), whole);
        assert_eq!(whole.len(), 8000);
        // A document that does not parse: the whole-text parse's error, line included.
        let broken = text.replacen("name: s7000\n", "name: [s7000\n", 1);
        let err = parse_documents(&broken, "f.yaml").unwrap_err().to_string();
        let shared: std::sync::Arc<str> = std::sync::Arc::from(broken.as_str());
        let chunks = split_documents(&broken);
        let expected = parse_whole_text(&broken, "f.yaml", &chunks, &shared).unwrap_err();
        assert_eq!(err, expected.to_string());
    }

    #[test]
    fn scalars_are_not_resources() {
        let err = parse_documents("just a string\n", "s.yaml").unwrap_err();
        assert!(err.to_string().contains("s.yaml:1"), "{err}");
    }
}
