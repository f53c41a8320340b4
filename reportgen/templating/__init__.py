"""Render stage: a Word template checked in its editors' terms, then filled by docxtpl and Jinja
in a bounded sandbox with what a kind of document gives it (`kind`); it never reads the data
itself. Only this package imports docxtpl and Jinja.
"""
