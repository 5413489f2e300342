"""`python -m armstrace` runs the command line."""

from armstrace.cli import main

main()
