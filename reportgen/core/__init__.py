"""Services every stage uses, on the standard library alone: problems and errors, limits,
bounded reading and atomic writing of files.
"""
