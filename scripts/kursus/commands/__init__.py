"""One module per ``kursus`` subcommand: ``register(subparsers)`` adds it, ``run(args)`` runs it."""
