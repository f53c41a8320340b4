"""Tests of reportgen.templating."""
