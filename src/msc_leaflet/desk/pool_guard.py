"""Preloaded by the desk's fork server: the fork server ends when the desk does.

The desk's build workers are forked by a fork server, a process the desk starts. A
desk killed with SIGKILL (``kill -9``, the out-of-memory killer) cannot stop it: the
fork server, its workers with the build stage loaded and multiprocessing's resource
tracker ran on for ever. Importing this module in the fork server starts the watch
(`build.workers.end_with_parent`); each worker watches the fork server in turn.
"""

from __future__ import annotations

from ..build.workers import end_with_parent

end_with_parent()
