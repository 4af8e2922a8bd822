"""Reading raw pages of every form into the text the parser reads.

The API (what an ingest cache or a cluster distributes):

- `raw_pages(folder)` -> iterator of `RawPage(name, data, kind, origin, url, date, charset)`
  for every `*.txt`, `*.html`/`*.htm` file and every HTML 200 response in `*.warc`/`*.warc.gz`,
  plus `Skipped` (WARC records that are not pages, with the reason) and `Damaged` (a record
  that cannot be read, with the archive's name and byte offset). Nothing is extracted yet.
- `page_text(raw)` -> (bytes for `parse_page`, `ExtractedPage | None`): pure, per page.
- `extract_html(name, data, charset=None, url=None, retrieved=None)` -> `ExtractedPage(name,
  text, title, url, retrieved, kind, problems)`: the visible text of one HTML page.
- `read_folder(folder)` -> `FolderPages`: all of the above for a folder, the newest capture of
  each address kept; `write_texts(tables_dir, texts)` keeps the extracted texts beside the
  tables (`text/<page>.txt`).
- `READER_VERSION` changes whenever extraction would give other text for the same bytes.
"""

from rolecompare.facts.reading.folder import (
    PATTERNS,
    FolderPages,
    RawPage,
    page_name,
    page_text,
    raw_pages,
    read_folder,
    suffix_kind,
)
from rolecompare.facts.reading.html_text import READER_VERSION, ExtractedPage, extract_html
from rolecompare.facts.reading.texts import TEXT_DIR, text_path, write_texts
from rolecompare.facts.reading.warc import Capture, Damaged, Skipped, read_warc

__all__ = [
    "PATTERNS",
    "READER_VERSION",
    "TEXT_DIR",
    "Capture",
    "Damaged",
    "ExtractedPage",
    "FolderPages",
    "RawPage",
    "Skipped",
    "extract_html",
    "page_name",
    "page_text",
    "raw_pages",
    "read_folder",
    "read_warc",
    "suffix_kind",
    "text_path",
    "write_texts",
]
