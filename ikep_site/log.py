"""The one logger of ikep-site, and how the adapter hands it to the build tool that runs the plugin.

Every module logs to `log`, named after the package and free of MkDocs, so the core stays importable
without it. The build tool decides the rest: MkDocs counts warnings for `--strict` and formats them on
`mkdocs.*`, ProperDocs (a fork of MkDocs 1.x) on `properdocs.*`. A name written down here would be the
wrong one under one of them, so the adapter asks the running tool for its plugin logger
(`mkdocs.plugins.get_plugin_logger`, which ProperDocs answers with its own name) and hangs `log` beneath
it with `log_beneath`. Where no tool runs (`ikep check`, unit tests), `log` stays where the standard
library puts it.
"""

from __future__ import annotations

import logging

log = logging.getLogger("ikep_site")


def log_beneath(host: logging.Logger) -> logging.Logger:
    """`log`, from now on a child of the build tool's logger `host`; returns `log`.

    As a child, `log` takes the tool's level (`-v`, `-q`) and every record reaches the tool's handlers:
    its output format and its counter for `--strict`. This is how ProperDocs itself keeps the `mkdocs`
    logger of older plugins working. A record is handled once, by the tool's handlers, and is not
    copied or replayed.
    """
    log.parent = host
    # Loggers cache whether a level is enabled; setting a level is the public call that clears the
    # caches, so none still answers from before `log` had a parent.
    log.setLevel(logging.NOTSET)
    return log
