"""Reviewing documents: the plain-text rendition, diff, redline, PDF, and the trace of
each figure to its rows.
"""
