"""Sandbox state: JSON documents keyed by (kind, id) plus named counters.

Every request runs in one transaction. In memory a lock serializes them and a journal undoes
a failed one; in SQLite ``BEGIN IMMEDIATE`` takes the write lock up front, so concurrent
writers — threads, tasks or other processes on the same file — see each other's bookings
before deciding, and nothing is lost or duplicated.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, Protocol

from cal_actions.sandbox.errors import StateFileError

Document = dict[str, Any]


class Tx(Protocol):
    """What a handler sees of the state during one request."""

    def get(self, kind: str, key: str | int) -> Document | None: ...
    def put(self, kind: str, key: str | int, document: Document) -> None: ...
    def delete(self, kind: str, key: str | int) -> bool: ...
    def all(self, kind: str) -> list[Document]: ...
    def next_id(self, counter: str) -> int: ...


class Store(Protocol):
    def transaction(self) -> Any: ...  # context manager yielding a Tx
    def clear(self) -> None: ...
    def close(self) -> None: ...


class _MemoryTx:
    def __init__(self, docs: dict[str, dict[str, str]], counters: dict[str, int]) -> None:
        self._docs = docs
        self._counters = counters
        self._undo: list[tuple[str, str, str | None]] = []
        self._counter_undo: dict[str, int] = {}

    def get(self, kind: str, key: str | int) -> Document | None:
        raw = self._docs.get(kind, {}).get(str(key))
        return None if raw is None else json.loads(raw)

    def put(self, kind: str, key: str | int, document: Document) -> None:
        bucket = self._docs.setdefault(kind, {})
        self._undo.append((kind, str(key), bucket.get(str(key))))
        bucket[str(key)] = json.dumps(document)

    def delete(self, kind: str, key: str | int) -> bool:
        bucket = self._docs.get(kind, {})
        old = bucket.pop(str(key), None)
        if old is not None:
            self._undo.append((kind, str(key), old))
        return old is not None

    def all(self, kind: str) -> list[Document]:
        return [json.loads(raw) for raw in self._docs.get(kind, {}).values()]

    def next_id(self, counter: str) -> int:
        self._counter_undo.setdefault(counter, self._counters.get(counter, 0))
        self._counters[counter] = self._counters.get(counter, 0) + 1
        return self._counters[counter]

    def rollback(self) -> None:
        for kind, key, old in reversed(self._undo):
            bucket = self._docs.setdefault(kind, {})
            if old is None:
                bucket.pop(key, None)
            else:
                bucket[key] = old
        self._counters.update(self._counter_undo)


class MemoryStore:
    def __init__(self) -> None:
        self._docs: dict[str, dict[str, str]] = {}
        self._counters: dict[str, int] = {}
        self._lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[_MemoryTx]:
        with self._lock:
            tx = _MemoryTx(self._docs, self._counters)
            try:
                yield tx
            except BaseException:
                tx.rollback()
                raise

    def clear(self) -> None:
        with self._lock:
            self._docs.clear()
            self._counters.clear()

    def close(self) -> None:
        pass


_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


class _SqliteTx:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def get(self, kind: str, key: str | int) -> Document | None:
        row = self._db.execute("SELECT body FROM documents WHERE kind = ? AND id = ?", (kind, str(key))).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, kind: str, key: str | int, document: Document) -> None:
        self._db.execute(
            "INSERT INTO documents (kind, id, body) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body",
            (kind, str(key), json.dumps(document)),
        )

    def delete(self, kind: str, key: str | int) -> bool:
        return self._db.execute("DELETE FROM documents WHERE kind = ? AND id = ?", (kind, str(key))).rowcount > 0

    def all(self, kind: str) -> list[Document]:
        rows = self._db.execute("SELECT body FROM documents WHERE kind = ? ORDER BY rowid", (kind,))
        return [json.loads(body) for (body,) in rows]

    def next_id(self, counter: str) -> int:
        row = self._db.execute(
            "INSERT INTO counters (name, value) VALUES (?, 1) "
            "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
            (counter,),
        ).fetchone()
        return int(row[0])


#: Table → columns of a sandbox file; a file holding anything else belongs to another program.
_TABLES = {"documents": {"kind", "id", "body"}, "counters": {"name", "value"}}


def check_state_file(path: Path) -> None:
    """Refuse ``path`` unless it is new, empty or a sandbox file, reading it only (nothing is written yet)."""
    if path.is_dir():
        raise StateFileError(f"{path} is a folder, not a sandbox database file")
    if not path.parent.is_dir():
        raise StateFileError(f"cannot create the sandbox database {path}: the folder {path.parent} does not exist")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as db:
            rows = db.execute(
                "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
                "WHERE m.type = 'table'"
            ).fetchall()
    except sqlite3.Error as error:
        raise StateFileError(f"{path} is not a sandbox database ({error})") from None
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    if any(_TABLES.get(table) != columns for table, columns in tables.items()):
        raise StateFileError(
            f"{path} is not a sandbox database (it holds the tables {', '.join(sorted(tables))}); "
            "choose a new file name, the sandbox creates it"
        )


class SqliteStore:
    """One file shared by any number of sandboxes and processes."""

    def __init__(self, path: str | Path, *, busy_timeout: float = 30.0) -> None:
        self.path = Path(path)
        check_state_file(self.path)
        try:
            # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE.
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as error:
            raise StateFileError(f"cannot open the sandbox database {self.path}: {error}") from None
        self._lock = threading.RLock()  # one connection, so threads of this process take turns

    @contextmanager
    def transaction(self) -> Iterator[_SqliteTx]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def clear(self) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM documents")
            self._db.execute("DELETE FROM counters")

    def close(self) -> None:
        with self._lock:
            self._db.close()
