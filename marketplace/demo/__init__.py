"""Demo data and the one-command local run (`populatedb`, `runall`). An interface on top: it only calls the
apps' services and their demo seeders."""
