"""The CPU time the processes behind a page spend on it, for `make loadtest`: the web server's
workers, the PostgreSQL backends serving its database, Redis, and the load tool itself.

Requests per second say how fast a page is on one machine; the CPU time a request costs in each
process says where that time goes, and bounds what any tuning can give: under N connections on C
cores, a page costing T ms of CPU in all processes together answers in N × T / C ms on average
at best. Read from /proc (Linux); elsewhere there is nothing to read and nothing is printed.
"""

import os
import resource
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
PARTS = ("server", "PostgreSQL", "Redis", "wrk")


def _ticks() -> int:
    return os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command's name (which may hold spaces)."""
    return (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def _own_and_reaped(pid: int) -> float:
    """CPU seconds of `pid` and of its children that ended (a gunicorn worker replaced after its
    maximum requests is counted in its master's)."""
    try:
        fields = _stat(pid)
    except OSError:
        return 0.0
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / _ticks()


def _own(pid: int) -> float:
    try:
        fields = _stat(pid)
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _ticks()


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process that can be read."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int(_stat(int(entry.name))[1])
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        found.append((int(entry.name), parent, command))
    return found


@dataclass(frozen=True)
class Reading:
    """CPU seconds spent so far by each part."""

    seconds: dict[str, float]

    def per_request(self, earlier: "Reading", requests: int) -> dict[str, float]:
        """Milliseconds of CPU a request cost in each part between `earlier` and this reading."""
        if not requests:
            return {}
        return {
            part: (self.seconds[part] - earlier.seconds.get(part, 0.0)) * 1000 / requests
            for part in self.seconds
        }


def available() -> bool:
    return (PROC / "self" / "stat").exists()


def read(server_pid: int, database: str) -> Reading:
    """The CPU seconds so far of the server (its master, live workers and replaced ones), of
    the PostgreSQL backends connected to `database` (a backend that ended is not counted), of
    Redis, and of the load tool (this process's children that ended: each wrk run)."""
    processes = _processes()
    server = _own_and_reaped(server_pid) + sum(
        _own(pid) for pid, parent, _command in processes if parent == server_pid
    )
    postgres = sum(
        _own(pid)
        for pid, _parent, command in processes
        if command.startswith("postgres:") and f" {database} " in command
    )
    redis = sum(_own(pid) for pid, _parent, command in processes if "redis-server" in command)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk = children.ru_utime + children.ru_stime
    return Reading(dict(zip(PARTS, (server, postgres, redis, wrk), strict=True)))
