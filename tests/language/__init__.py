"""Tests of reportgen.language."""
