"""bantin: Vietnamese news pages (text scrapes or raw HTML) to structured
bulletins, and search over them, in process.

    import bantin
    bulletin = bantin.parse(open("page.html", "rb").read(), url="https://baoquangninh.vn/...")
    index = bantin.Index()
    index.add(page_bytes, source="baoquangninh.vn")
    page = index.search("bão", province="Quảng Ninh")

The same parser and search engine as the bantin service and its browser
viewer (libbantin.so, the C API, through ctypes). A bulletin is a dict with
the fields of bantin.v1.Bulletin in proto3 JSON (the JSON `bantin parse
--json` prints); a search page is bantin.v1.SearchBulletinsResponse.

bantin.Client talks to a running `bantin serve` over gRPC (bantin.client).
Errors raise bantin.Error with the code, reason and field of the status."""
import json as _json

from . import _native
from ._native import Error

__all__ = ["Error", "Index", "Client", "parse", "parse_json", "page_text", "version", "parser_version"]

version = _native.lib.bantin_version().decode()
parser_version = _native.lib.bantin_parser_version().decode()


def _page(page):
    if isinstance(page, str):
        return page.encode("utf-8")
    if isinstance(page, (bytes, bytearray, memoryview)):
        return bytes(page)
    raise TypeError("a page is str or bytes, not %s" % type(page).__name__)


def _hints(url, source, province, fetch_date):
    u = _native.utf8
    return _native.Hints(u(url), u(source), u(province), u(fetch_date))


def parse_json(page, url=None, source=None, province=None, fetch_date=None):
    """The Bulletin JSON text of a raw page (str or bytes), exactly as
    `bantin parse --json` prints it. Hints win over what the page says:
    `source` is the source id, `fetch_date` YYYY-MM-DD."""
    data = _page(page)
    hints = _hints(url, source, province, fetch_date)
    return _native.call(_native.lib.bantin_parse, data, len(data), _native.ctypes.byref(hints), sized=True)


def parse(page, url=None, source=None, province=None, fetch_date=None):
    """The Bulletin of a raw page as a dict (see parse_json)."""
    return _json.loads(parse_json(page, url, source, province, fetch_date))


def page_text(page):
    """The text a bulletin's line spans index: the page's own text, or what an
    HTML page shows."""
    data = _page(page)
    return _native.call(_native.lib.bantin_page_text, data, len(data), sized=True)


class Index:
    """Bulletins in memory, searched by the service's engine. Safe to share
    between threads (the library serialises calls on one index)."""

    def __init__(self):
        self._handle = _native.lib.bantin_index_new()
        if not self._handle:
            raise MemoryError("bantin_index_new")

    def close(self):
        if self._handle:
            _native.lib.bantin_index_free(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def add(self, page, url=None, source=None, province=None, fetch_date=None):
        """Parses a raw page and adds it; returns (id, added), added False
        when that id was there already."""
        data = _page(page)
        hints = _hints(url, source, province, fetch_date)
        ident, added = _native.ctypes.c_void_p(), _native.ctypes.c_int()
        _native.check(_native.lib.bantin_index_add_page(self._handle, data, len(data), _native.ctypes.byref(hints),
                                                        _native.ctypes.byref(ident), _native.ctypes.byref(added)))
        try:
            return _native.ctypes.string_at(ident).decode(), bool(added.value)
        finally:
            _native.lib.bantin_free(ident)

    def add_bundle(self, bundle):
        """Adds an export bundle (`bantin export`, GET /bundle) as str or
        bytes; returns {"added", "duplicates", "updated", "errors": [{"line",
        "message"}], "articles": [{"id", "begin", "end"}], "deleted": [ids],
        "cursor", "reset"} (a bundle of changes, GET /bundle?since=, also
        deletes; an article there under another line is replaced). A bad
        header raises Error."""
        data = _page(bundle)
        return _json.loads(_native.call(_native.lib.bantin_index_add_bundle, self._handle, data, len(data)))

    def remove(self, ident):
        """True when the id was there and is removed."""
        return bool(_native.lib.bantin_index_remove(self._handle, _native.utf8(ident)))

    def get(self, ident):
        """The Bulletin dict of an id; raises Error (NOT_FOUND) when unknown."""
        return _json.loads(_native.call(_native.lib.bantin_index_get, self._handle, _native.utf8(ident)))

    def __len__(self):
        return _native.lib.bantin_index_size(self._handle)

    def search(self, query="", province=None, author=None, date_from=None, date_to=None, page_size=0,
               page_token=None):
        """One page of results as a SearchBulletinsResponse dict: results,
        totalSize, provinceFacets, monthFacets, placeFacets, nextPageToken.
        Dates are YYYY-MM-DD, inclusive. A malformed query raises Error
        (INVALID_ARGUMENT) naming its offset."""
        u = _native.utf8
        options = _native.SearchOptions(u(province), u(author), u(date_from), u(date_to), int(page_size),
                                        u(page_token))
        return _json.loads(_native.call(_native.lib.bantin_index_search, self._handle, u(query),
                                        _native.ctypes.byref(options)))


def __getattr__(name):
    # The gRPC client loads grpcio only when asked for.
    if name == "Client":
        from .client import Client
        return Client
    raise AttributeError("module 'bantin' has no attribute %r" % name)
