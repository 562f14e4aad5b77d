"""A local fake Stripe (localstripe) for the demo and the tests: card payments work offline, through the real
`stripe` library pointed at it with STRIPE_API_BASE. It runs from its own virtualenv (var/localstripe-venv,
created on first use from requirements/localstripe.txt, ~10 s) because it pins aiohttp versions of its own,
and it is bound to 127.0.0.1 only (see localstripe_server.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "var" / "localstripe-venv"
REQUIREMENTS = ROOT / "requirements" / "localstripe.txt"
SERVER = Path(__file__).with_name("localstripe_server.py")
# Test-mode keys; localstripe accepts any key. Never used when real STRIPE_* keys are configured.
SECRET_KEY, PUBLISHABLE_KEY, WEBHOOK_SECRET = "sk_test_ocop", "pk_test_ocop", "whsec_ocop_test"


def localstripe_python() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists() or subprocess.run([python, "-c", "import localstripe"], capture_output=True).returncode:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([VENV / "bin" / "pip", "install", "-q", "-r", str(REQUIREMENTS)], check=True)
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalStripeProcess:
    url: str
    process: subprocess.Popen

    def register_webhook(self, target_url: str, secret: str = WEBHOOK_SECRET) -> None:
        response = httpx.post(f"{self.url}/_config/webhooks/ocop", data={"url": target_url, "secret": secret})
        response.raise_for_status()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def localstripe_start(*, port: int | None = None, log_path: Path | None = None, timeout: float = 30
                      ) -> LocalStripeProcess:
    """Start localstripe and wait until it answers; raises RuntimeError if it does not."""
    python = localstripe_python()
    port = port or free_port()
    log_path = log_path or ROOT / "var" / "localstripe.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen([str(python), str(SERVER), str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/js.stripe.com/v3/", timeout=1).status_code == 200:
                return LocalStripeProcess(url=url, process=process)
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"localstripe did not start (see {log_path})")
        time.sleep(0.1)
