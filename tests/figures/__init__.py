"""Tests of reportgen.figures."""
