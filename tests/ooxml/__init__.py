"""Tests of reportgen.ooxml."""
