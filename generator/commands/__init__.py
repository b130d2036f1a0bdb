"""commands: one module per CLI verb, each the Python API behind it (as in mkdocs).

Each calls the stages in order: config, program, render, publish, or a side road.
"""
