# Kept apart from marketplace/demo/stripe_sandbox.py: run as a script, this folder is on sys.path, so a module
# named "localstripe" here would shadow the real package.
"""Run localstripe bound to 127.0.0.1 only, without writing /tmp/localstripe.pickle (shared STACK.md §5).
Executed with var/localstripe-venv/bin/python, not imported by the tests."""

import sys

from aiohttp import web
from localstripe import resources

resources.Store.dump_to_disk = lambda self: None

from localstripe.server import app  # noqa: E402

web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
