"""Benchmarks: not tests, they print figures (`make bench`, see reports/management/commands/bench.py).

`bench.synthetic` builds a synthetic full cycle on the configured database for any benchmark that
needs one (the XLSX extract here, the report in reports/bench.py).
"""
