"""Compute stage: every figure a document states, computed from `Inputs` alone.
Pure: no files, no clock, no Word.
"""
