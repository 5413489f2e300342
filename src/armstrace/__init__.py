"""armstrace: a provenance-tracked database of international arms transfers, built from news.

The library comes first; the `armstrace` command line is a thin layer over it:

    from armstrace import Repository, Settings, run_inputs
    with Repository.open("armstrace.db") as repo:
        summary = run_inputs(["articles/"], repo, Settings())
"""

__version__ = "0.1.0"
