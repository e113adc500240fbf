# fuelgauge's Python harness. componentize-py runs this module's top level once, at build
# time, and snapshots the interpreter afterwards: every run starts from that state, with the
# interpreter initialised, the harness loaded and the modules below imported.
#
# Trust: nothing here is trusted by the host. A candidate runs inside `call` or `main` and
# can reach and change everything in this interpreter, but only after `prepare` is done and
# only inside the one call the host meters; when that call returns, the host drops the
# instance. What the host judges is the value that call returns.

import builtins
import io
import os
import pickle
import random
import sys
import time

import wit_world
from componentize_py_types import Err
from wit_world import (
    Outcome_Exited,
    Outcome_NotPlain,
    Outcome_OutputLimit,
    Outcome_Raised,
    Outcome_Returned,
    Outcome_Syntax,
)

# Standard modules a candidate may import for free: they are part of the snapshot. Any
# module not listed here (and not imported by one of these) does not exist at run time.
_WANTED = """
abc array ast base64 binascii bisect builtins calendar cmath codecs collections
collections.abc colorsys contextlib copy copyreg csv dataclasses datetime decimal difflib
doctest enum errno fnmatch fractions functools gc graphlib hashlib heapq hmac html
html.parser inspect io itertools json keyword linecache locale math numbers operator
pickle pprint queue random re reprlib secrets shlex statistics string struct sys
textwrap threading time timeit tokenize traceback types typing unicodedata unittest uuid
warnings weakref zlib
""".split()
PREIMPORTED = []
for _name in _WANTED:
    try:
        __import__(_name)
        PREIMPORTED.append(_name)
    except ImportError:
        pass
del _name

sys.set_int_max_str_digits(0)

_state = {}
# The stdin object of the run, for `open(0)`.
_stdin_bytes = [b""]


class _HardExit(BaseException):
    """`os._exit(status)`: ends the program at once (its output so far is kept)."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class _OutputLimit(BaseException):
    pass


class _Capped(io.BytesIO):
    """An output stream's bytes, up to a cap; past it the program stops (`output_limit`)."""

    def __init__(self, cap, fd):
        super().__init__()
        self.cap = cap
        self.fd = fd
        self.hit = False

    def write(self, b):
        if self.tell() + len(b) > self.cap:
            self.hit = True
            raise _OutputLimit()
        return super().write(b)


class _Stdout(io.StringIO):
    """A stdio program's stdout. Text (`print`, `write`) is kept as text at the cost of a
    StringIO write, a third of a TextIOWrapper's, so printing line by line costs what it
    costs natively, not three times more. `flush()` (and `os.write`, and the end of the
    program) encodes the text so far into `buffer`, which also takes bytes directly, so
    flushed text and bytes stay in order, as with CPython's own stdout. The cap is checked
    at every flush and at the end; printing without end runs into the memory cap first."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, capped):
        super().__init__()
        self.buffer = capped

    def flush(self):
        text = self.getvalue()
        if text:
            self.seek(0)
            self.truncate()
            self.buffer.write(text.encode("utf-8"))

    def reconfigure(self, **kwargs):
        pass


# --- a deterministic, host-free world -------------------------------------------------
# The component has no WASI: every clock reads the fuel this instance has consumed
# (1 fuel = 1 ns), sleeping returns at once, randomness comes from the per-test seed, and
# there is no file system; a sleep is charged as fuel. Replacing the functions here keeps
# common code working; reaching
# an original (through `gc`, say) only traps, which is the candidate's own runtime error.
_fuel_now = wit_world.fuel_now
_EPOCH_NS = 1_704_067_200_000_000_000  # 2024-01-01T00:00:00Z


def _ns():
    return _fuel_now()


time.time_ns = lambda: _EPOCH_NS + _ns()
time.time = lambda: (_EPOCH_NS + _ns()) / 1e9
for _clock in ("monotonic", "perf_counter", "process_time", "thread_time"):
    setattr(time, _clock + "_ns", _ns)
    setattr(time, _clock, lambda: _ns() / 1e9)
_sleep = wit_world.sleep


def _time_sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _sleep(int(seconds * 1e9))


time.sleep = _time_sleep
time.localtime = lambda secs=None: time.gmtime(time.time() if secs is None else secs)
del _clock

_entropy = random.Random(0)


def _urandom(n):
    return _entropy.randbytes(n)


os.urandom = _urandom
random._urandom = _urandom
_seed = random.Random.seed


def _random_seed(self, a=None, version=2):
    # Seeding from None would read the host's entropy; read the per-test stream instead.
    _seed(self, int.from_bytes(_urandom(32)) if a is None else a, version)


random.Random.seed = _random_seed
_new = random.Random.__new__
# The C constructor seeds from the host's entropy unless given a seed; `__init__` reseeds.
random.Random.__new__ = staticmethod(lambda cls, *args, **kwargs: _new(cls, 0))
random.seed = random._inst.seed  # bound before the patch
os.environ.clear()


def _exit(status):
    raise _HardExit(status)


os._exit = _exit


def _os_write(fd, data):
    if fd == 1 or fd == 2:
        stream = sys.stdout if fd == 1 else sys.stderr
        stream.flush()
        return stream.buffer.write(bytes(data))
    raise OSError(9, "Bad file descriptor")


def _os_read(fd, n):
    if fd == 0:
        return sys.stdin.buffer.read(n)
    raise OSError(9, "Bad file descriptor")


os.write = _os_write
os.read = _os_read


def _open(file, mode="r", *args, **kwargs):
    if file == 0:
        return io.BytesIO(_stdin_bytes[0]) if "b" in mode else sys.stdin
    if file in (1, 2):
        return sys.stdout if file == 1 else sys.stderr
    raise PermissionError(13, "fuelgauge runs candidates without a file system", file)


builtins.open = _open
io.open = _open


def _input(prompt=""):
    """`input()` without the builtin's tty probe and flushes (a raised and cleared exception
    and two method calls per line, four times what reading the line costs): the same line,
    the same EOFError."""
    if prompt:
        sys.stdout.write(str(prompt))
    line = sys.stdin.readline()
    if not line:
        raise EOFError("EOF when reading a line")
    return line[:-1] if line[-1] == "\n" else line


builtins.input = _input


def _quit(code=None):
    raise SystemExit(code)


builtins.exit = builtins.quit = _quit

# Every module there is was imported above: with no search path, a missing module is a plain
# ModuleNotFoundError instead of a file-system probe.
sys.path[:] = []
sys.path_importer_cache.clear()

# Calls that would reach the (absent) file system or start processes raise PermissionError
# instead of trapping. An audit hook cannot be removed, and CPython consults it before it
# opens a file, for a syntax error's source line or a traceback.
_BLOCKED = frozenset("""
open os.listdir os.scandir os.chdir os.mkdir os.remove os.rename os.rmdir os.truncate
os.utime os.chmod os.chown os.link os.symlink os.system os.exec os.spawn os.posix_spawn
os.fork os.forkpty os.kill os.putenv os.unsetenv subprocess.Popen shutil.copyfile
shutil.rmtree socket.__new__ socket.connect socket.bind ctypes.dlopen glob.glob
tempfile.mkstemp tempfile.mkdtemp
""".split())


def _audit(event, args):
    if event in _BLOCKED:
        raise PermissionError(13, "fuelgauge runs candidates without a file system or processes", event)


sys.addaudithook(_audit)

# --- results ------------------------------------------------------------------------------
# A function's result leaves as `pickle.dumps(result, 4)`: one C pass, decoded and checked by
# the host (`src/judge/pickle.rs`), which accepts builtin types only.
_type, _repr = type, repr
_pickle_dumps = pickle.dumps


class _NotPlain(Exception):
    """The result cannot be pickled (a lambda, a local class, ...)."""


def _pickled(result):
    # Only the pickling is caught here: an exception of the candidate's own function is a
    # runtime error, not a result that cannot be converted.
    try:
        return _pickle_dumps(result, 4)
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        raise _NotPlain(str(e)[:200]) from None


def _describe(e):
    return _type(e).__name__ + ": " + str(e)[:300]


def _compile(source):
    try:
        return compile(source, "<candidate>", "exec"), None
    except BaseException as e:
        return None, Outcome_Syntax(_describe(e))


class WitWorld(wit_world.WitWorld):
    def prepare(self, args, stdin, seed, stdout_cap):
        random.seed(seed)
        _entropy.seed(seed ^ 0x5EED)
        try:
            _state["args"] = pickle.loads(args) if args else ()
        except BaseException as e:
            raise Err(_describe(e))
        if _type(_state["args"]) is not tuple:
            raise Err("the arguments are not a tuple")
        _stdin_bytes[0] = stdin
        _state["out"] = out = _Capped(stdout_cap, 1)
        _state["err"] = err = _Capped(1 << 20, 2)
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        # A function's prints are not its result: there the cap must stop a flood at once.
        sys.stdout = io.TextIOWrapper(out, encoding="utf-8")
        sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace")
        sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr

    def call(self, source, entry):
        code, failed = _compile(source)
        if failed:
            return failed
        try:
            namespace = {"__name__": "__candidate__"}
            exec(code, namespace)
            if entry not in namespace:
                return Outcome_Raised("NameError: the entry point " + entry + " is not defined")
            result = namespace[entry](*_state["args"])
            data = _pickled(result)
            if len(data) > _state["out"].cap:
                return Outcome_OutputLimit(1)
            return Outcome_Returned(data)
        except _NotPlain as e:
            return Outcome_NotPlain("the result cannot be converted (" + str(e) +
                                    "); return builtin types only (int, float, str, list, ...)")
        except RecursionError:
            return Outcome_Raised("RecursionError: maximum recursion depth exceeded")
        except _OutputLimit:
            return Outcome_OutputLimit(_state["err"].fd if _state["err"].hit else 1)
        except _HardExit as e:
            return Outcome_Raised("SystemExit: os._exit(" + _repr(e.status) + ") inside the function")
        except BaseException as e:
            return Outcome_Raised(_describe(e))

    def main(self, source):
        code, failed = _compile(source)
        if failed:
            return failed
        # Detached, the function-mode wrapper leaves `out` open when it is collected.
        sys.stdout.detach()
        sys.stdout = sys.__stdout__ = stdout = _Stdout(_state["out"])
        status = 0
        try:
            try:
                exec(code, {"__name__": "__main__", "__builtins__": builtins})
            except SystemExit as e:
                status = e.code
            except _HardExit as e:
                status = e.status
            sys.stdout.flush()
            stdout.flush()
        except _OutputLimit:
            pass
        except BaseException as e:
            if not (_state["out"].hit or _state["err"].hit):
                return Outcome_Raised(_describe(e))
        for stream in (_state["out"], _state["err"]):
            if stream.hit:
                return Outcome_OutputLimit(stream.fd)
        if status is None or status == 0 or status is False:
            return Outcome_Returned(_state["out"].getvalue())
        if _type(status) is int:
            return Outcome_Exited(status)
        return Outcome_Raised("SystemExit: " + str(status)[:300])
