"""Tests of reportgen.documents."""
