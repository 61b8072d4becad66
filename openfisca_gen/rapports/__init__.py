"""Reports: tables written without float noise, numbers as each language writes them, and charts.

This package sits below the analyses (`analyse`, `interpretations`): a chart
or a writer takes a table and words, never an analysis object, so nothing
here imports what uses it.
"""
