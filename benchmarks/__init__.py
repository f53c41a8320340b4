"""Benchmarks of reportgen: `make bench` runs `benchmarks/bench.py`; see benchmarks/RESULTS.md."""
