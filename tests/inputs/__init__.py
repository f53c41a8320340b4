"""Tests of reportgen.inputs."""
