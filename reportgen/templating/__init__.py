"""Render stage: a Word template checked in its editors' terms, then filled by docxtpl and Jinja
in a bounded sandbox. Only this package imports docxtpl and Jinja.
"""
