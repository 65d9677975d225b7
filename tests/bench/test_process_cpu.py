"""`make loadtest`'s CPU accounting (surveys/management/process_cpu.py): the CPU a server's
processes spend between two readings is counted, including a worker that ended in between."""

import subprocess
import sys

import pytest

from surveys.management import process_cpu

pytestmark = pytest.mark.skipif(not process_cpu.available(), reason="needs Linux's /proc")

# A "server" whose "worker" burns CPU for a while and ends, as a replaced gunicorn worker does.
SERVER = """
import subprocess, sys, time
sys.stdin.readline()
subprocess.run([sys.executable, "-c", "import time\\nend = time.process_time() + 0.4\\nwhile time.process_time() < end: pass"])
print("done", flush=True)
sys.stdin.readline()
"""


def test_a_servers_ended_worker_is_counted_in_the_server_part():
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        before = process_cpu.read(server.pid, "no_such_database")
        server.stdin.write("go\n")
        server.stdin.flush()
        assert server.stdout.readline().strip() == "done"
        after = process_cpu.read(server.pid, "no_such_database")
    finally:
        server.stdin.close()
        server.wait(timeout=10)
    per_request = after.per_request(before, requests=2)
    assert per_request["server"] >= 180  # 0.4 s over two requests, in milliseconds
    assert per_request["PostgreSQL"] == 0
    assert set(per_request) == set(process_cpu.PARTS)
