"""`python -m tdkt_docs.cli`: the same as the `tdkt` command."""
from tdkt_docs.cli import main

main()
