"""Tests of reportgen.depositary."""
