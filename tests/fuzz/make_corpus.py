#!/usr/bin/env python3
"""Regenerate the seed corpus of the fuzz targets (docs/fuzzing.md) from a running reference
server started with demo data on a scratch data directory:

    fieldinspect-server --data /tmp/fi-seeds --listen 127.0.0.1:0 --demo
    tests/fuzz/make_corpus.py http://127.0.0.1:PORT/api/v1

It signs in, reads every endpoint the client reads (small pages, so each seed stays a few KB),
asks for a re-draw (the server's state changes: use a scratch directory) and provokes the
error answers, and writes bodies (and, for fuzz_central_client, whole answers as `curl -i`
shows them) under tests/fuzz/corpus/<target>/. Answers the demo cannot give without a full
upload (a receipt, photo offsets) are written in the same form by hand below.
"""

import http.client
import json
import sys
import urllib.parse
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
DEVICE = "9b2e4c1a-3f5d-4e6a-8b7c-1d2e3f4a5b6c"


class Api:
    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.host, self.port, self.prefix = url.hostname, url.port, url.path.rstrip("/")
        self.token = None

    def call(self, method, path, body=None, auth=True):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body, ensure_ascii=False).encode()
        if auth and self.token:
            headers["Authorization"] = "Bearer " + self.token
        conn.request(method, self.prefix + path, body=body, headers=headers)
        r = conn.getresponse()
        data = r.read()
        raw = f"HTTP/1.1 {r.status} {r.reason}\r\n".encode()
        for name, value in r.getheaders():
            raw += f"{name}: {value}\r\n".encode()
        raw += b"\r\n" + data
        conn.close()
        return r.status, data, raw


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def main():
    api = Api(sys.argv[1])
    replies = {}

    def get(name, method, path, body=None, auth=True):
        status, data, raw = api.call(method, path, body, auth)
        replies[name] = (status, data, raw)
        return status, data

    get("session_401", "POST", "/session",
        {"username": "leader1", "password": "wrong", "device_id": DEVICE}, auth=False)
    status, data = get("session", "POST", "/session",
                       {"username": "leader1", "password": "demo1234", "device_id": DEVICE},
                       auth=False)
    assert status == 200, data
    api.token = json.loads(data)["token"]
    get("time", "GET", "/time", auth=False)
    get("device", "GET", "/device")
    get("calendar", "GET", "/calendar")
    get("catalogue", "GET", "/catalogue?limit=2")
    get("inspectors", "GET", "/inspectors?limit=3")
    status, data = get("assignments", "GET", "/assignments?limit=1")
    assignment = json.loads(data)["items"][0]
    _, cursor_page = get("assignments_next", "GET", "/assignments?limit=1&since=" +
                         urllib.parse.quote(json.loads(data)["next_cursor"]))
    get("draw", "GET", "/draws/" + urllib.parse.quote(assignment["draw_id"]))
    get("draw_404", "GET", "/draws/D-NONE")
    get("inspection_422", "POST", "/inspections", {"id": "x"})
    get("photo_404", "HEAD", "/photos/00000000-0000-4000-8000-000000000000")
    get("unauthorized", "GET", "/device", auth=False)
    status, _ = get("redraw", "POST", "/assignments/" + urllib.parse.quote(assignment["id"]) +
                    "/redraw", {"reason": "absence", "note": "seed", "exclude_inspector_ids": []})
    get("redraw_409", "POST", "/assignments/" + urllib.parse.quote(assignment["id"]) + "/redraw",
        {"reason": "absence", "note": "seed", "exclude_inspector_ids": []})

    # The central client: whole answers.
    for name, (status, data, raw) in replies.items():
        write("fuzz_central_client", name + ".http", raw)
    date = "Sat, 28 Nov 2026 01:30:00 GMT"
    receipt = {"id": "3f0c9a5e-8d1b-4c2a-9e7f-5b6a4d3c2b1a",
               "received_at": "2026-11-28T17:05:00.000+08:00", "late": False,
               "photos_missing": ["7d2f3a1b-6c5e-4f8a-9b0c-1d2e3f4a5b6c"]}
    write("fuzz_central_client", "receipt_201.http",
          f"HTTP/1.1 201 Created\r\nDate: {date}\r\nContent-Type: application/json\r\n\r\n"
          .encode() + json.dumps(receipt).encode())
    write("fuzz_central_client", "photo_head_200.http",
          f"HTTP/1.1 200 OK\r\nDate: {date}\r\nUpload-Offset: 0\r\nUpload-Length: 4\r\n\r\n"
          .encode())
    write("fuzz_central_client", "photo_patch_204.http",
          f"HTTP/1.1 204 No Content\r\nDate: {date}\r\nUpload-Offset: 4\r\n"
          "Upload-Complete: true\r\n\r\n".encode())
    write("fuzz_central_client", "retry_503.http",
          f"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\nContent-Type: text/html\r\n"
          "\r\n<html><body>upstream unavailable</body></html>".encode())

    # Bodies.
    body = {name: data for name, (status, data, raw) in replies.items()}
    for name in ("time", "session", "inspection_422", "assignments"):
        write("fuzz_json_guard", name + ".json", body[name])
    for name in ("catalogue", "inspectors", "assignments", "assignments_next"):
        write("fuzz_pages", name + ".json", body[name])
    redraw = json.loads(body["redraw"])
    write("fuzz_pages", "redraw_assignment.json",
          json.dumps(redraw["assignment"], ensure_ascii=False).encode())
    write("fuzz_draw", "draw.json", body["draw"])
    write("fuzz_draw", "redraw_draw.json", json.dumps(redraw["draw"], ensure_ascii=False).encode())
    write("fuzz_calendar_time", "time.json", body["time"])
    write("fuzz_calendar_time", "calendar.json", body["calendar"])
    # The reference importer: catalogue, roster, assignments, draw, separated by NUL.
    write("fuzz_reference_import", "pull.bin",
          b"\0".join([body["catalogue"], body["inspectors"], body["assignments"], body["draw"]]))
    write("fuzz_reference_import", "redraw.bin",
          b"\0".join([body["catalogue"], body["inspectors"],
                      json.dumps({"items": [redraw["revoked"], redraw["assignment"]],
                                  "next_cursor": "c1.99", "has_more": False},
                                 ensure_ascii=False).encode(),
                      json.dumps(redraw["draw"], ensure_ascii=False).encode()]))
    # Worked examples the project already holds: a record with its chain, a draw vector, the
    # shipped calendar, a UTC time.
    root = CORPUS.parents[2]
    vector = json.loads((root / "tests/data/chain-vector.json").read_text())
    record = dict(vector["record_without_chain"], chain=vector["chain"])
    write("fuzz_pages", "inspection_record.json",
          json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode())
    draw_vector = json.loads((root / "tests/data/draw-vectors.json").read_text())["vectors"][0]
    write("fuzz_draw", "draw_vector_1.json",
          json.dumps(draw_vector, ensure_ascii=False, separators=(",", ":")).encode())
    write("fuzz_calendar_time", "shipped_holidays.json", (root / "assets/holidays.json").read_bytes())
    write("fuzz_calendar_time", "utc_time.txt", b"2026-11-28T01:30:00Z")

    for name, (status, data, raw) in sorted(replies.items()):
        print(f"{name:18} {status} {len(data)} bytes")


if __name__ == "__main__":
    main()
