"""The command-line commands: one module each (``add_arguments``, ``run``), dispatched by ``kfin_tui.cli``."""
