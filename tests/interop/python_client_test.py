#!/usr/bin/python3
"""Another team's service calling bantin: Debian's python3-grpcio with stubs
generated from proto/ at test time, against a real `bantin serve` on
127.0.0.1. Ingest (unary and streaming), search, get, and an error's
google.rpc details.

usage: python_client_test.py BANTIN_BINARY SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile
import unittest

BANTIN, SOURCE = sys.argv[1], sys.argv[2]
TOKEN = "python-interop-token-0123456789"


def generate_stubs(out_dir):
    protos = ["bantin/v1/bantin.proto", "google/rpc/status.proto", "google/rpc/error_details.proto"]
    subprocess.run(["protoc", "--proto_path=" + os.path.join(SOURCE, "proto"), "--python_out=" + out_dir,
                    "--grpc_out=" + out_dir, "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin"] + protos,
                   check=True)
    # No __init__.py: the generated directories are namespace packages, so
    # google.rpc joins the system's google.protobuf instead of hiding it.
    sys.path.insert(0, out_dir)


class PythonClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        generate_stubs(cls.tmp.name)
        token_file = os.path.join(cls.tmp.name, "token")
        with open(token_file, "w") as f:
            f.write(TOKEN + "\n")
        cls.server = subprocess.Popen(
            [BANTIN, "serve", "--db", os.path.join(cls.tmp.name, "db"), "--listen", "127.0.0.1:0",
             "--write-token-file", token_file, "--quiet"], stdout=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()  # bantin: gRPC API on 127.0.0.1:PORT (database ...)
        cls.address = line.split(" on ")[1].split(" ")[0]
        import grpc
        from bantin.v1 import bantin_pb2_grpc
        cls.grpc = grpc
        cls.channel = grpc.insecure_channel(cls.address)
        cls.stub = bantin_pb2_grpc.BulletinServiceStub(cls.channel)
        cls.auth = [("authorization", "Bearer " + TOKEN)]

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.server.stdout.close()
        cls.tmp.cleanup()

    def seeds(self):
        d = os.path.join(SOURCE, "seeds")
        return [os.path.join(d, n) for n in sorted(os.listdir(d)) if n.endswith(".txt")]

    def test_ingest_search_get(self):
        from bantin.v1 import bantin_pb2 as pb
        pages = []
        for path in self.seeds():
            with open(path, "rb") as f:
                pages.append(f.read())
        first = self.stub.IngestBulletin(pb.IngestBulletinRequest(raw=pages[0]), metadata=self.auth)
        self.assertTrue(first.bulletin.id)
        self.assertEqual(first.bulletin.source.province, "Sóc Trăng")
        summary = self.stub.IngestBulletins(
            iter([pb.IngestBulletinsRequest(raw=p, label=str(i)) for i, p in enumerate(pages)]), metadata=self.auth)
        self.assertEqual((summary.received, summary.created, summary.unchanged, summary.failed), (5, 4, 1, 0))

        found = self.stub.SearchBulletins(pb.SearchBulletinsRequest(query="tuyên giáo", filter="date >= 2022"))
        self.assertGreaterEqual(found.total_size, 1)
        self.assertTrue(all(r.date >= "2022" for r in found.results))
        hit = found.results[0]
        got = self.stub.GetBulletin(pb.GetBulletinRequest(id=hit.id))
        self.assertEqual(got.bulletin.title, hit.title)
        self.assertTrue(got.bulletin.blocks)

    def test_health_and_reflection(self):
        # grpc.health.v1.HealthCheckRequest{} is empty; SERVING encodes as 08 01.
        check = self.channel.unary_unary("/grpc.health.v1.Health/Check")
        self.assertEqual(check(b""), b"\x08\x01")
        # ServerReflectionRequest{list_services: ""} (field 7): the answer
        # names our service.
        reflect = self.channel.stream_stream("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
        answer = b"".join(reflect(iter([b"\x3a\x00"])))
        self.assertIn(b"bantin.v1.BulletinService", answer)

    def test_errors_carry_google_rpc_details(self):
        from bantin.v1 import bantin_pb2 as pb
        from google.rpc import error_details_pb2, status_pb2
        with self.assertRaises(self.grpc.RpcError) as caught:
            self.stub.SearchBulletins(pb.SearchBulletinsRequest(query='"open quote'))
        error = caught.exception
        self.assertEqual(error.code(), self.grpc.StatusCode.INVALID_ARGUMENT)
        trailer = dict(error.trailing_metadata())["grpc-status-details-bin"]
        status = status_pb2.Status.FromString(trailer)
        info = error_details_pb2.ErrorInfo()
        self.assertTrue(status.details[0].Unpack(info))
        self.assertEqual((info.reason, info.domain), ("INVALID_QUERY", "bantin.v1"))
        bad = error_details_pb2.BadRequest()
        self.assertTrue(status.details[1].Unpack(bad))
        self.assertEqual(bad.field_violations[0].field, "query")

        with self.assertRaises(self.grpc.RpcError) as caught:
            self.stub.IngestBulletin(pb.IngestBulletinRequest(raw=b"x"))  # no token
        self.assertEqual(caught.exception.code(), self.grpc.StatusCode.UNAUTHENTICATED)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
