"""Services every stage uses, on the standard library alone: errors and their exit statuses,
problems, configuration (paths and the environment), limits, bounded memos, bounded reading
and atomic writing of files.
"""
