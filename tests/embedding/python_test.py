#!/usr/bin/python3
"""The Python module as a notebook user meets it: bantin.parse, bantin.Index,
errors as bantin.Error, and bantin.Client against a real `bantin serve` on
127.0.0.1 with a token.

usage: python_test.py BANTIN_BINARY SOURCE_DIR   (PYTHONPATH: the installed module)"""
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import bantin

BANTIN, SOURCE = sys.argv[1], sys.argv[2]
SEEDS = sorted(os.path.join(SOURCE, "seeds", n) for n in os.listdir(os.path.join(SOURCE, "seeds"))
               if n.endswith(".txt"))
HTML_PAGE = os.path.join(SOURCE, "tests", "pages", "001.html")


def read(path):
    with open(path, "rb") as f:
        return f.read()


class ParseTest(unittest.TestCase):
    def test_bytes_and_text_parse_alike(self):
        page = read(SEEDS[1])
        self.assertEqual(bantin.parse(page), bantin.parse(page.decode("utf-8")))
        self.assertTrue(bantin.parse(page)["title"].startswith("Thường trực Tỉnh ủy"))

    def test_hints_win(self):
        b = bantin.parse(read(SEEDS[0]), url="https://example.vn/a.html", source="my-source",
                         province="Cà Mau", fetch_date="2020-01-05")
        self.assertEqual(b["source"]["id"], "my-source")
        self.assertEqual(b["source"]["province"], "Cà Mau")
        self.assertEqual(b["url"], "https://example.vn/a.html")

    def test_html_and_its_page_text(self):
        page = read(HTML_PAGE)
        b = bantin.parse(page)
        self.assertIn("Unikey", b["title"])
        text = bantin.page_text(page)
        self.assertIn("Phạm Kim Long", text)
        self.assertNotIn("<div", text)

    def test_a_page_is_text_or_bytes(self):
        with self.assertRaises(TypeError):
            bantin.parse(42)

    def test_versions(self):
        self.assertRegex(bantin.version, r"^\d+\.\d+\.\d+$")
        self.assertEqual(bantin.parse(read(SEEDS[0]))["parserVersion"], bantin.parser_version)


class IndexTest(unittest.TestCase):
    def setUp(self):
        self.index = bantin.Index()
        self.ids = [self.index.add(read(p))[0] for p in SEEDS]

    def tearDown(self):
        self.index.close()

    def test_add_is_idempotent(self):
        self.assertEqual(self.index.add(read(SEEDS[0])), (self.ids[0], False))
        self.assertEqual(len(self.index), len(SEEDS))

    def test_search_with_filters_and_facets(self):
        everything = self.index.search()
        self.assertEqual(everything["totalSize"], str(len(SEEDS)))
        self.assertEqual(len(everything["provinceFacets"]), len(SEEDS))
        quang_tri = self.index.search("", province="Quảng Trị")
        self.assertEqual([r["id"] for r in quang_tri["results"]], [self.ids[1]])
        self.assertEqual(self.index.search("tinh uy", date_from="2024-01-01")["totalSize"], "1")

    def test_errors_carry_code_and_field(self):
        with self.assertRaises(bantin.Error) as caught:
            self.index.search("x", date_to="2021-02-30")
        self.assertEqual((caught.exception.code, caught.exception.code_name, caught.exception.field),
                         (3, "INVALID_ARGUMENT", "to"))
        with self.assertRaises(bantin.Error) as caught:
            self.index.get("no-such-id")
        self.assertEqual((caught.exception.code_name, caught.exception.reason), ("NOT_FOUND", "BULLETIN_NOT_FOUND"))

    def test_get_remove(self):
        self.assertEqual(self.index.get(self.ids[2])["id"], self.ids[2])
        self.assertTrue(self.index.remove(self.ids[2]))
        self.assertFalse(self.index.remove(self.ids[2]))
        self.assertEqual(len(self.index), len(SEEDS) - 1)

    def test_bundle(self):
        line = '{"bulletin":%s,"text":""}' % bantin.parse_json(read(SEEDS[0]), source="other-source")
        report = bantin.Index().add_bundle('{"bantinBundle":1}\n' + line + "\n{broken\n")
        self.assertEqual((report["added"], report["errors"][0]["line"]), (1, 3))
        with self.assertRaises(bantin.Error):
            self.index.add_bundle("not a bundle\n")

    def test_threads_share_an_index(self):
        answers = []
        threads = [threading.Thread(target=lambda: answers.append(self.index.search("tỉnh")["totalSize"]))
                   for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(set(answers)), 1)


class ClientTest(unittest.TestCase):
    TOKEN = "python-module-token-0123456789"

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        token_file = os.path.join(cls.tmp.name, "token")
        with open(token_file, "w") as f:
            f.write(cls.TOKEN + "\n")
        cls.server = subprocess.Popen(
            [BANTIN, "serve", "--db", os.path.join(cls.tmp.name, "db"), "--listen", "127.0.0.1:0",
             "--write-token-file", token_file, "--quiet"], stdout=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()  # bantin: gRPC API on 127.0.0.1:PORT (database ...)
        cls.address = line.split(" on ")[1].split(" ")[0]

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.server.stdout.close()
        cls.tmp.cleanup()

    def test_ingest_search_get_with_the_token(self):
        import grpc
        with bantin.Client(self.address, token=self.TOKEN) as client:
            bulletin, created = client.ingest(read(SEEDS[1]), source="bao-quang-tri")
            self.assertTrue(created)
            self.assertEqual(bulletin, client.get(bulletin["id"]))
            found = client.search("tỉnh ủy", filter='province = "Quảng Trị"')
            self.assertEqual([r["id"] for r in found["results"]], [bulletin["id"]])
            self.assertEqual(client.parse(read(SEEDS[1]))["title"], bulletin["title"])
            with self.assertRaises(grpc.RpcError) as caught:
                client.get("no-such-id")
            self.assertEqual(caught.exception.code(), grpc.StatusCode.NOT_FOUND)
        with bantin.Client(self.address) as anonymous, self.assertRaises(grpc.RpcError) as caught:
            anonymous.ingest(read(SEEDS[0]))
        self.assertEqual(caught.exception.code(), grpc.StatusCode.UNAUTHENTICATED)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=1)
