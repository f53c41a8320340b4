"""Load stage: data/*.yaml -> validated `Inputs` (pydantic models), every problem located
at its file and line; also the JSON Schemas editors use.
"""
