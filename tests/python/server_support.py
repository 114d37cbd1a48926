"""Starting and driving a dynafake-server from Python tests and scripts.

    with DynafakeServer(["--instant"]) as server:
        ddb = server.boto3_client()
        server.admin("POST", "/clock/advance", {"seconds": 60})

The binary is found through DYNAFAKE_SERVER (ctest passes it), else under
DYNAFAKE_BUILD_DIR or ./build*. The server listens on 127.0.0.1 port 0 and
reports its URL on its first stdout line; stop() sends SIGTERM and expects
exit status 0. Every wait is bounded.
"""
import glob
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("DYNAFAKE_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))

# Dummy credentials and no user configuration: the tests must not depend on ~/.aws.
CLIENT_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "dynafake-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_PAGER": "",
    "AWS_RETRY_MODE": "standard",
    "AWS_MAX_ATTEMPTS": "1",
}

INSTALL_HINT = ("install them with `pip install boto3 awscli` (or on Debian/Ubuntu "
                "`apt-get install python3-boto3 awscli`)")


def require_clients():
    """Fails (never skips) when boto3 or the AWS CLI is missing, saying what to install."""
    missing = []
    try:
        import boto3  # noqa: F401
        import botocore  # noqa: F401
    except ImportError as e:
        missing.append("boto3 (%s)" % e)
    if not aws_cli():
        missing.append("the AWS CLI (`aws` not on PATH and `python3 -m awscli` not importable)")
    if missing:
        raise RuntimeError("dynafake-server conformance needs real clients; missing: %s; %s"
                           % ("; ".join(missing), INSTALL_HINT))


def aws_cli():
    """The command that runs the AWS CLI, or None."""
    exe = shutil.which("aws")
    if exe:
        return [exe]
    try:
        import awscli  # noqa: F401
        return [sys.executable, "-m", "awscli"]
    except ImportError:
        return None


def server_binary():
    path = os.environ.get("DYNAFAKE_SERVER")
    if path:
        if not os.access(path, os.X_OK):
            raise RuntimeError("DYNAFAKE_SERVER=%s is not an executable file" % path)
        return path
    roots = [os.environ.get("DYNAFAKE_BUILD_DIR")] + sorted(glob.glob(os.path.join(SOURCE_DIR, "build*")))
    for root in filter(None, roots):
        candidate = os.path.join(root, "tools", "dynafake-server", "dynafake-server")
        if os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError("dynafake-server not found: build it (cmake --build build --target dynafake-server) "
                       "and set DYNAFAKE_SERVER to its path (ctest does this)")


class DynafakeServer:
    """One dynafake-server process on 127.0.0.1, port 0."""

    def __init__(self, args=(), binary=None, start_timeout=15.0):
        self.args = list(args)
        self.binary = binary or server_binary()
        self.start_timeout = start_timeout
        self.proc = None
        self.url = None
        self.stderr_lines = []

    # -- lifecycle
    def start(self):
        cmd = [self.binary, "--host", "127.0.0.1", "--port", "0"] + self.args
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        lines = queue.Queue()
        self._pumps = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, lines.put, True), daemon=True),
            threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr_lines.append), daemon=True)]
        for t in self._pumps:
            t.start()
        try:
            first = lines.get(timeout=self.start_timeout)
        except queue.Empty:
            self._reap(kill=True)
            raise RuntimeError("dynafake-server printed nothing within %.0f s; stderr: %s"
                               % (self.start_timeout, "".join(self.stderr_lines)))
        prefix = "dynafake-server listening on "
        if not first or not first.startswith(prefix):
            self._reap(kill=True)
            raise RuntimeError("unexpected first line from dynafake-server: %r; stderr: %s"
                               % (first, "".join(self.stderr_lines)))
        self.url = first[len(prefix):].strip()
        return self

    @staticmethod
    def _pump(stream, sink, mark_end=False):
        for line in stream:
            sink(line)
        if mark_end:
            sink(None)  # EOF before the first line: the server died

    def stop(self, sig=signal.SIGTERM, timeout=20.0):
        """Stops the server with `sig`; returns its exit status (the tests expect 0)."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._reap(kill=True)
            raise RuntimeError("dynafake-server did not stop within %.0f s of %s" % (timeout, sig))
        self._reap()
        return self.proc.returncode

    def _reap(self, kill=False):
        if kill and self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for t in self._pumps:
            t.join(timeout=5)
        self.proc.stdout.close()
        self.proc.stderr.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def host_port(self):
        return self.url[len("http://"):]

    # -- clients
    def boto3_client(self, access_key="AKIDEXAMPLE", **config):
        import boto3
        from botocore.config import Config
        settings = dict(retries={"total_max_attempts": 1, "mode": "standard"},
                        connect_timeout=5, read_timeout=30)
        settings.update(config)
        return boto3.client("dynamodb", endpoint_url=self.url, region_name="us-east-1",
                            aws_access_key_id=access_key, aws_secret_access_key="dynafake-secret",
                            config=Config(**settings))

    def aws(self, *args, check=True, timeout=60):
        """Runs `aws --endpoint-url URL dynamodb ARGS --output json`; returns (exit status, parsed stdout, stderr)."""
        cmd = aws_cli() + ["--endpoint-url", self.url, "--output", "json", "dynamodb"] + list(args)
        env = dict(os.environ)
        env.update(CLIENT_ENV)
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError("%s failed (%d): %s" % (" ".join(cmd), done.returncode, done.stderr))
        out = json.loads(done.stdout) if done.stdout.strip() else None
        return done.returncode, out, done.stderr

    def request(self, method, path, body=None, headers=None, timeout=30):
        """A raw HTTP request; returns (status, parsed JSON body or text, headers)."""
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, raw, hdrs = r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            status, raw, hdrs = e.code, e.read(), e.headers
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return status, parsed, hdrs

    def admin(self, method, path, body=None, expect=200):
        status, parsed, _ = self.request(method, "/_dynafake" + path, body)
        if expect is not None and status != expect:
            raise AssertionError("admin %s %s -> %d %r (expected %d)" % (method, path, status, parsed, expect))
        return parsed


# boto3 clients made in this process see the same hermetic settings as the CLI.
os.environ.update(CLIENT_ENV)
