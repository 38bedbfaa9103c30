#!/usr/bin/env python3
"""Issue 18's attack on a running `privascore serve`, on 127.0.0.1 only.

One client (127.0.0.1) opens N connections (default 10,000), sends one
`GET /api/v1/categories` on each and keeps them all open; then another
client (127.0.0.2) asks for the same URL and the time to its answer is
printed. Bounded: N connections, one request each, a 10 s wait at most.

  ulimit -n 20000; bench/http/hold-connections.py 8080 [N]
"""
import socket
import sys
import time

def request(sock):
    sock.sendall(b"GET /api/v1/categories HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return int(head.split(b" ")[1])

def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    held, answered, refused = [], 0, 0
    start = time.monotonic()
    for _ in range(count):
        s = socket.socket()
        s.settimeout(10)
        try:
            s.connect(("127.0.0.1", port))
            if request(s) == 200:
                answered += 1
            else:
                refused += 1
        except OSError:
            refused += 1
        held.append(s)
    print(f"client 127.0.0.1: {count} connections in {time.monotonic() - start:.1f} s, "
          f"{answered} answered, {refused} refused or closed")
    other = socket.socket()
    other.settimeout(10)
    other.bind(("127.0.0.2", 0))
    t0 = time.monotonic()
    try:
        other.connect(("127.0.0.1", port))
        status = request(other)
    except OSError as e:
        status = f"no answer ({e})"
    print(f"client 127.0.0.2: status {status} after {(time.monotonic() - t0) * 1000:.1f} ms")
    still_open = 0
    for s in held:
        s.setblocking(False)
        try:
            still_open += 0 if s.recv(1, socket.MSG_PEEK) == b"" else 1
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
    print(f"client 127.0.0.1: {still_open} of its connections still open")

if __name__ == "__main__":
    main()
