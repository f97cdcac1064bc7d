"""A thin client of a running `bantin serve` (gRPC): the stubs generated from
proto/bantin/v1/bantin.proto (bantin.v1) with the token on every call and
answers as dicts (proto3 JSON names, as bantin.parse gives them).

    with bantin.Client("127.0.0.1:50051", token=open("token").read().strip()) as c:
        c.ingest(open("page.html", "rb").read(), source="baoquangninh.vn")
        c.search("bão", filter='province = "Quảng Ninh"')

Failures raise grpc.RpcError as grpcio does (code(), details(); the
trailing metadata carries google.rpc.Status details)."""
import grpc
from google.protobuf import json_format

from .v1 import bantin_pb2, bantin_pb2_grpc


def _dict(message):
    return json_format.MessageToDict(message)


class Client:
    """`token` goes with every call as "authorization: Bearer TOKEN" (the
    service's --write-token-file or --read-token-file); None sends none."""

    def __init__(self, address, token=None, timeout=30.0):
        self._channel = grpc.insecure_channel(address)
        self._stub = bantin_pb2_grpc.BulletinServiceStub(self._channel)
        self._metadata = [("authorization", "Bearer " + token)] if token else []
        self._timeout = timeout

    def close(self):
        self._channel.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _call(self, method, request):
        return getattr(self._stub, method)(request, metadata=self._metadata, timeout=self._timeout)

    @staticmethod
    def _hints(url, source, province, fetch_date):
        return bantin_pb2.ParseHints(url=url or "", source_id=source or "", province=province or "",
                                     fetch_date=fetch_date or "")

    def parse(self, page, url=None, source=None, province=None, fetch_date=None):
        """The server's parse of a raw page, stored nowhere: a Bulletin dict."""
        raw = page.encode("utf-8") if isinstance(page, str) else bytes(page)
        r = self._call("ParseBulletin", bantin_pb2.ParseBulletinRequest(
            raw=raw, hints=self._hints(url, source, province, fetch_date)))
        return _dict(r.bulletin)

    def ingest(self, page, url=None, source=None, province=None, fetch_date=None):
        """Parses and stores a raw page; returns (bulletin dict, created)."""
        raw = page.encode("utf-8") if isinstance(page, str) else bytes(page)
        r = self._call("IngestBulletin", bantin_pb2.IngestBulletinRequest(
            raw=raw, hints=self._hints(url, source, province, fetch_date)))
        return _dict(r.bulletin), r.created

    def get(self, ident):
        """The stored Bulletin dict of an id (NOT_FOUND raises)."""
        return _dict(self._call("GetBulletin", bantin_pb2.GetBulletinRequest(id=ident)).bulletin)

    def search(self, query="", filter=None, page_size=0, page_token=None):
        """A SearchBulletinsResponse dict; `filter` is the filter expression
        of README.md, "Search queries"."""
        return _dict(self._call("SearchBulletins", bantin_pb2.SearchBulletinsRequest(
            query=query, filter=filter or "", page_size=page_size, page_token=page_token or "")))
