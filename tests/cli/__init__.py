"""Tests of reportgen.cli."""
