"""`python manage.py runall`: migrate, load the demo, then run the web server, a Celery worker and Celery beat
together. Ctrl-C stops them all (and the embedded PostgreSQL, when this command is what needed it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the whole marketplace locally: web (gunicorn), Celery worker and beat, with demo data."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")
        parser.add_argument("--no-localstripe", action="store_true",
                            help="Without STRIPE_SECRET_KEY, do not start the local fake Stripe (cards then off).")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_demo"]:
            call_command("populatedb")
        env = {**os.environ, "DATABASE_URL": settings.DATABASE_URL, "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
               "CELERY_RESULT_BACKEND": settings.CELERY_RESULT_BACKEND, "PYTHONUNBUFFERED": "1"}
        fake_stripe = None
        if not settings.STRIPE_SECRET_KEY and not options["no_localstripe"]:
            fake_stripe = self._start_localstripe(env)
        bin_dir = os.path.dirname(sys.executable)
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        commands = {
            "web": [os.path.join(bin_dir, "gunicorn"), "marketplace.config.wsgi", "--bind",
                    f"127.0.0.1:{options['port']}", "--workers", "2", "--threads", "4", "--access-logfile", "-"],
            "worker": [os.path.join(bin_dir, "celery"), "-A", "marketplace.config", "worker", "--pool=solo",
                       "-Q", "default,sync", "--loglevel=INFO"],
            "beat": [os.path.join(bin_dir, "celery"), "-A", "marketplace.config", "beat", "--loglevel=INFO",
                     "--schedule", str(settings.VAR_DIR / "celerybeat-schedule")],
        }
        processes = {name: subprocess.Popen(cmd, env=env) for name, cmd in commands.items()}
        if fake_stripe is not None:
            fake_stripe.register_webhook(f"http://127.0.0.1:{options['port']}/webhooks/stripe/")
        self.stdout.write(self.style.SUCCESS(
            f"OCOP Market: http://127.0.0.1:{options['port']}/  (GraphQL: /graphql/)  — Ctrl-C stops everything."))
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(f"{name} exited with code {process.returncode}; stopping the rest.")
                        stopping = True
                time.sleep(0.5)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            deadline = time.time() + 15
            for process in processes.values():
                try:
                    process.wait(timeout=max(deadline - time.time(), 0.1))
                except subprocess.TimeoutExpired:
                    process.kill()
            if fake_stripe is not None:
                fake_stripe.stop()
            if not os.environ.get("DATABASE_URL"):
                from marketplace.config.embedded_postgres import stop as stop_postgres

                stop_postgres()
            self.stdout.write("Stopped.")

    def _start_localstripe(self, env: dict):
        """Card payments in the demo without Stripe keys: a local fake Stripe (test cards 4242…)."""
        from marketplace.demo import stripe_sandbox as localstripe

        try:
            server = localstripe.localstripe_start()
        except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
            self.stderr.write(f"Card payments off: could not start localstripe ({exc}). Cash on delivery works.")
            return None
        env.update(STRIPE_SECRET_KEY=localstripe.SECRET_KEY, STRIPE_PUBLISHABLE_KEY=localstripe.PUBLISHABLE_KEY,
                   STRIPE_WEBHOOK_SECRET=localstripe.WEBHOOK_SECRET, STRIPE_API_BASE=server.url)
        self.stdout.write(f"Card payments: local fake Stripe at {server.url} (test card 4242 4242 4242 4242).")
        return server
