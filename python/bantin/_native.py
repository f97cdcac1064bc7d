"""libbantin.so through ctypes: the C API (bantin/bantin.h) and nothing
else, so Python parses and searches with the very library C programs link.

The library is found beside the installed package (_location.py), or at
$BANTIN_LIBRARY when that is set."""
import ctypes
import os

from . import _location


class Error(Exception):
    """A bantin_status: `code` (google.rpc.Code number), `code_name`,
    `reason` and `field` ("" when the status has none)."""

    def __init__(self, code, message, reason="", field=""):
        super().__init__(message)
        self.code, self.message, self.reason, self.field = code, message, reason, field
        self.code_name = lib.bantin_code_name(code).decode()

    def __str__(self):
        return "%s: %s" % (self.code_name, self.message)


def _load():
    path = os.environ.get("BANTIN_LIBRARY") or os.path.join(os.path.dirname(__file__), _location.LIBRARY)
    lib = ctypes.CDLL(os.path.normpath(path))
    status_p = ctypes.c_void_p
    out = ctypes.POINTER(ctypes.c_void_p)  # char** the library fills; freed with bantin_free
    size_p = ctypes.POINTER(ctypes.c_size_t)
    sig = {
        "bantin_code_name": (ctypes.c_char_p, [ctypes.c_int]),
        "bantin_status_code": (ctypes.c_int, [status_p]),
        "bantin_status_message": (ctypes.c_char_p, [status_p]),
        "bantin_status_reason": (ctypes.c_char_p, [status_p]),
        "bantin_status_field": (ctypes.c_char_p, [status_p]),
        "bantin_status_free": (None, [status_p]),
        "bantin_free": (None, [ctypes.c_void_p]),
        "bantin_version": (ctypes.c_char_p, []),
        "bantin_parser_version": (ctypes.c_char_p, []),
        "bantin_parse": (status_p, [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p, out, size_p]),
        "bantin_page_text": (status_p, [ctypes.c_char_p, ctypes.c_size_t, out, size_p]),
        "bantin_index_new": (ctypes.c_void_p, []),
        "bantin_index_free": (None, [ctypes.c_void_p]),
        "bantin_index_add_page": (status_p, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p, out,
                                             ctypes.POINTER(ctypes.c_int)]),
        "bantin_index_add_bundle": (status_p, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, out]),
        "bantin_index_remove": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p]),
        "bantin_index_size": (ctypes.c_size_t, [ctypes.c_void_p]),
        "bantin_index_get": (status_p, [ctypes.c_void_p, ctypes.c_char_p, out]),
        "bantin_index_search": (status_p, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, out]),
    }
    for name, (restype, argtypes) in sig.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = restype, argtypes
    return lib


lib = _load()


class Hints(ctypes.Structure):
    _fields_ = [("url", ctypes.c_char_p), ("source_id", ctypes.c_char_p), ("province", ctypes.c_char_p),
                ("fetch_date", ctypes.c_char_p)]


class SearchOptions(ctypes.Structure):
    _fields_ = [("province", ctypes.c_char_p), ("author", ctypes.c_char_p), ("from_", ctypes.c_char_p),
                ("to", ctypes.c_char_p), ("page_size", ctypes.c_int), ("page_token", ctypes.c_char_p)]


def utf8(value):
    """None stays NULL (read as ""); str is encoded; bytes pass as they are."""
    if value is None or isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def check(status):
    """Raises the status as an Error (after freeing it); None is success."""
    if not status:
        return
    try:
        raise Error(lib.bantin_status_code(status), lib.bantin_status_message(status).decode("utf-8", "replace"),
                    lib.bantin_status_reason(status).decode(), lib.bantin_status_field(status).decode())
    finally:
        lib.bantin_status_free(status)


def call(f, *args, sized=False):
    """Runs a call whose last arguments are a char** output (and, `sized`, its
    size_t* length) and returns the output as str, freeing the library's copy."""
    text, size = ctypes.c_void_p(), ctypes.c_size_t()
    extra = (ctypes.byref(text), ctypes.byref(size)) if sized else (ctypes.byref(text),)
    check(f(*args, *extra))
    try:
        return ctypes.string_at(text, size.value if sized else -1).decode("utf-8")
    finally:
        lib.bantin_free(text)
