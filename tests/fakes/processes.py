"""Start real ClinicBot processes (Celery workers, gunicorn) for integration tests and benches."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for another process to reach the same (test) database."""
    return (
        f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{settings_dict['HOST']}:"
        f"{settings_dict['PORT']}/{settings_dict['NAME']}"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_worker(
    env: dict[str, str],
    *,
    queue: str,
    concurrency: int = 1,
    log_path: Path | None = None,
    name: str = "w1",
    pool: str = "",
) -> subprocess.Popen:
    """One Celery worker process: solo for concurrency 1, else prefork, or `pool` (threads)."""
    pool = pool or ("solo" if concurrency == 1 else "prefork")
    pool_args = [f"--pool={pool}"] + ([f"--concurrency={concurrency}"] if pool != "solo" else [])
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "clinicbot",
            "worker",
            *pool_args,
            "-Q",
            queue,
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "WARNING",
        ],
        cwd=ROOT,
        env=os.environ | {"CELERY_QUEUE": queue} | env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return process


def wait_for_worker(process: subprocess.Popen, timeout: float = 30) -> None:
    """Block until the worker answers a ping (it has connected to the broker)."""
    from clinicbot.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker exited with {process.returncode}")
        if app.control.ping(timeout=0.5):
            return
    raise RuntimeError("worker did not answer a ping in time")


def start_gunicorn(
    env: dict[str, str], *, port: int, workers: int = 2, log_path: Path | None = None, threads: int = 4
) -> subprocess.Popen:
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clinicbot.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=os.environ | env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}") from None
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not listen in time")


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
