//! The virtual world one leaflet render sees: the template, its data files and the theme's fonts.
//! Nothing is read from disk or the network, so a render depends only on its inputs.

use std::path::PathBuf;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::Shared;

/// File ids are interned process-wide (and limited to 2^16), so every render uses the same few
/// ids; Typst's memoization compares file contents, not ids, so reusing them is safe.
struct Ids {
    main: FileId,
    data: FileId,
    settings: FileId,
    qr: FileId,
    logo: FileId,
}

static IDS: LazyLock<Option<Ids>> = LazyLock::new(|| {
    let id = file_id;
    Some(Ids {
        main: id("/leaflet.typ")?,
        data: id("/data.json")?,
        settings: id("/settings.json")?,
        qr: id("/qr.svg")?,
        logo: id("/logo.svg")?,
    })
});

fn ids() -> &'static Ids {
    match IDS.as_ref() {
        Some(ids) => ids,
        // The paths above are constant and valid; this cannot happen at run time.
        None => unreachable!("constant virtual paths are valid"),
    }
}

pub(crate) struct LeafletWorld<'a> {
    shared: &'a Shared,
    main: Source,
    data: Bytes,
    settings: Bytes,
    qr: Bytes,
    logo: Option<Bytes>,
    /// Further files a template reads by name (a pack's handout PDFs).
    extra: Vec<(FileId, Bytes)>,
}

/// The id of a virtual file at `path`; the same path always gives the same id.
pub(crate) fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl<'a> LeafletWorld<'a> {
    pub(crate) fn new(
        shared: &'a Shared,
        template: &str,
        data: Vec<u8>,
        settings: Vec<u8>,
        qr: Vec<u8>,
        logo: Option<String>,
    ) -> Self {
        Self {
            shared,
            main: Source::new(ids().main, template.to_owned()),
            data: Bytes::new(data),
            settings: Bytes::new(settings),
            qr: Bytes::new(qr),
            logo: logo.map(Bytes::from_string),
            extra: Vec::new(),
        }
    }

    /// Serves `bytes` at the virtual `path` too.
    pub(crate) fn with_file(mut self, id: FileId, bytes: Bytes) -> Self {
        self.extra.push((id, bytes));
        self
    }

    /// The name a file id is shown under in messages: the template's own path for the main
    /// file, the virtual path for the rest.
    pub(crate) fn display_path(&self, id: FileId, template_path: &str) -> String {
        if id == ids().main {
            template_path.to_owned()
        } else {
            format!("{} (leaflet data)", id.vpath().get_without_slash())
        }
    }
}

impl World for LeafletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        ids().main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == ids().main {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let ids = ids();
        let found = if id == ids.main {
            Some(Bytes::from_string(self.main.text().to_owned()))
        } else if id == ids.data {
            Some(self.data.clone())
        } else if id == ids.settings {
            Some(self.settings.clone())
        } else if id == ids.qr {
            Some(self.qr.clone())
        } else if id == ids.logo {
            self.logo.clone()
        } else {
            self.extra
                .iter()
                .find(|(extra, _)| *extra == id)
                .map(|(_, bytes)| bytes.clone())
        };
        found.ok_or_else(|| FileError::NotFound(PathBuf::from(id.vpath().get_with_slash())))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// A fixed date: leaflets must not change with the day they are built on. Templates print
    /// the page's own `updated` date instead.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(2000, 1, 1)
    }
}
