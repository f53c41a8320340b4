"""Tests of reportgen.documents.report."""
