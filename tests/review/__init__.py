"""Tests of reportgen.review."""
